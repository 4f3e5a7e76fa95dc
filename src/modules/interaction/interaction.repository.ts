/**
 * Cypher for interaction nodes of every kind (Invitation, Presentation, Proposal, Question):
 * batched loads with their links to entities. Lists of one kind live with it (invitation/).
 */
import type { Database } from '../../db/database';
import { interactionRow } from '../../shared/cypher';
import { brokenParties } from '../integrity/integrity';
import {
  fromInteractionRow,
  type InteractionRecord,
  type InteractionRow,
} from './interaction.record';

const FIND_BY_IDS = /* cypher */ `
UNWIND $ids AS id
MATCH (i:Interaction {id: id})
RETURN ${interactionRow('i')} AS row`;

export class InteractionRepository {
  constructor(private readonly db: Database) {}

  async findByIds(
    ids: readonly string[],
    requestId?: string,
  ): Promise<Map<string, InteractionRecord>> {
    const result = await this.db.query(
      FIND_BY_IDS,
      { ids: [...ids] },
      { operation: 'interaction.findByIds', requestId },
    );
    // A record missing a party it needs (damage the write paths no longer allow) is left out,
    // as if absent: answering it would fail a non-null field and with it the whole response.
    return new Map(
      result.records
        .map((r) => fromInteractionRow(r.get('row') as InteractionRow))
        .filter((record) => brokenParties(record).length === 0)
        .map((record) => [record.uuid, record]),
    );
  }
}
