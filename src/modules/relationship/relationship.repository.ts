/**
 * Batched neighbourhood reads for nested fields: the relationships of one type and direction of
 * many entities, and the interactions they take part in. One UNWIND query per batch, returning
 * the entities and interactions at the other end whole, so that no second statement loads them.
 */
import type { Database } from '../../db/database';
import { interactionRow, partyRow, type Parties } from '../../shared/cypher';
import { fromEntityRow, type EntityRecord, type EntityRow } from '../entity/entity.record';
import { brokenParties } from '../integrity/integrity';
import {
  fromInteractionRow,
  type InteractionRecord,
  type InteractionRow,
} from '../interaction/interaction.record';

export interface LinkKey {
  id: string;
  type: string;
  outgoing: boolean;
  /** How much of the entity at the other end to read (the query's selection decides). */
  parties: Parties;
}

export interface LinkRecord {
  otherId: string;
  /** The entity at the other end. */
  other: EntityRecord;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  evidenceIds: string[];
}

export interface InteractionKey {
  id: string;
  type: string;
  label: string;
  /** How much of the interactions' parties to read. */
  parties: Parties;
}

export const linkKey = (k: LinkKey): string =>
  `${k.id}|${k.type}|${k.outgoing ? 'out' : 'in'}|${k.parties}`;
export const interactionKey = (k: InteractionKey): string =>
  `${k.id}|${k.type}|${k.label}|${k.parties}`;

// One statement per reading of the entities: written as a CASE in one statement, Neo4j plans
// the pattern comprehensions of both branches and runs them for every row.
const findLinks = (parties: Parties): string => /* cypher */ `
UNWIND $keys AS k
MATCH (n:Entity {id: k.id})
OPTIONAL MATCH (n)-[r]-(m:Entity) WHERE type(r) = k.type AND (startNode(r) = n) = k.outgoing
RETURN k.key AS key, collect(CASE WHEN r IS NULL THEN null ELSE {
  otherId: m.id, role: r.role, startDate: toString(r.startDate), endDate: toString(r.endDate),
  evidenceIds: coalesce(r.evidenceIds, []),
  other: ${partyRow('m', parties)}
} END) AS found`;

const findInteractions = (parties: Parties): string => /* cypher */ `
UNWIND $keys AS k
MATCH (n:Entity {id: k.id})
OPTIONAL MATCH (n)-[r]-(i:Interaction) WHERE type(r) = k.type AND k.label IN labels(i)
RETURN k.key AS key, collect(CASE WHEN i IS NULL THEN null ELSE ${interactionRow('i', parties)} END) AS found`;

// Others met at the same events or projects (as participant, organiser or project member).
const FIND_COLLABORATORS = /* cypher */ `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[:PARTICIPATED_IN|ORGANISED|WORKS_ON]->(shared:Entity)<-[:PARTICIPATED_IN|ORGANISED|WORKS_ON]-(other:Entity)
WHERE other <> n AND (other:Person OR other:Organisation)
WITH id, other, collect(DISTINCT shared.id) AS sharedIds
RETURN id, collect(CASE WHEN other IS NULL THEN null ELSE {otherId: other.id, sharedIds: sharedIds} END) AS collaborators`;

export interface CollaboratorRecord {
  otherId: string;
  sharedIds: string[];
}

export class RelationshipRepository {
  constructor(private readonly db: Database) {}

  async links(keys: readonly LinkKey[], requestId?: string): Promise<Map<string, LinkRecord[]>> {
    type LinkRow = Omit<LinkRecord, 'other'> & { other: EntityRow };
    return this.byKey(keys, findLinks, linkKey, 'relationship.links', requestId, (rows) =>
      (rows as LinkRow[]).map((link) => ({ ...link, other: fromEntityRow(link.other) })),
    );
  }

  async interactions(
    keys: readonly InteractionKey[],
    requestId?: string,
  ): Promise<Map<string, InteractionRecord[]>> {
    return this.byKey(
      keys,
      findInteractions,
      interactionKey,
      'relationship.interactions',
      requestId,
      // Interactions missing a party they need are left out (see InteractionRepository.findByIds).
      (rows, parties) =>
        (rows as InteractionRow[])
          .map((row) => fromInteractionRow(row, parties === 'whole'))
          .filter((record) => brokenParties(record).length === 0),
    );
  }

  /**
   * Runs `statement` once per reading of the parties among the keys (together; a batch almost
   * always holds one) and converts each row's `found` column, by key.
   */
  private async byKey<K extends { parties: Parties }, T>(
    keys: readonly K[],
    statement: (parties: Parties) => string,
    keyOf: (key: K) => string,
    operation: string,
    requestId: string | undefined,
    convert: (found: unknown, parties: Parties) => T,
  ): Promise<Map<string, T>> {
    const groups = new Map<Parties, K[]>();
    for (const key of keys) {
      const group = groups.get(key.parties) ?? [];
      group.push(key);
      groups.set(key.parties, group);
    }
    const answers = await Promise.all(
      [...groups].map(async ([parties, group]) => {
        const result = await this.db.query(
          statement(parties),
          { keys: group.map((k) => ({ ...k, key: keyOf(k) })) },
          { operation, requestId },
        );
        return result.records.map(
          (r) => [r.get('key') as string, convert(r.get('found'), parties)] as const,
        );
      }),
    );
    return new Map(answers.flat());
  }

  async collaborators(
    ids: readonly string[],
    requestId?: string,
  ): Promise<Map<string, CollaboratorRecord[]>> {
    const result = await this.db.query(
      FIND_COLLABORATORS,
      { ids: [...ids] },
      { operation: 'relationship.collaborators', requestId },
    );
    return new Map(
      result.records.map((r) => [
        r.get('id') as string,
        r.get('collaborators') as CollaboratorRecord[],
      ]),
    );
  }
}
