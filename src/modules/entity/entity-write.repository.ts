/**
 * Writes to entities and relationships. Each public method is one transaction: every check
 * and every write happen inside it, so a failure (a coded error thrown from the work function)
 * rolls everything back. Labels and relationship types come from the closed model lists.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { UniqueValueTakenError, type ChangedItem, type Database } from '../../db/database';
import { linkKey, toGlobalId } from '../../shared/global-id';
import { entityRow } from '../../shared/cypher';
import { ConflictError, NotFoundError, BadUserInputError } from '../../shared/errors';
import {
  checkEndpoints,
  ENTITY_LABELS,
  type EntityLabel,
  type RelationshipType,
} from '../../shared/model';
import { stableId } from '../../shared/ids';
import { aliasProblem, nameKey, quoteProblem } from '../../shared/text';
import { WRITE_EVIDENCE } from '../evidence/evidence.repository';
import { keepInteractionRules } from '../integrity/integrity';
import { fromEntityRow, type EntityRecord, type EntityRow } from './entity.record';
import { assertEntityRanges, assertLinkRange } from './entity-range.repository';

export interface EvidenceWrite {
  kind: 'STATED' | 'EXTERNAL' | 'ASSERTED';
  documentId: string | null;
  quote: string | null;
  translation: string | null;
  url: string | null;
  confidence: 'STATED' | 'INFERRED';
  assertedBy: string | null;
  /** Where the evidence came from in the request, for error messages (e.g. "input.evidence[0]"). */
  argument: string;
}

/** The evidence of a fact the caller asserts itself (no document, no url). */
export const assertedEvidence = (client: string | null, argument: string): EvidenceWrite => ({
  kind: 'ASSERTED',
  documentId: null,
  quote: null,
  translation: null,
  url: null,
  confidence: 'STATED',
  assertedBy: client,
  argument,
});

export interface EntityWrite {
  props: Record<string, unknown>;
  aliases?: { name: string; language: string | null }[];
  /** Date-valued properties (YYYY-MM-DD), stored as Neo4j dates. */
  dates?: Record<string, string | null>;
  /** startsAt/endsAt (ISO 8601 with offset), stored as Neo4j date-times, in timeZone when given. */
  dateTimes?: Record<string, string | null>;
  timeZone?: string | null;
}

/**
 * Where a statement reads a write's values: `$` for one write's parameters, `row.` for a row of
 * a batch (bulk import: UNWIND $rows AS row), so both paths run the same SET clauses.
 */
export type ValuesAt = '$' | 'row.';

const union = (p: ValuesAt): string =>
  `coalesce(x.evidenceIds, []) + [evId IN ${p}evidenceIds WHERE NOT evId IN coalesce(x.evidenceIds, [])]`;

// The label in the pattern (from the closed EntityLabel list): slugs are indexed per label.
const slugOwner = (label: EntityLabel): string =>
  /* cypher */ `MATCH (n:Entity&${label} {slug: $slug}) RETURN n.id AS id`;

/**
 * The IANA zone an event's date-times are shown in, as stored: its timeZone (kept as a property
 * since times may come later), else the zone of its stored startsAt or endsAt (events written
 * before the property). Null when none is named (values keep their own UTC offset).
 */
const storedZone = `coalesce(x.timeZone, CASE WHEN toString(x.startsAt) ENDS WITH ']' THEN x.startsAt.timezone
  WHEN toString(x.endsAt) ENDS WITH ']' THEN x.endsAt.timezone END)`;
/** The zone a write shows its date-times in: the one it gives, else the stored one. */
const zoneOf = (p: ValuesAt): string => `coalesce(${p}timeZone, ${storedZone})`;

/**
 * A date-time moved into a zone, the same instant to the nanosecond: built from the epoch, since
 * a value rebuilt from its local time falls on the earlier offset when a clock change repeats
 * that hour (03:30 on the last Sunday of October in Helsinki happens twice).
 */
const inZone = (dt: string, zone: string): string =>
  `datetime({epochSeconds: ${dt}.epochSeconds, nanosecond: ${dt}.nanosecond, timezone: ${zone}})`;

