/**
 * Bulk import's statements: a batch of checked records in one transaction, a few UNWIND
 * statements per record kind (read what is stored, write what differs), reusing the SET clauses,
 * evidence ids and range checks of the one-record writes (entity-write.repository.ts). Labels and
 * relationship types come from the closed model lists; every value is a parameter.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { AppError, BadUserInputError, NotFoundError } from '../../shared/errors';
import {
  checkEndpoints,
  ENTITY_LABELS,
  selfLinkProblem,
  type EntityLabel,
  type InteractionLabel,
  type RelationshipType,
} from '../../shared/model';
import type { ChangedItem } from '../../db/database';
import { toGlobalId } from '../../shared/global-id';
import {
  interactionItem,
  partyLabelProblem,
  type PreparedInteraction,
  type RecordedInteraction,
} from '../interaction/interaction-write.repository';
import { WRITE_EVIDENCE } from '../evidence/evidence.repository';
import {
  LOCK,
  entityChanges,
  fieldsOf,
  linkChanges,
  linkFieldsOf,
  linkItem,
  evidenceRecords,
  mergeLink,
  setEntityValues,
  storedAliasProblem,
  type EntityWrite,
  type EvidenceRecord,
  type EvidenceWrite,
} from '../entity/entity-write.repository';
import { entityRangeFaults, linkRangeRefusals } from '../entity/entity-range.repository';

/** A reference to an entity: by label and slug (in the graph or earlier in the file), or by id. */
export type EntityRef = { label: EntityLabel; slug: string } | { uuid: string };

export interface EntityRecordIn {
  kind: 'entity';
  line: number;
  label: EntityLabel;
  slug: string;
  write: EntityWrite;
  evidence: EvidenceWrite[];
}

export interface LinkRecordIn {
  kind: 'link';
  line: number;
  type: RelationshipType;
  from: EntityRef;
  to: EntityRef;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  evidence: EvidenceWrite[];
}

/** A reference an interaction line makes to a party, as given and as parsed. */
export interface PartyRef {
  argument: string;
  value: string;
  ref: EntityRef;
}

export interface InteractionRecordIn {
  kind: 'interaction';
  line: number;
  label: InteractionLabel;
  /** Its slug, or the input's text when the slug is to be made: two in one batch are apart. */
  key: string;
  /** Every party reference of the input, in the order given. */
  refs: PartyRef[];
  /** The write, its references replaced by the global ids given (value -> global id). */
  build: (globalIds: ReadonlyMap<string, string>) => PreparedInteraction;
}

export type ImportRecord = EntityRecordIn | LinkRecordIn | InteractionRecordIn;

/** Records an interaction in the batch's transaction (InteractionWriteRepository.recordIn). */
export type RecordInteraction = (
  tx: ManagedTransaction,
  write: PreparedInteraction,
) => Promise<RecordedInteraction>;

export type Status = 'created' | 'updated' | 'unchanged';

/** What became of one line: its status and what changed, or why it was refused. */
export type Outcome =
  | { line: number; status: Status; item: ChangedItem }
  | { line: number; status: 'refused'; error: AppError };

/** A batch found refusals only its writes could show (ranges): run it again without them. */
export class BatchRefusal extends Error {
  override name = 'BatchRefusal';
  constructor(readonly refused: Outcome[]) {
    super('Some records of the batch were refused after their write; the batch was rolled back.');
  }
}

/** Entities accepted earlier in this import, by "Label:slug": dry runs resolve references to them. */
export type KnownSlugs = Set<string>;

export const refKey = (label: string, slug: string): string => `${label}:${slug}`;

const entityState = (label: EntityLabel): string => /* cypher */ `
UNWIND $rows AS row
OPTIONAL MATCH (x:Entity:${label} {slug: row.slug})
// Locked before it is compared: of concurrent imports of the same values, one updates.
FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | ${LOCK()})
WITH row, x
RETURN row.line AS line, x.id AS id, x.name AS name,
  coalesce(x.aliasNames, []) AS aliasNames, coalesce(x.aliasLanguages, []) AS aliasLanguages,
  CASE WHEN x IS NULL THEN [] ELSE ${entityChanges('row.')} END AS changed`;

const upsertEntities = (label: EntityLabel): string => /* cypher */ `
UNWIND $rows AS row
MERGE (x:Entity:${label} {slug: row.slug})
ON CREATE SET x.id = row.id, x.createdAt = datetime()
${setEntityValues('row.')}
RETURN row.line AS line, x.id AS id`;

const slugOwners = (label: EntityLabel): string => /* cypher */ `
UNWIND $slugs AS slug
MATCH (x:Entity:${label} {slug: slug})
RETURN slug, x.id AS id`;

