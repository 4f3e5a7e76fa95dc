/**
 * Records an interaction (Invitation, Presentation ...) with its links and evidence in one
 * transaction. MERGE on the slug makes recording the same interaction twice leave one node;
 * its links are replaced by the ones given.
 */
import { randomUUID } from 'node:crypto';
import type { ChangedItem, Database } from '../../db/database';
import { toGlobalId } from '../../shared/global-id';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import {
  ENTITY_LABELS,
  INTERACTION_PARTIES,
  type EntityLabel,
  type InteractionLabel,
  type InteractionLinkType,
} from '../../shared/model';
import { interactionRow } from '../../shared/cypher';
import type { ManagedTransaction } from 'neo4j-driver';
import { WRITE_EVIDENCE } from '../evidence/evidence.repository';
import {
  LOCK,
  evidenceChanged,
  evidenceRecords,
  type EvidenceWrite,
} from '../entity/entity-write.repository';
import { keepInteractionRules } from '../integrity/integrity';
import {
  fromInteractionRow,
  type InteractionRecord,
  type InteractionRow,
} from './interaction.record';

export interface InteractionLink {
  type: InteractionLinkType;
  /** true: interaction -> entity; false: entity -> interaction (the actor). */
  outgoing: boolean;
  entityId: string;
  argument: string;
}

const LABELS_OF = /* cypher */ `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, labels(n) AS labels`;

// The interaction as the write left it, read in the write's transaction: what the caller is
// told is what its write stored, whatever other records of the same slug commit after it.
const READ_BACK = /* cypher */ `MATCH (x:Interaction {id: $id}) RETURN ${interactionRow('x')} AS row`;

/** One interaction ready to write: its slug made, parties as entity uuids, evidence checked. */
export interface PreparedInteraction {
  label: InteractionLabel;
  slug: string;
  props: { summary: string; date: string | null } & Record<string, unknown>;
  links: InteractionLink[];
  evidence: EvidenceWrite[];
}

export interface RecordedInteraction {
  record: InteractionRecord;
  status: 'created' | 'updated' | 'unchanged';
  /** What the write set, as the change feed names it (unchanged: nothing was written). */
  item: ChangedItem;
}

/** A party of a type the link does not allow (an Event as inviter), as the refusal says it. */
export function partyLabelProblem(
  l: InteractionLink,
  entityLabel: EntityLabel,
): BadUserInputError | undefined {
  const allowed: readonly EntityLabel[] = INTERACTION_PARTIES[l.type];
  if (allowed.includes(entityLabel)) return undefined;
  return new BadUserInputError(
    `${l.argument} is a ${entityLabel}; expected ${allowed.join(' or ')}.`,
    l.argument,
  );
}

/** The change item of a recorded interaction: its own fields, its parties (by link type), its evidence. */
export function interactionItem(
  write: PreparedInteraction,
  id: string,
  created: boolean,
): ChangedItem {
  return {
    id: toGlobalId(write.label, id),
    type: write.label,
    op: created ? 'CREATE' : 'UPDATE',
    fields: [
      ...(created ? ['slug'] : []),
      // The fields given (a null one sets nothing on a new interaction).
      ...Object.keys(write.props).filter((k) => write.props[k] != null),
      ...new Set(write.links.map((l) => l.type)),
      ...(write.evidence.length > 0 ? ['evidence'] : []),
    ],
  };
}

/**
 * What recording these fields, parties and evidence would change on the stored interaction, as
 * the change feed names it: its own fields whose value differs, the party link types whose
 * entities differ, and evidence (new to it, or a stored one now saying something else).
 */
function interactionChanges(
  stored: InteractionRecord,
  props: Record<string, unknown>,
  links: readonly InteractionLink[],
  evidenceChanged: boolean,
): string[] {
  const fields = Object.entries(props)
    .filter(([k, v]) => (stored.props[k] ?? null) !== (v ?? null))
    .map(([k]) => k);
  type Party = { type: string; outgoing: boolean; entityId: string };
  const partiesOf = (list: readonly Party[], type: string): string =>
    list
      .filter((l) => l.type === type)
      .map((l) => `${l.outgoing}|${l.entityId}`)
      .sort()
      .filter((k, i, all) => all.indexOf(k) === i)
      .join(' ');
  const types = new Set<string>([...links, ...stored.links].map((l) => l.type));
  types.delete('MENTIONS');
  for (const type of types)
    if (partiesOf(links, type) !== partiesOf(stored.links, type)) fields.push(type);
  return evidenceChanged ? [...fields, 'evidence'] : fields;
}

const link = (type: string, outgoing: boolean): string => /* cypher */ `
UNWIND $ids AS entityId
MATCH (x:Interaction {id: $id}), (e:Entity {id: entityId})
MERGE ${outgoing ? `(x)-[:${type}]->(e)` : `(e)-[:${type}]->(x)`}`;

export class InteractionWriteRepository {
  constructor(private readonly db: Database) {}

  async record(
    label: InteractionLabel,
    slug: string,
    props: { summary: string; date: string | null } & Record<string, unknown>,
    links: InteractionLink[],
    evidence: EvidenceWrite[],
    requestId?: string,
  ): Promise<InteractionRecord> {
    const written = await this.db.write(
      (tx) => this.recordIn(tx, { label, slug, props, links, evidence }),
      {
        operation: `record ${label}`,
        requestId,
        describe: (w) => (w.status === 'unchanged' ? [] : [w.item]),
      },
    );
    return written.record;
  }