/** An instant from its ISO text, shown in the zone (zoneOf) when there is one. */
const zoned = (value: string, p: ValuesAt = '$'): string =>
  `CASE WHEN ${value} IS NULL THEN null WHEN ${zoneOf(p)} IS NULL THEN datetime(${value}) ELSE ${inZone(`datetime(${value})`, zoneOf(p))} END`;

/** A date-time's new value: the one given, else the stored one moved to a new timeZone given alone. */
const dateTimeValue = (k: 'startsAt' | 'endsAt', p: ValuesAt): string =>
  `CASE WHEN '${k}' IN keys(${p}dateTimes) THEN ${zoned(`${p}dateTimes.${k}`, p)}
     WHEN ${p}timeZone IS NOT NULL AND x.${k} IS NOT NULL THEN ${inZone(`x.${k}`, `${p}timeZone`)}
     ELSE x.${k} END`;

/**
 * Takes x's write lock (a property set and removed: Neo4j locks a node it writes, until the
 * transaction ends), so a write that compares before it writes reads x as the last writer left
 * it: of concurrent identical writes one changes x and the others find nothing to change. It
 * leaves x as it was; a write whose describe then names no change is none (Database.write).
 */
export const LOCK = (n = 'x'): string => `SET ${n}.writeLock = true REMOVE ${n}.writeLock`;

const slugTaken = (label: EntityLabel, slug: string): ConflictError =>
  new ConflictError(`slug "${slug}" is already taken by another ${label}.`, 'input.slug');

/**
 * Runs a write that sets a slug: the uniqueness constraint on the label's slugs refuses a taken
 * one, also when another transaction took it a moment ago, and that refusal names input.slug.
 */
async function claimingSlug<T>(
  label: EntityLabel,
  slug: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueValueTakenError) throw slugTaken(label, slug);
    throw error;
  }
}

// A create is a CREATE, never a MERGE: under the slug's uniqueness constraint, of two
// concurrent creates of one slug exactly one commits and the other fails (CONFLICT).
const createEntity = (label: EntityLabel): string =>
  /* cypher */ `CREATE (x:Entity:${label} {slug: $slug, id: $id, createdAt: datetime()}) RETURN x.id AS id`;
// An upsert MERGEs on the slug: under the constraint, concurrent upserts meet one node.
const mergeEntity = (label: EntityLabel): string =>
  /* cypher */ `MERGE (x:Entity:${label} {slug: $slug}) ON CREATE SET x.id = $id, x.createdAt = datetime() RETURN x.id AS id`;
/** The fields a write sets, as the change feed names them (input field names). */
export function fieldsOf(write: EntityWrite, evidence: boolean): string[] {
  return [
    ...Object.keys(write.props),
    ...(write.aliases ? ['aliases'] : []),
    ...Object.keys(write.dates ?? {}),
    ...Object.keys(write.dateTimes ?? {}),
    ...(write.timeZone ? ['timeZone'] : []),
    ...(evidence ? ['evidence'] : []),
  ];
}

/**
 * The fields a new link is given, as the change feed names them (a null role or date sets
 * nothing); `evidence` when some is recorded (an import line always records some: the caller's
 * assertion when it names none).
 */
export function linkFieldsOf(
  values: { role: string | null; startDate: string | null; endDate: string | null },
  evidence: boolean,
): string[] {
  return [
    ...(['role', 'startDate', 'endDate'] as const).filter((k) => values[k] !== null),
    ...(evidence ? ['evidence'] : []),
  ];
}

/** A link as the change feed names it: its type and the global ids of its two ends. */
export function linkItem(
  type: RelationshipType,
  from: { label: EntityLabel; id: string },
  to: { label: EntityLabel; id: string },
  op: ChangedItem['op'],
  fields: string[],
): ChangedItem {
  const fromId = toGlobalId(from.label, from.id);
  const toId = toGlobalId(to.label, to.id);
  return { id: linkKey(type, fromId, toId), type, op, fields, from: fromId, to: toId };
}
// The entity as the write left it, read in the write's transaction: what the caller is told is
// what its write stored, whatever other writes commit after it.
const READ_BACK = /* cypher */ `MATCH (x:Entity {id: $id}) RETURN ${entityRow('x')} AS row`;

