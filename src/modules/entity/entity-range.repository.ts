/**
 * Ranges that must not end before they start: an entity's startsAt/endsAt (compared as
 * instants), startDate/endDate and startYear/endYear, and a relationship's startDate/endDate.
 * Checked inside the write transaction after the write, so an update is compared with what is
 * stored and a refusal (BadUserInputError) rolls the whole write back.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { BadUserInputError } from '../../shared/errors';
import type { RelationshipType } from '../../shared/model';

/** [start, end] property pairs, in the order they are reported. */
const ENTITY_RANGES = [
  ['startsAt', 'endsAt'],
  ['startDate', 'endDate'],
  ['startYear', 'endYear'],
] as const;

const ENTITY_RANGE_FAULTS = /* cypher */ `
MATCH (x:Entity {id: $id})
RETURN [pair IN $pairs WHERE x[pair[1]] < x[pair[0]] |
        [pair[0], pair[1], toString(x[pair[0]]), toString(x[pair[1]])]] AS faults`;

// The relationship type comes from the closed RelationshipType list, never from input text.
const linkRangeFaults = (type: RelationshipType): string => /* cypher */ `
MATCH (:Entity {id: $fromId})-[x:${type}]->(:Entity {id: $toId})
WHERE x.endDate < x.startDate
RETURN toString(x.startDate) AS start, toString(x.endDate) AS end`;

/**
 * BAD_USER_INPUT when a range of the entity ends before it starts, naming the end when the
 * input gave it (else the start): the field the client has to change.
 */
export async function assertEntityRanges(
  tx: ManagedTransaction,
  id: string,
  given: readonly string[],
): Promise<void> {
  // Only the ranges this write touched: older data is not this write's fault.
  const pairs = ENTITY_RANGES.filter(
    ([start, end]) => given.includes(start) || given.includes(end),
  );
  if (pairs.length === 0) return;
  const result = await tx.run(ENTITY_RANGE_FAULTS, { id, pairs });
  const faults = (result.records[0]?.get('faults') ?? []) as [string, string, string, string][];
  const fault = faults[0];
  if (!fault) return;
  const [start, end, startValue, endValue] = fault;
  const field = given.includes(end) ? end : start;
  const stored = given.includes(start) && given.includes(end) ? '' : ' (as stored)';
  throw new BadUserInputError(
    `input.${field}: ${end} ${endValue} is before ${start} ${startValue}${stored}; a range cannot end before it starts.`,
    `input.${field}`,
  );
}

/** BAD_USER_INPUT naming input.endDate when the relationship now ends before it starts. */
export async function assertLinkRange(
  tx: ManagedTransaction,
  type: RelationshipType,
  fromId: string,
  toId: string,
): Promise<void> {
  const result = await tx.run(linkRangeFaults(type), { fromId, toId });
  const record = result.records[0];
  if (!record) return;
  throw new BadUserInputError(
    `input.endDate: the relationship would end on ${String(record.get('end'))}, before it starts on ${String(record.get('start'))}.`,
    'input.endDate',
  );
}
