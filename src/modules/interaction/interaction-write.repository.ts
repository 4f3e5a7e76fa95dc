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
import {
  evidenceRecords,
  type EntityWriteRepository,
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

const READ_BY_SLUG = /* cypher */ `MATCH (x:Interaction {slug: $slug}) RETURN ${interactionRow('x')} AS row`;

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
      ...Object.keys(write.props),
      ...new Set(write.links.map((l) => l.type)),
      ...(write.evidence.length > 0 ? ['evidence'] : []),
    ],
  };
}

/** The stored interaction holds exactly these fields and parties, and already has this evidence. */
function sameInteraction(
  stored: InteractionRecord,
  props: Record<string, unknown>,
  links: readonly InteractionLink[],
  evidenceIds: readonly string[],
): boolean {
  for (const [k, v] of Object.entries(props))
    if ((stored.props[k] ?? null) !== (v ?? null)) return false;
  const key = (l: { type: string; outgoing: boolean; entityId: string }): string =>
    `${l.type}|${l.outgoing}|${l.entityId}`;
  const want = new Set(links.map(key));
  const have = new Set(stored.links.filter((l) => l.type !== 'MENTIONS').map(key));
  if (want.size !== have.size || [...want].some((k) => !have.has(k))) return false;
  return evidenceIds.every((e) => stored.evidenceIds.includes(e));
}

const link = (type: string, outgoing: boolean): string => /* cypher */ `
UNWIND $ids AS entityId
MATCH (x:Interaction {id: $id}), (e:Entity {id: entityId})
MERGE ${outgoing ? `(x)-[:${type}]->(e)` : `(e)-[:${type}]->(x)`}`;

export class InteractionWriteRepository {
  constructor(
    private readonly db: Database,
    private readonly entityWrites: EntityWriteRepository,
  ) {}

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
        describe: (w) => [w.item],
      },
    );
    return written.record;
  }

  /**
   * The body of record(), in the caller's transaction (the mutation's own, or an import batch's):
   * checks the parties' labels, writes the node, its links and evidence, and reads it back.
   * `unchangedIfSame`: when the stored interaction already holds exactly these fields, links and
   * evidence, nothing is written and `status` is 'unchanged' (the import's idempotent re-send).
   */
  async recordIn(
    tx: ManagedTransaction,
    write: PreparedInteraction,
    unchangedIfSame = false,
  ): Promise<RecordedInteraction> {
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
    if (unchangedIfSame) {
      const before = await tx.run(READ_BY_SLUG, { slug });
      const row = before.records[0]?.get('row') as InteractionRow | undefined;
      if (row) {
        const stored = fromInteractionRow(row);
        const evidenceIds = (await evidenceRecords(tx, `${label}:${slug}`, evidence)).map(
          (e) => e.id,
        );
        if (stored.label === label && sameInteraction(stored, props, links, evidenceIds))
          return {
            record: stored,
            status: 'unchanged',
            // Nothing is set, as an unchanged entity's line says.
            item: { ...interactionItem(write, stored.uuid, false), fields: [] },
          };
      }
    }
    const { date, ...rest } = props;
    const newId = randomUUID();
    const result = await tx.run(
      `MERGE (x:Interaction:${label} {slug: $slug})
       ON CREATE SET x.id = $newId, x.createdAt = datetime()
       SET x += $props, x.date = date($date), x.updatedAt = datetime()
       WITH x
       OPTIONAL MATCH (x)-[old]-(:Entity) WHERE type(old) <> 'MENTIONS'
       DELETE old
       RETURN DISTINCT x.id AS id`,
      { slug, newId, props: rest, date },
    );
    const id = result.records[0]!.get('id') as string;
    const created = id === newId;
    for (const type of Object.keys(INTERACTION_PARTIES) as InteractionLinkType[]) {
      for (const outgoing of [false, true]) {
        const ids = links
          .filter((l) => l.type === type && l.outgoing === outgoing)
          .map((l) => l.entityId);
        if (ids.length > 0) await tx.run(link(type, outgoing), { id, ids });
      }
    }
    const evidenceIds = await this.entityWrites.writeEvidence(tx, `${label}:${slug}`, evidence);
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
      item: interactionItem(write, id, created),
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
