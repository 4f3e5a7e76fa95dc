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
import type { EntityWriteRepository, EvidenceWrite } from '../entity/entity-write.repository';
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
    let stored: InteractionRecord | undefined;
    let created = false;
    await this.db.write(
      async (tx) => {
        const found = await tx.run(LABELS_OF, { ids: [...new Set(links.map((l) => l.entityId))] });
        const labels = new Map(
          found.records.map((r) => [r.get('id') as string, r.get('labels') as string[]]),
        );
        for (const l of links) {
          const entityLabels = labels.get(l.entityId);
          if (!entityLabels)
            throw new NotFoundError(`No entity has the id given as ${l.argument}.`, l.argument);
          const entityLabel = ENTITY_LABELS.find((x) => entityLabels.includes(x))!;
          const allowed: readonly EntityLabel[] = INTERACTION_PARTIES[l.type];
          if (!allowed.includes(entityLabel)) {
            throw new BadUserInputError(
              `${l.argument} is a ${entityLabel}; expected ${allowed.join(' or ')}.`,
              l.argument,
            );
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
        created = id === newId;
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
        stored = record;
        // The id, not the record: the audit entry records the ids a write returns.
        return id;
      },
      {
        operation: `record ${label}`,
        requestId,
        // The fields set: its own, its parties (by link type), its evidence.
        describe: (id) => [
          {
            id: toGlobalId(label, id),
            type: label,
            op: created ? 'CREATE' : 'UPDATE',
            fields: [
              ...(created ? ['slug'] : []),
              ...Object.keys(props),
              ...new Set(links.map((l) => l.type)),
              ...(evidence.length > 0 ? ['evidence'] : []),
            ],
          },
        ],
      },
    );
    return stored!;
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
