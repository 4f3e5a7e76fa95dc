/** Cypher fragments shared by repositories. Variable names come from our code, never from input. */

/**
 * A node as `{labels, properties}` (the shape of a driver Node) with its temporal properties as
 * ISO strings: decoding a DateTime costs the JavaScript driver a dozen objects (a zoned one an
 * Intl formatter call too), on every dated node of every answer, and the API answers strings
 * anyway. `timeZone` is an event's stored IANA zone, else that of its `startsAt` or `endsAt`
 * (null for an offset). Nodes without one of these properties get it as null.
 */
export const lightNode = (n: string): string =>
  `{labels: labels(${n}), properties: ${n} {.*, ${TEMPORAL_PROPERTIES.map((p) => `${p}: toString(${n}.${p})`).join(', ')}, timeZone: coalesce(${n}.timeZone, CASE WHEN toString(${n}.startsAt) ENDS WITH ']' THEN ${n}.startsAt.timezone WHEN toString(${n}.endsAt) ENDS WITH ']' THEN ${n}.endsAt.timezone END)}}`;

/** Every temporal property of our nodes (dates, zoned date-times, bookkeeping timestamps). */
const TEMPORAL_PROPERTIES = [
  'createdAt',
  'updatedAt',
  'startsAt',
  'endsAt',
  'startDate',
  'endDate',
  'date',
] as const;

/**
 * An entity as `{node, evidenceIds}` with its own evidence (read by `fromEntityRow`). Used
 * wherever a statement returns entities, so that related entities come back with the statement
 * that finds them instead of a second one. The evidence of the documents that mention it is
 * read only when a query asks for an entity's evidence (`mentionEvidence`): a document mentions
 * many entities, and reading its evidence for every entity returned multiplies the reads of
 * every statement that returns entities.
 */
export const entityRow = (n: string): string =>
  `{node: ${lightNode(n)}, evidenceIds: coalesce(${n}.evidenceIds, [])}`;

/**
 * An entity as an `entityRow` holding only what names it: id, slug, name and labels. For
 * selections that ask nothing more of it (see `NAMING_FIELDS`); a whole entity row is several
 * times the bytes for the driver to decode.
 */
export const namingRow = (n: string): string =>
  `{node: {labels: labels(${n}), properties: ${n} {.id, .slug, .name}}, evidenceIds: []}`;

/** How much of the entities at the other end of a link a statement reads. */
export type Parties = 'whole' | 'naming';

/** Fields of an entity that a `namingRow` answers. */
export const NAMING_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'slug',
  'name',
  'type',
]);

/** An entity as an `entityRow`, or as a `namingRow` when `parties` is 'naming'. */
export const partyRow = (n: string, parties: Parties): string =>
  parties === 'naming' ? namingRow(n) : entityRow(n);

/**
 * An interaction as `{node, links}`, each link with the entity at its other end as a
 * `partyRow` (read by `fromInteractionRow`).
 */
export const interactionRow = (i: string, parties: Parties = 'whole'): string =>
  `{node: ${lightNode(i)}, links: [(${i})-[link]-(party:Entity) WHERE type(link) <> 'MENTIONS' | {type: type(link), outgoing: startNode(link) = ${i}, entityId: party.id, entity: ${partyRow('party', parties)}}]}`;

/**
 * The WHERE clause of the filters given, and only those: `$kind IS NULL OR ...` for absent ones
 * would keep the planner from using an index on the ones present.
 */
export function whereOf<F extends object>(filter: F, predicates: Record<keyof F, string>): string {
  const present = (Object.keys(predicates) as (keyof F)[]).filter(
    (key) => filter[key] !== null && filter[key] !== undefined,
  );
  return present.length ? `WHERE ${present.map((key) => predicates[key]).join('\n  AND ')}` : '';
}