/** Locks the entity first, so that the links read next are all the ones the delete removes. */
const LOCK_FOR_DELETE = /* cypher */ `
MATCH (x:Entity {id: $id})
SET x.deletedAt = datetime()
RETURN labels(x) AS labels,
  COUNT { (x)-[r]-() WHERE NOT (type(r) = "MENTIONS" AND startNode(r) <> x) } AS links,
  COLLECT { MATCH (x)-[r]-(i:Interaction) WHERE type(r) <> 'MENTIONS' RETURN DISTINCT i.id } AS interactions`;

/**
 * Records a relationship a -> b (or adds to one): a role or date left null keeps the stored one,
 * evidence ids are added. The type comes from the closed RelationshipType list.
 */
export const mergeLink = (type: RelationshipType, p: ValuesAt): string => /* cypher */ `
MERGE (a)-[x:${type}]->(b)
SET x.role = coalesce(${p}role, x.role), x.startDate = coalesce(date(${p}startDate), x.startDate),
    x.endDate = coalesce(date(${p}endDate), x.endDate), x.evidenceIds = ${union(p)}`;

/** Null-safe equality: both null, or equal. */
const same = (a: string, b: string): string =>
  `coalesce(${a} = ${b}, ${a} IS NULL AND ${b} IS NULL)`;

/** What an Evidence node stores besides its id (WRITE_EVIDENCE sets each of them). */
const EVIDENCE_VALUES = [
  'kind',
  'confidence',
  'quote',
  'language',
  'translation',
  'url',
  'note',
  'assertedBy',
  'documentId',
] as const;

/**
 * True when the evidence a write brings (`evidence`: EvidenceRecords) is not all on x yet: an id
 * x does not cite, or a stored Evidence whose values differ (a new confidence, translation or
 * note keeps the id, which only the source and quote make).
 */
export const evidenceChanged = (p: ValuesAt): string => /* cypher */ `any(ev IN ${p}evidence WHERE
  NOT ev.id IN coalesce(x.evidenceIds, [])
  OR NOT EXISTS { MATCH (e:Evidence {id: ev.id}) WHERE ${EVIDENCE_VALUES.map((k) => same(`e.${k}`, `ev.${k}`)).join(' AND ')} })`;

/**
 * The fields (input names) whose stored value on the entity x differs from what the write sets:
 * what an update really changes. Empty: the write would change nothing, and is not made.
 */
export const entityChanges = (p: ValuesAt): string => /* cypher */ `
  [k IN keys(${p}props) WHERE NOT ${same('x[k]', `${p}props[k]`)}]
  + [k IN keys(${p}dates) WHERE NOT ${same('x[k]', `date(${p}dates[k])`)}]
  + [k IN ['startsAt', 'endsAt'] WHERE NOT ${same('toString(x[k])', `toString(CASE k WHEN 'startsAt' THEN ${dateTimeValue('startsAt', p)} ELSE ${dateTimeValue('endsAt', p)} END)`)}]
  + CASE WHEN ${p}timeZone IS NOT NULL AND NOT ${same(storedZone, `${p}timeZone`)} THEN ['timeZone'] ELSE [] END
  + CASE WHEN ${p}aliases IS NOT NULL AND ([a IN ${p}aliases | a.name] <> coalesce(x.aliasNames, [])
      OR [a IN ${p}aliases | coalesce(a.language, '')] <> coalesce(x.aliasLanguages, [])) THEN ['aliases'] ELSE [] END
  + CASE WHEN ${evidenceChanged(p)} THEN ['evidence'] ELSE [] END`;

/** What a write's values would change on the stored entity (entityChanges). */
const ENTITY_CHANGES = /* cypher */ `MATCH (x:Entity {id: $id}) ${LOCK()} RETURN ${entityChanges('$')} AS changed`;

/** The same for a relationship x: a role or date left null keeps the stored one (mergeLink). */
export const linkChanges = (p: ValuesAt): string => /* cypher */ `
  CASE WHEN ${p}role IS NOT NULL AND NOT coalesce(x.role = ${p}role, false) THEN ['role'] ELSE [] END
  + CASE WHEN ${p}startDate IS NOT NULL AND NOT coalesce(x.startDate = date(${p}startDate), false) THEN ['startDate'] ELSE [] END
  + CASE WHEN ${p}endDate IS NOT NULL AND NOT coalesce(x.endDate = date(${p}endDate), false) THEN ['endDate'] ELSE [] END
  + CASE WHEN ${evidenceChanged(p)} THEN ['evidence'] ELSE [] END`;

