/**
 * The effective place, first day and last day of many events in one statement (for the
 * request's DataLoader), each with the PART_OF chain it was found along: empty when the event
 * states the value itself. The rules are those of event.effective.ts.
 */
import type { Database } from '../../db/database';
import { entityRow } from '../../shared/cypher';
import { fromEntityRow, type EntityRecord, type EntityRow } from '../entity/entity.record';
import {
  endingParts,
  placedWholes,
  startingParts,
  statedEnd,
  statedStart,
} from './event.effective';

/** A value and the events walked to find it, from the event's neighbour to the one stating it. */
export interface Effective<T> {
  value: T;
  chain: EntityRecord[];
}

export interface EffectiveFacts {
  place: Effective<EntityRecord> | null;
  startDate: Effective<string> | null;
  endDate: Effective<string> | null;
}

const chainRows = (path: string): string => `[c IN nodes(${path})[1..] | ${entityRow('c')}]`;

// Each fact: the stated value (chain []) or the derived candidates, then the nearest and, for
// days, the earliest start or latest end; ties by the stating event's name for a stable answer.
/**
 * One effective day of event `e` as `name`: the stated one, else the earliest (ASC) or latest
 * (DESC) of the parts it spans, with the chain walked to it; nearer parts, then names, break ties.
 */
const effectiveDay = (
  name: string,
  stated: (n: string) => string,
  parts: (n: string, d: string, path: string) => string,
  order: 'ASC' | 'DESC',
): string => /* cypher */ `
OPTIONAL CALL (e) {
  CALL (e) {
    WITH e WHERE ${stated('e')} IS NOT NULL
    RETURN ${stated('e')} AS day, [] AS chain, 0 AS steps, '' AS tie
    UNION
    MATCH ${parts('e', 'd', 'w')}
    WHERE ${stated('e')} IS NULL
    RETURN ${stated('d')} AS day, ${chainRows('w')} AS chain, length(w) AS steps, d.name AS tie
  }
  WITH day, chain ORDER BY day ${order}, steps, tie LIMIT 1
  RETURN {value: toString(day), chain: chain} AS ${name}
}`;

const FIND_EFFECTIVE = /* cypher */ `
UNWIND $ids AS id
MATCH (e:Entity&Event {id: id})
OPTIONAL CALL (e) {
  CALL (e) {
    MATCH (e)-[:HELD_IN]->(p:Place)
    RETURN p, [] AS chain, 0 AS steps
    UNION
    MATCH ${placedWholes('e', 'a', 'w')}
    WHERE NOT EXISTS { (e)-[:HELD_IN]->(:Place) }
    MATCH (a)-[:HELD_IN]->(p:Place)
    RETURN p, ${chainRows('w')} AS chain, length(w) AS steps
  }
  WITH p, chain ORDER BY steps, p.name, p.id LIMIT 1
  RETURN {value: ${entityRow('p')}, chain: chain} AS place
}
${effectiveDay('startDate', statedStart, startingParts, 'ASC')}
${effectiveDay('endDate', statedEnd, endingParts, 'DESC')}
RETURN id, place, startDate, endDate`;

type Row<T> = { value: T; chain: EntityRow[] } | null;

const effective = <T, U>(row: Row<T>, convert: (value: T) => U): Effective<U> | null =>
  row && { value: convert(row.value), chain: row.chain.map(fromEntityRow) };

export class EventRepository {
  constructor(private readonly db: Database) {}

  async effectiveFacts(
    ids: readonly string[],
    requestId?: string,
  ): Promise<Map<string, EffectiveFacts>> {
    const result = await this.db.query(
      FIND_EFFECTIVE,
      { ids: [...ids] },
      { operation: 'event.effectiveFacts', requestId },
    );
    return new Map(
      result.records.map((r) => [
        r.get('id') as string,
        {
          place: effective(r.get('place') as Row<EntityRow>, fromEntityRow),
          startDate: effective(r.get('startDate') as Row<string>, String),
          endDate: effective(r.get('endDate') as Row<string>, String),
        },
      ]),
    );
  }
}