const ID_OWNERS = /* cypher */ `
UNWIND $ids AS id
MATCH (x:Entity {id: id})
RETURN id, labels(x) AS labels`;

const linkState = (type: RelationshipType): string => /* cypher */ `
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId}), (b:Entity {id: row.toId})
FOREACH (n IN CASE WHEN a.id < b.id THEN [a, b] ELSE [b, a] END | ${LOCK('n')})
WITH row, a, b
OPTIONAL MATCH (a)-[x:${type}]->(b)
RETURN row.line AS line, x IS NULL AS new,
  CASE WHEN x IS NULL THEN [] ELSE ${linkChanges('row.')} END AS changed`;

const writeLinks = (type: RelationshipType): string => /* cypher */ `
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId}), (b:Entity {id: row.toId})
${mergeLink(type, 'row.')}
RETURN count(*) AS n`;

const refused = (line: number, error: AppError): Outcome => ({ line, status: 'refused', error });

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Stored evidence records, with the check refusals turned into a line's outcome. */
async function evidenceOf(
  tx: ManagedTransaction,
  factKey: string,
  evidence: EvidenceWrite[],
): Promise<EvidenceRecord[] | AppError> {
  try {
    return await evidenceRecords(tx, factKey, evidence);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/**
 * Writes one batch in the caller's transaction (or, for a dry run, does the same in a
 * transaction the caller rolls back) and answers each record's outcome, in line order. Refusals
 * known before writing leave the record out; refusals only the written state shows (ranges)
 * throw BatchRefusal so the caller rolls back and runs the batch again without them.
 */
export async function importBatch(
  tx: ManagedTransaction,
  records: readonly ImportRecord[],
  known: KnownSlugs,
  newId: () => string,
  recordInteraction: RecordInteraction,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const entities = records.filter((r): r is EntityRecordIn => r.kind === 'entity');
  const links = records.filter((r): r is LinkRecordIn => r.kind === 'link');
  const evidence: EvidenceRecord[] = [];
  const lateRefusals: Outcome[] = [];
  const idOfLine = new Map<number, string>();

  for (const [label, group] of groupBy(entities, (r) => r.label)) {
    const rows = [];
    for (const r of group) {
      const records = await evidenceOf(tx, `entity:${label}:${r.slug}`, r.evidence);
      if (records instanceof AppError) {
        outcomes.push(refused(r.line, records));
        continue;
      }
      rows.push({
        record: r,
        evidence: records,
        params: {
          line: r.line,
          slug: r.slug,
          id: newId(),
          props: r.write.props,
          aliases: r.write.aliases ?? null,
          dates: r.write.dates ?? {},
          dateTimes: r.write.dateTimes ?? {},
          timeZone: r.write.timeZone ?? null,
          evidence: records,
          evidenceIds: records.map((e) => e.id),
        },
      });
    }
    if (rows.length === 0) continue;
    const state = await tx.run(entityState(label), { rows: rows.map((r) => r.params) });
    const stateOf = new Map(state.records.map((s) => [Number(s.get('line')), s]));
    const toWrite = [];
    for (const row of rows) {
      const s = stateOf.get(row.record.line)!;
      const id = s.get('id') as string | null;
      const changed = s.get('changed') as string[];
      if (id !== null && !row.record.write.aliases) {
        // The name this write leaves must not be one of the aliases it keeps.
        const problem = storedAliasProblem(
          String(row.record.write.props.name),
          s.get('aliasNames') as string[],
          s.get('aliasLanguages') as string[],
          false,
        );
        if (problem) {
          outcomes.push(refused(row.record.line, problem));
          continue;
        }
      }
      const status: Status = id === null ? 'created' : changed.length > 0 ? 'updated' : 'unchanged';
      known.add(refKey(label, row.record.slug));
      const uuid = (id ?? row.params.id) as string;
      const item: ChangedItem = {
        // The global id, as GraphQL and the change feed name it.
        id: toGlobalId(label, uuid),
        type: label,
        op: id === null ? 'CREATE' : 'UPDATE',
        fields: id === null ? ['slug', ...fieldsOf(row.record.write, true)] : changed,
      };
      const outcome = { line: row.record.line, status, item };
      outcomes.push(outcome);
      idOfLine.set(row.record.line, uuid);
      if (status !== 'unchanged') {
        toWrite.push({ ...row, outcome });
        evidence.push(...row.evidence);
      }
    }
    if (toWrite.length === 0) continue;
    const written = await tx.run(upsertEntities(label), { rows: toWrite.map((r) => r.params) });
    // A slug another transaction created after the state was read (a concurrent import or
    // upsert): MERGE met its node and updated it. Tell it so, by that node's id: a reported
    // create, with an id no node has, would send the change feed and webhooks a phantom.
    const storedId = new Map(
      written.records.map((w) => [Number(w.get('line')), w.get('id') as string]),
    );
    for (const r of toWrite) {
      const id = storedId.get(r.record.line);
      if (r.outcome.status !== 'created' || id === undefined || id === r.params.id) continue;
      r.outcome.status = 'updated';
      r.outcome.item = {
        id: toGlobalId(label, id),
        type: label,
        op: 'UPDATE',
        fields: fieldsOf(r.record.write, false),
      };
      idOfLine.set(r.record.line, id);
    }
    const faults = await entityRangeFaults(
      tx,
      toWrite.map((r) => ({
        id: idOfLine.get(r.record.line)!,
        given: fieldsOf(r.record.write, false),
      })),
    );
    for (const r of toWrite) {
      const fault = faults.get(idOfLine.get(r.record.line)!);
      if (fault) lateRefusals.push(refused(r.record.line, fault));
    }
  }

  if (links.length > 0) {
    const resolved = await resolveRefs(
      tx,
      links.flatMap((l) => [l.from, l.to]),
      known,
    );
    for (const [type, group] of groupBy(links, (l) => l.type)) {
      const rows = [];
      const unresolvedInGraph = [];
      for (const l of group) {
        const from = resolved.get(refText(l.from));
        const to = resolved.get(refText(l.to));
        const missing = !from ? ['from', l.from] : !to ? ['to', l.to] : undefined;
        if (missing) {
          const [end, ref] = missing as ['from' | 'to', EntityRef];
          outcomes.push(refused(l.line, missingRef(`input.${end}`, ref)));
          continue;
        }
        if (from!.id !== null && from!.id === to!.id) {
          outcomes.push(
            refused(
              l.line,
              new BadUserInputError(
                `input.to names the same entity as input.from; ${selfLinkProblem(type)}.`,
                'input.to',
              ),
            ),
          );
          continue;
        }
        const wrong = checkEndpoints(type, from!.label, to!.label);
        if (wrong) {
          outcomes.push(refused(l.line, new BadUserInputError(`${wrong}.`, 'input.type')));
          continue;
        }
        if (from!.id === null || to!.id === null) {
          // A dry run's link to an entity only an earlier line of the file creates.
          unresolvedInGraph.push(l);
          continue;
        }
        const records = await evidenceOf(tx, `${type}:${from!.id}:${to!.id}`, l.evidence);
        if (records instanceof AppError) {
          outcomes.push(refused(l.line, records));
          continue;
        }
        rows.push({
          record: l,
          ends: [from!, to!] as const,
          evidence: records,
          params: {
            line: l.line,
            fromId: from!.id,
            toId: to!.id,
            role: l.role,
            startDate: l.startDate,
            endDate: l.endDate,
            evidence: records,
            evidenceIds: records.map((e) => e.id),
          },
        });
      }
      for (const l of unresolvedInGraph)
        outcomes.push({
          line: l.line,
          status: 'created',
          // A dry run: the ends do not exist yet, so the link has no id to name.
          item: { id: '', type, op: 'CREATE', fields: linkFieldsOf(l, true) },
        });
      if (rows.length === 0) continue;
      const state = await tx.run(linkState(type), { rows: rows.map((r) => r.params) });
      const stateOf = new Map(state.records.map((s) => [Number(s.get('line')), s]));
      const toWrite = [];
      for (const row of rows) {
        const s = stateOf.get(row.record.line);
        const created = s?.get('new') !== false;
        const changed = (s?.get('changed') as string[] | undefined) ?? [];
        const status: Status = created ? 'created' : changed.length > 0 ? 'updated' : 'unchanged';
        outcomes.push({
          line: row.record.line,
          status,
          item: linkItem(
            type,
            { label: row.ends[0].label, id: row.params.fromId },
            { label: row.ends[1].label, id: row.params.toId },
            created ? 'CREATE' : 'UPDATE',
            created ? linkFieldsOf(row.record, true) : changed,
          ),
        });
        if (status !== 'unchanged') {
          toWrite.push(row);
          evidence.push(...row.evidence);
        }
      }
      if (toWrite.length === 0) continue;
      await tx.run(writeLinks(type), { rows: toWrite.map((r) => r.params) });
      const dated = toWrite.filter((r) => r.params.startDate !== null || r.params.endDate !== null);
      const faults = await linkRangeRefusals(
        tx,
        type,
        dated.map((r) => ({
          key: String(r.params.line),
          fromId: r.params.fromId,
          toId: r.params.toId,
        })),
      );
      for (const [line, fault] of faults) lateRefusals.push(refused(Number(line), fault));
    }
  }
  // Evidence nodes of entities and links: they only support facts, and one statement holds them all.
  if (evidence.length > 0) await tx.run(WRITE_EVIDENCE, { evidence });
  // Interactions after the batch's entities and links, each as its record mutation writes it.
  const interactions = records.filter((r): r is InteractionRecordIn => r.kind === 'interaction');
  if (interactions.length > 0) {
    const resolved = await resolveRefs(
      tx,
      interactions.flatMap((r) => r.refs.map((p) => p.ref)),
      known,
    );
    for (const r of interactions) {
      const outcome = await importInteraction(tx, r, resolved, recordInteraction);
      if (outcome.late) lateRefusals.push(outcome.late);
      else outcomes.push(outcome.outcome);
    }
  }
  if (lateRefusals.length > 0) throw new BatchRefusal(lateRefusals);
  return outcomes.sort((a, b) => a.line - b.line);
}

export const refText = (ref: EntityRef): string =>
  'uuid' in ref ? ref.uuid : refKey(ref.label, ref.slug);

function missingRef(argument: string, ref: EntityRef): NotFoundError {
  return new NotFoundError(
    'uuid' in ref
      ? `${argument}: no entity has this id.`
      : `${argument}: no ${ref.label} has the slug "${ref.slug}", in the graph or on an earlier line of the file.`,
    argument,
  );
}

type Resolved = Map<string, { id: string | null; label: EntityLabel }>;

/**
 * One interaction line in the batch's transaction: its references resolved to global ids, the
 * write prepared (evidence, distinct parties, slug) and recorded as the mutation records it.
 * Refusals found before the write are the line's outcome; one the write shows (integrity rules,
 * a party gone meanwhile) is late: the batch is rolled back and runs again without it.
 */
async function importInteraction(
  tx: ManagedTransaction,
  r: InteractionRecordIn,
  resolved: Resolved,
  recordInteraction: RecordInteraction,
): Promise<{ outcome: Outcome; late?: undefined } | { late: Outcome }> {
  const ids = new Map<string, string>();
  const labelOf = new Map<string, EntityLabel>();
  let pending = false;
  const standIns = new Map<string, string>();
  for (const p of r.refs) {
    const got = resolved.get(refText(p.ref));
    if (!got) return { outcome: refused(r.line, missingRef(p.argument, p.ref)) };
    // A dry run's party that only an earlier line of the file creates: a stand-in id.
    if (got.id === null) pending = true;
    if (got.id === null && !standIns.has(refText(p.ref)))
      standIns.set(refText(p.ref), randomUUID());
    ids.set(p.value, toGlobalId(got.label, got.id ?? standIns.get(refText(p.ref))!));
    labelOf.set(p.argument, got.label);
  }
  let write: PreparedInteraction;
  try {
    write = r.build(ids);
    for (const l of write.links) {
      const problem = partyLabelProblem(l, labelOf.get(l.argument)!);
      if (problem) throw problem;
    }
  } catch (error) {
    if (error instanceof AppError) return { outcome: refused(r.line, error) };
    throw error;
  }
  if (pending)
    return {
      outcome: {
        line: r.line,
        status: 'created',
        // A dry run: some parties do not exist yet, so the interaction has no id to name.
        item: { ...interactionItem(write, '', true), id: '' },
      },
    };
  try {
    const { status, item } = await recordInteraction(tx, write);
    return { outcome: { line: r.line, status, item } };
  } catch (error) {
    if (error instanceof AppError) return { late: refused(r.line, error) };
    throw error;
  }
}

/**
 * Each reference's entity: its id and label from the graph, or (dry runs) the label of an entity
 * an earlier line creates (id null). One statement per label of slug references, one for ids.
 */
async function resolveRefs(
  tx: ManagedTransaction,
  refs: readonly EntityRef[],
  known: KnownSlugs,
): Promise<Resolved> {
  const resolved: Resolved = new Map();
  const slugs = groupBy(
    refs.filter((r): r is { label: EntityLabel; slug: string } => 'slug' in r),
    (r) => r.label,
  );
  for (const [label, group] of slugs) {
    const result = await tx.run(slugOwners(label), {
      slugs: [...new Set(group.map((r) => r.slug))],
    });
    for (const record of result.records)
      resolved.set(refKey(label, record.get('slug') as string), {
        id: record.get('id') as string,
        label,
      });
    for (const r of group) {
      const key = refKey(label, r.slug);
      if (!resolved.has(key) && known.has(key)) resolved.set(key, { id: null, label });
    }
  }
  const ids = [...new Set(refs.flatMap((r) => ('uuid' in r ? [r.uuid] : [])))];
  if (ids.length > 0) {
    const result = await tx.run(ID_OWNERS, { ids });
    for (const record of result.records) {
      const labels = record.get('labels') as string[];
      const label = ENTITY_LABELS.find((l) => labels.includes(l));
      if (label)
        resolved.set(record.get('id') as string, { id: record.get('id') as string, label });
    }
  }
  return resolved;
}