/** CONFLICT naming input.slug when another entity of this type has the slug. */
async function assertSlugFree(
  tx: ManagedTransaction,
  label: EntityLabel,
  slug: string,
): Promise<void> {
  if ((await tx.run(slugOwner(label), { slug })).records.length > 0) throw slugTaken(label, slug);
}

/** Sets an EntityWrite's values (props, aliases, dates, date-times, evidence ids) on x. */
export const setEntityValues = (p: ValuesAt): string => /* cypher */ `
SET x += ${p}props, x.updatedAt = datetime(), x.evidenceIds = ${union(p)}
FOREACH (_ IN CASE WHEN ${p}aliases IS NULL THEN [] ELSE [1] END |
  SET x.aliasNames = [a IN ${p}aliases | a.name], x.aliasLanguages = [a IN ${p}aliases | coalesce(a.language, '')])
SET x.startDate = CASE WHEN 'startDate' IN keys(${p}dates) THEN date(${p}dates.startDate) ELSE x.startDate END,
    x.endDate = CASE WHEN 'endDate' IN keys(${p}dates) THEN date(${p}dates.endDate) ELSE x.endDate END,
    x.date = CASE WHEN 'date' IN keys(${p}dates) THEN date(${p}dates.date) ELSE x.date END
WITH x${p === 'row.' ? ', row' : ''}, ${dateTimeValue('startsAt', p)} AS startsAt, ${dateTimeValue('endsAt', p)} AS endsAt
// Cleared first: Neo4j skips a SET to a value it deems equal, and two date-times in one named
// zone are equal when their local times are (03:30+03:00 and 03:30+02:00 in Helsinki).
SET x.startsAt = null, x.endsAt = null
SET x.startsAt = startsAt, x.endsAt = endsAt, x.timeZone = coalesce(${p}timeZone, x.timeZone)`;

const setEntity = (label: EntityLabel): string => /* cypher */ `
MATCH (x:Entity:${label} {id: $id})
${setEntityValues('$')}
RETURN x.id AS id`;

/**
 * The alias rule (aliasProblem) on the name and aliases this write leaves stored: aliases sent
 * without a name must not repeat the stored name, and a new name sent without aliases must not
 * be one of the stored aliases. BAD_USER_INPUT naming the input; the transaction changes nothing.
 */
async function assertAliases(
  tx: ManagedTransaction,
  id: string,
  write: EntityWrite,
): Promise<void> {
  const result = await tx.run(
    'MATCH (x:Entity {id: $id}) RETURN x.name AS name, coalesce(x.aliasNames, []) AS names, coalesce(x.aliasLanguages, []) AS languages',
    { id },
  );
  const row = result.records[0]!;
  const problem = storedAliasProblem(
    row.get('name') as string,
    row.get('names') as string[],
    row.get('languages') as string[],
    write.aliases !== undefined,
  );
  if (problem) throw problem;
}

/**
 * The alias rule on a stored name and aliases (aliasLanguages '' for none), as a write left them:
 * the refusal naming the input, or undefined. `aliasesGiven`: the write sent aliases.
 */
export function storedAliasProblem(
  name: string,
  names: string[],
  languages: string[],
  aliasesGiven: boolean,
): BadUserInputError | undefined {
  const aliases = names.map((n, i) => ({ name: n, language: languages[i] }));
  if (aliasesGiven) {
    const problem = aliasProblem(aliases, name, (i) => `input.aliases[${i}]`);
    if (problem) {
      const argument = `input.aliases[${problem.index}]`;
      return new BadUserInputError(`${argument} ${problem.message}`, argument);
    }
    return undefined;
  }
  const clash = aliases.find((a) => nameKey(a.name) === nameKey(name));
  if (!clash) return undefined;
  return new BadUserInputError(
    `input.name "${name}" is one of the stored aliases ("${clash.name}"${
      clash.language ? ` in ${clash.language}` : ''
    }): an alias is another name; pass input.aliases without it.`,
    'input.name',
  );
}

async function readBack(tx: ManagedTransaction, id: string): Promise<EntityRecord> {
  const result = await tx.run(READ_BACK, { id });
  return fromEntityRow(result.records[0]!.get('row') as EntityRow);
}

