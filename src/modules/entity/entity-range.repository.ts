/**
 * Ranges that must not end before they start: an entity's startsAt/endsAt (compared as
 * instants), startDate/endDate, startYear/endYear and the days of its date-times against its
 * dates (startsAt on startDate, endsAt on endDate), and a relationship's startDate/endDate.
 * Checked inside the write transaction after the write, so an update is compared with what is
 * stored and a refusal (BadUserInputError) rolls the whole write back.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { BadUserInputError } from '../../shared/errors';
import type { RelationshipType } from '../../shared/model';

/**
 * The checks, in the order they are reported: [first, second, what is wrong when second < first
 * (ORDER) or second differs from first (SAME_DAY)]. A date-time is read on the day of its own
 * time zone or offset (Neo4j's date() of it), as a source gives the day of an event.
 */
const ENTITY_RANGE_CHECKS = [
  ['startsAt', 'endsAt', 'ORDER'],
  ['startDate', 'endDate', 'ORDER'],
  ['startYear', 'endYear', 'ORDER'],
  ['startDate', 'endsAt', 'ORDER'],
  ['startsAt', 'endDate', 'ORDER'],
  ['startDate', 'startsAt', 'SAME_DAY'],
  ['endDate', 'endsAt', 'SAME_DAY'],
] as const;

/** A property's value as compared: date-times by their local day when set against a date. */
const compared = (field: string, other: string): string =>
  field.endsWith('At') && !other.endsWith('At') ? `date(x.${field})` : `x.${field}`;

const ENTITY_RANGE_FAULTS = /* cypher */ `
UNWIND $ids AS id
MATCH (x:Entity {id: id})
RETURN id, [${ENTITY_RANGE_CHECKS.map(
  ([first, second, rule]) =>
    `CASE WHEN ${compared(second, first)} ${rule === 'ORDER' ? '<' : '<>'} ${compared(first, second)} ` +
    `THEN ['${first}', '${second}', '${rule}', toString(x.${first}), toString(x.${second}), ` +
    `toString(${compared(first, second)}), toString(${compared(second, first)})] END`,
).join(',\n        ')}] AS faults`;

// The relationship type comes from the closed RelationshipType list, never from input text.
const LINK_RANGE_FAULTS = (type: RelationshipType): string => /* cypher */ `
UNWIND $links AS link
MATCH (:Entity {id: link.fromId})-[x:${type}]->(:Entity {id: link.toId})
WHERE x.endDate < x.startDate
RETURN link.key AS key, toString(x.startDate) AS start, toString(x.endDate) AS end`;

/**
 * BAD_USER_INPUT when a range of the entity ends before it starts, or a date-time falls on
 * another day than the date beside it, naming the field the input gave (the later one when it
 * gave both): the field the client has to change.
 */
export async function assertEntityRanges(
  tx: ManagedTransaction,
  id: string,
  given: readonly string[],
): Promise<void> {
  const fault = (await entityRangeFaults(tx, [{ id, given }])).get(id);
  if (fault) throw fault;
}

/**
 * The range refusal of each of several entities written in one transaction (bulk import), by
 * id: one statement for them all, only for those whose write gave a field of a check.
 */
export async function entityRangeFaults(
  tx: ManagedTransaction,
  writes: readonly { id: string; given: readonly string[] }[],
): Promise<Map<string, BadUserInputError>> {
  const refusals = new Map<string, BadUserInputError>();
  // Only the checks this write touched: older data is not this write's fault.
  const touched = writes.filter(({ given }) =>
    ENTITY_RANGE_CHECKS.some(([a, b]) => given.includes(a) || given.includes(b)),
  );
  if (touched.length === 0) return refusals;
  const givenOf = new Map(touched.map((w) => [w.id, w.given]));
  const result = await tx.run(ENTITY_RANGE_FAULTS, { ids: touched.map((w) => w.id) });
  for (const record of result.records) {
    const id = record.get('id') as string;
    const given = givenOf.get(id)!;
    const faults = ((record.get('faults') ?? []) as (string[] | null)[]).filter(
      (f): f is string[] => f !== null && (given.includes(f[0]!) || given.includes(f[1]!)),
    );
    const fault = faults[0];
    if (!fault) continue;
    const [first, second, rule, firstValue, secondValue, firstDay, secondDay] = fault;
    const field = given.includes(second!) ? second! : first!;
    const stored = given.includes(first!) && given.includes(second!) ? '' : ' (as stored)';
    const message =
      rule === 'ORDER'
        ? `${second} ${secondValue} is before ${first} ${firstValue}${stored}; a range cannot end before it starts.`
        : `${second} ${secondValue} falls on ${secondDay}, not on ${first} ${firstDay}${stored}; give the same day in both, or leave one out.`;
    refusals.set(id, new BadUserInputError(`input.${field}: ${message}`, `input.${field}`));
  }
  return refusals;
}

/** BAD_USER_INPUT naming input.endDate when the relationship now ends before it starts. */
export async function assertLinkRange(
  tx: ManagedTransaction,
  type: RelationshipType,
  fromId: string,
  toId: string,
): Promise<void> {
  const fault = (await linkRangeRefusals(tx, type, [{ key: '', fromId, toId }])).get('');
  if (fault) throw fault;
}

/** The range refusal of each of several links of one type (bulk import), by the caller's key. */
export async function linkRangeRefusals(
  tx: ManagedTransaction,
  type: RelationshipType,
  links: readonly { key: string; fromId: string; toId: string }[],
): Promise<Map<string, BadUserInputError>> {
  const refusals = new Map<string, BadUserInputError>();
  if (links.length === 0) return refusals;
  const result = await tx.run(LINK_RANGE_FAULTS(type), { links });
  for (const record of result.records)
    refusals.set(
      record.get('key') as string,
      new BadUserInputError(
        `input.endDate: the relationship would end on ${String(record.get('end'))}, before it starts on ${String(record.get('start'))}.`,
        'input.endDate',
      ),
    );
  return refusals;
}
