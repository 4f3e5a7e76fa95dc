/**
 * Statements recorded from our API for the raw-driver peer, as JSON: neo4j integers and
 * temporal values are tagged so that the replay sends exactly the parameter types we sent.
 */
import neo4j, { isDate, isDateTime, isInt } from 'neo4j-driver';

export interface RecordedStatement {
  cypher: string;
  params: unknown;
}

export function encodeParams(value: unknown): unknown {
  if (isInt(value)) return { $int: value.toString() };
  if (isDate(value as object)) return { $date: String(value) };
  if (isDateTime(value as object)) return { $datetime: String(value) };
  if (Array.isArray(value)) return value.map(encodeParams);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeParams(v)]));
  return value;
}

export function decodeParams(value: unknown): Record<string, unknown> {
  return decode(value) as Record<string, unknown>;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const tagged = value as Record<string, string>;
    if ('$int' in tagged) return neo4j.int(tagged.$int!);
    if ('$date' in tagged) return neo4j.types.Date.fromStandardDate(new Date(tagged.$date!));
    if ('$datetime' in tagged) {
      const text = tagged.$datetime!;
      return neo4j.types.DateTime.fromStandardDate(new Date(text));
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * The transaction timeout the peer and the raw driver give each statement: our API's default
 * for reads (30 s), so that requests the load generator abandoned stop in Neo4j for all three.
 */
export const BENCH_TRANSACTION_TIMEOUT_MS = 30_000;