export class EntityWriteRepository {
  constructor(private readonly db: Database) {}

  /**
   * create: a new entity, CONFLICT when the slug is taken for that type (also by a concurrent
   * create: exactly one of them wins). upsert: the entity with this slug is created or updated,
   * so the same call twice leaves one node (concurrent upserts meet one node too). Returns the
   * entity as this write stored it.
   */
  save(
    mode: 'create' | 'upsert',
    label: EntityLabel,
    slug: string,
    write: EntityWrite,
    evidence: EvidenceWrite[],
    requestId?: string,
  ): Promise<EntityRecord> {
    let stored: EntityRecord | undefined;
    let created = mode === 'create';
    let changed: string[] = [];
    return claimingSlug(label, slug, async () => {
      await this.db.write(
        async (tx) => {
          if (mode === 'create') await assertSlugFree(tx, label, slug);
          const newId = randomUUID();
          const result = await tx.run(
            mode === 'create' ? createEntity(label) : mergeEntity(label),
            { slug, id: newId },
          );
          const id = result.records[0]!.get('id') as string;
          created = id === newId;
          changed = await this.apply(tx, label, id, `${label}:${slug}`, write, evidence, created);
          stored = await readBack(tx, id);
          // The id, not the record: the audit entry records the ids a write returns.
          return id;
        },
        {
          operation: `${mode} ${label}`,
          requestId,
          describe: (id) =>
            created || changed.length > 0
              ? [
                  {
                    id: toGlobalId(label, id),
                    type: label,
                    op: created ? 'CREATE' : 'UPDATE',
                    fields: created ? ['slug', ...changed] : changed,
                  },
                ]
              : [],
        },
      );
      return stored!;
    });
  }

  /** Changes the given fields; NOT_FOUND when no such entity of this type. */
  async update(
    label: EntityLabel,
    id: string,
    slug: string | null,
    entityWrite: EntityWrite,
    evidence: EvidenceWrite[],
    requestId?: string,
  ): Promise<EntityRecord> {
    let stored: EntityRecord | undefined;
    let changed: string[] = [];
    const write = (): Promise<string> =>
      this.db.write(
        async (tx) => {
          const found = await tx.run(`MATCH (x:Entity:${label} {id: $id}) RETURN x.slug AS slug`, {
            id,
          });
          if (found.records.length === 0) throw new NotFoundError(`No ${label} has this id.`, 'id');
          const current = found.records[0]!.get('slug') as string;
          let changes = entityWrite;
          if (slug !== null && slug !== current) {
            await assertSlugFree(tx, label, slug);
            changes = { ...changes, props: { ...changes.props, slug } };
          }
          changed = await this.apply(
            tx,
            label,
            id,
            `${label}:${slug ?? current}`,
            changes,
            evidence,
            false,
          );
          stored = await readBack(tx, id);
          return id;
        },
        {
          operation: `update ${label}`,
          requestId,
          describe: () =>
            changed.length > 0
              ? [{ id: toGlobalId(label, id), type: label, op: 'UPDATE', fields: changed }]
              : [],
        },
      );
    await (slug === null ? write() : claimingSlug(label, slug, write));
    return stored!;
  }

  /**
   * Deletes an entity. One that others reference (any relationship or interaction) is a
   * CONFLICT unless detach is true, which removes its relationships too; but never so that an
   * interaction loses a party it needs (its only inviter, target, presenter ...): that is a
   * CONFLICT naming those interactions (integrity rules), and nothing is deleted.
   */
  delete(id: string, detach: boolean, requestId?: string): Promise<{ label: EntityLabel }> {
    return this.db.write(
      async (tx) => {
        const found = await tx.run(LOCK_FOR_DELETE, { id });
        if (found.records.length === 0) throw new NotFoundError('No entity has this id.', 'id');
        const labels = found.records[0]!.get('labels') as string[];
        const links = Number(found.records[0]!.get('links'));
        const label = ENTITY_LABELS.find((l) => labels.includes(l))!;
        if (links > 0 && !detach) {
          throw new ConflictError(
            `This entity is linked to ${links} other record(s); pass detach: true to delete it with its links.`,
            'id',
          );
        }
        await tx.run('MATCH (x:Entity {id: $id}) DETACH DELETE x', { id });
        await keepInteractionRules(
          tx,
          found.records[0]!.get('interactions') as string[],
          `Deleting this ${label}`,
          'id',
        );
        return { label };
      },
      {
        operation: 'delete entity',
        requestId,
        // Its links went with it (a mirror that deletes the node loses them too).
        describe: ({ label }) => [
          { id: toGlobalId(label, id), type: label, op: 'DELETE', fields: [] },
        ],
      },
    );
  }