  /**
   * The body of record(), in the caller's transaction (the mutation's own, or an import batch's):
   * checks the parties' labels, writes the node, its links and evidence, and reads it back.
   * The same record again (fields, parties and evidence all stored) writes nothing: 'unchanged'.
   */
  async recordIn(tx: ManagedTransaction, write: PreparedInteraction): Promise<RecordedInteraction> {
    const { label, slug, props, links, evidence } = write;
    const found = await tx.run(LABELS_OF, { ids: [...new Set(links.map((l) => l.entityId))] });
    const labels = new Map(
      found.records.map((r) => [r.get('id') as string, r.get('labels') as string[]]),
    );
    for (const l of links) {
      const entityLabels = labels.get(l.entityId);
      if (!entityLabels)
        throw new NotFoundError(`No entity has the id given as ${l.argument}.`, l.argument);
      const problem = partyLabelProblem(
        l,
        ENTITY_LABELS.find((x) => entityLabels.includes(x))!,
      );
      if (problem) throw problem;
    }
    const evidenceOf = await evidenceRecords(tx, `${label}:${slug}`, evidence);
    const newId = randomUUID();
    // Created, or met and locked: concurrent records of the same slug and values compare in
    // turn, so one of them changes it and the others find nothing to change.
    const met = await tx.run(
      `MERGE (x:Interaction:${label} {slug: $slug})
       ON CREATE SET x.id = $newId, x.createdAt = datetime()
       ${LOCK()}
       RETURN x.id AS id, ${evidenceChanged('$')} AS evidenceChanged`,
      { slug, newId, evidence: evidenceOf },
    );
    const id = met.records[0]!.get('id') as string;
    const created = id === newId;
    let fields = interactionItem(write, id, true).fields;
    if (!created) {
      const stored = fromInteractionRow(
        (await tx.run(READ_BACK, { id })).records[0]!.get('row') as InteractionRow,
      );
      fields = interactionChanges(
        stored,
        props,
        links,
        met.records[0]!.get('evidenceChanged') as boolean,
      );
      // The same record again: nothing is written, so it is no change (no audit, no event).
      if (fields.length === 0)
        return {
          record: stored,
          status: 'unchanged',
          item: { ...interactionItem(write, id, false), fields },
        };
    }
    const { date, ...rest } = props;
    await tx.run(
      `MATCH (x:Interaction {id: $id})
       SET x += $props, x.date = date($date), x.updatedAt = datetime()
       WITH x
       OPTIONAL MATCH (x)-[old]-(:Entity) WHERE type(old) <> 'MENTIONS'
       DELETE old`,
      { id, props: rest, date },
    );
    for (const type of Object.keys(INTERACTION_PARTIES) as InteractionLinkType[]) {
      for (const outgoing of [false, true]) {
        const ids = links
          .filter((l) => l.type === type && l.outgoing === outgoing)
          .map((l) => l.entityId);
        if (ids.length > 0) await tx.run(link(type, outgoing), { id, ids });
      }
    }
    if (evidenceOf.length > 0) await tx.run(WRITE_EVIDENCE, { evidence: evidenceOf });
    const evidenceIds = evidenceOf.map((e) => e.id);
    await tx.run(
      'MATCH (x:Interaction {id: $id}) SET x.evidenceIds = coalesce(x.evidenceIds, []) + [e IN $evidenceIds WHERE NOT e IN coalesce(x.evidenceIds, [])]',
      { id, evidenceIds },
    );
    const record = fromInteractionRow(
      (await tx.run(READ_BACK, { id })).records[0]!.get('row') as InteractionRow,
    );
    // A party deleted by another transaction after it was checked above got no link.
    for (const l of links) {
      const kept = record.links.some(
        (r) => r.type === l.type && r.outgoing === l.outgoing && r.entityId === l.entityId,
      );
      if (!kept)
        throw new NotFoundError(`No entity has the id given as ${l.argument}.`, l.argument);
    }
    await keepInteractionRules(tx, [id], `Recording this ${label}`, 'input');
    return {
      record,
      status: created ? 'created' : 'updated',
      item: { ...interactionItem(write, id, created), fields },
    };
  }

  /** Deletes an interaction and its links; NOT_FOUND when there is none. */
  async delete(id: string, requestId?: string): Promise<void> {
    await this.db.write(
      async (tx) => {
        const result = await tx.run(
          `MATCH (x:Interaction {id: $id})
           WITH x, [l IN labels(x) WHERE l <> 'Interaction'][0] AS label
           DETACH DELETE x RETURN label`,
          { id },
        );
        const label = result.records[0]?.get('label') as InteractionLabel | undefined;
        if (!label) throw new NotFoundError('No interaction has this id.', 'id');
        return label;
      },
      {
        operation: 'delete interaction',
        requestId,
        describe: (label): ChangedItem[] => [
          { id: toGlobalId(label, id), type: label, op: 'DELETE', fields: [] },
        ],
      },
    );
  }
}