  /** Records (or adds evidence to) a relationship between two entities. */
  async link(
    type: RelationshipType,
    fromId: string,
    toId: string,
    extra: { role: string | null; startDate: string | null; endDate: string | null },
    evidence: EvidenceWrite[],
    requestId?: string,
  ): Promise<void> {
    await this.db.write(
      async (tx) => {
        const ends = await tx.run(
          'OPTIONAL MATCH (a:Entity {id: $fromId}) OPTIONAL MATCH (b:Entity {id: $toId}) RETURN labels(a) AS from, labels(b) AS to',
          { fromId, toId },
        );
        const labelOf = (key: string): EntityLabel | undefined => {
          const labels = ends.records[0]?.get(key) as string[] | null;
          return labels ? ENTITY_LABELS.find((l) => labels.includes(l)) : undefined;
        };
        const from = labelOf('from');
        const to = labelOf('to');
        if (!from)
          throw new NotFoundError('No entity has the id given as input.from.', 'input.from');
        if (!to) throw new NotFoundError('No entity has the id given as input.to.', 'input.to');
        const wrong = checkEndpoints(type, from, to);
        if (wrong) throw new BadUserInputError(`${wrong}.`, 'input.type');
        const records = await evidenceRecords(tx, `${type}:${fromId}:${toId}`, evidence);
        const params = { fromId, toId, ...extra, evidence: records };
        const state = await tx.run(
          // Both ends locked, in id order (no deadlock between links the other way round).
          `UNWIND $ends AS end MATCH (n:Entity {id: end}) ${LOCK('n')}
           WITH count(*) AS locked
           MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
           OPTIONAL MATCH (a)-[x:${type}]->(b)
           RETURN x IS NULL AS new, CASE WHEN x IS NULL THEN [] ELSE ${linkChanges('$')} END AS changed`,
          { ...params, ends: [fromId, toId].sort() },
        );
        // An end deleted by another transaction since it was checked: nothing to link.
        const row = state.records[0];
        if (!row)
          throw new NotFoundError('An end of the relationship was deleted meanwhile.', 'input');
        const made = row.get('new') as boolean;
        const item = linkItem(
          type,
          { label: from, id: fromId },
          { label: to, id: toId },
          made ? 'CREATE' : 'UPDATE',
          made ? linkFieldsOf(extra, evidence.length > 0) : (row.get('changed') as string[]),
        );
        // The same link with the same values again: no write, so no change to tell.
        if (item.fields.length === 0 && !made) return item;
        if (records.length > 0) await tx.run(WRITE_EVIDENCE, { evidence: records });
        const linked = await tx.run(
          `MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
           ${mergeLink(type, '$')}
           RETURN count(*) AS n`,
          { ...params, evidenceIds: records.map((r) => r.id) },
        );
        if (Number(linked.records[0]?.get('n') ?? 0) === 0)
          throw new NotFoundError('An end of the relationship was deleted meanwhile.', 'input');
        if (extra.startDate !== null || extra.endDate !== null)
          await assertLinkRange(tx, type, fromId, toId);
        return item;
      },
      {
        operation: `link ${type}`,
        requestId,
        describe: (item) => (item.op === 'CREATE' || item.fields.length > 0 ? [item] : []),
      },
    );
  }

  /** Removes a relationship; NOT_FOUND when there is none. */
  async unlink(
    type: RelationshipType,
    fromId: string,
    toId: string,
    requestId?: string,
  ): Promise<void> {
    await this.db.write(
      async (tx) => {
        const result = await tx.run(
          `MATCH (a:Entity {id: $fromId})-[x:${type}]->(b:Entity {id: $toId}) DELETE x
           RETURN labels(a) AS from, labels(b) AS to`,
          { fromId, toId },
        );
        const row = result.records[0];
        if (!row)
          throw new NotFoundError(`There is no ${type} between these two entities.`, 'input');
        const label = (key: string): EntityLabel =>
          ENTITY_LABELS.find((l) => (row.get(key) as string[]).includes(l))!;
        return linkItem(
          type,
          { label: label('from'), id: fromId },
          { label: label('to'), id: toId },
          'DELETE',
          [],
        );
      },
      { operation: `unlink ${type}`, requestId, describe: (item) => [item] },
    );
  }

  /**
   * Writes an entity's values and evidence, unless every one of them is stored already: an
   * upsert or update repeating what the graph holds writes nothing, so it is no change (no
   * audit entry, no feed record, no webhook, no new graph version). Answers the fields it
   * changed (input names); for a node just created, every field given.
   */
  private async apply(
    tx: ManagedTransaction,
    label: EntityLabel,
    id: string,
    factKey: string,
    write: EntityWrite,
    evidence: EvidenceWrite[],
    created: boolean,
  ): Promise<string[]> {
    const records = await evidenceRecords(tx, `entity:${factKey}`, evidence);
    const params = {
      id,
      props: write.props,
      aliases: write.aliases ?? null,
      dates: write.dates ?? {},
      dateTimes: write.dateTimes ?? {},
      timeZone: write.timeZone ?? null,
      evidence: records,
      evidenceIds: records.map((r) => r.id),
    };
    const changed = created
      ? fieldsOf(write, evidence.length > 0)
      : ((await tx.run(ENTITY_CHANGES, params)).records[0]!.get('changed') as string[]);
    if (changed.length === 0) return changed;
    if (records.length > 0) await tx.run(WRITE_EVIDENCE, { evidence: records });
    await tx.run(setEntity(label), params);
    await assertEntityRanges(tx, id, [
      ...Object.keys(write.props),
      ...Object.keys(write.dates ?? {}),
      ...Object.keys(write.dateTimes ?? {}),
    ]);
    if (write.aliases || write.props.name !== undefined) await assertAliases(tx, id, write);
    return changed;
  }

  /**
   * Checks and writes evidence: a STATED quote must be verbatim in its document. Ids are
   * stable per fact and source, so repeating a write adds no duplicate evidence.
   */
  async writeEvidence(
    tx: ManagedTransaction,
    factKey: string,
    evidence: EvidenceWrite[],
  ): Promise<string[]> {
    const records = await evidenceRecords(tx, factKey, evidence);
    if (records.length > 0) await tx.run(WRITE_EVIDENCE, { evidence: records });
    return records.map((r) => r.id);
  }
}

/** An evidence node as WRITE_EVIDENCE writes it: its stable id and its document's language. */
export type EvidenceRecord = EvidenceWrite & { id: string; language: string | null };

/**
 * Checks evidence (a STATED quote must be verbatim in its document, read in this transaction)
 * and gives each its stable id (per fact and source, so repeating a write adds no duplicate).
 */
export async function evidenceRecords(
  tx: ManagedTransaction,
  factKey: string,
  evidence: EvidenceWrite[],
): Promise<EvidenceRecord[]> {
  const records: EvidenceRecord[] = [];
  for (const ev of evidence) {
    let language: string | null = null;
    if (ev.documentId) {
      const doc = await tx.run(
        'MATCH (d:Document {id: $id}) RETURN d.text AS text, d.language AS language',
        { id: ev.documentId },
      );
      if (doc.records.length === 0)
        throw new NotFoundError(
          `No Document has the id given as ${ev.argument}.document.`,
          `${ev.argument}.document`,
        );
      // A STATED fact always has a verbatim quote (the service refuses a missing one first).
      const problem = quoteProblem(doc.records[0]!.get('text') as string, ev.quote ?? '');
      if (problem)
        throw new BadUserInputError(`${ev.argument}.quote ${problem}.`, `${ev.argument}.quote`);
      language = doc.records[0]!.get('language') as string;
    }
    const id = stableId(
      'Evidence',
      [
        factKey,
        ev.kind,
        ev.documentId ?? '',
        ev.quote ?? '',
        ev.url ?? '',
        ev.assertedBy ?? '',
      ].join('|'),
    );
    records.push({ ...ev, id, language });
  }
  return records;
}
