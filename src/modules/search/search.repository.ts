/** Full-text search over names and aliases (index entity_names, folding analyzer). */
import { int } from 'neo4j-driver';
import type { Database } from '../../db/database';
import { partyRow, type Parties } from '../../shared/cypher';
import type { EntityLabel } from '../../shared/model';
import { fromEntityRow, type EntityRecord, type EntityRow } from '../entity/entity.record';

// The index is asked for more hits than wanted when a type filter will drop some. The hits
// come back with the statement, whole or only named (as the query asks).
const search = (typed: boolean, parties: Parties): string => /* cypher */ `
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node, score
${typed ? 'WHERE any(l IN labels(node) WHERE l IN $labels)' : ''}
WITH node, score ORDER BY score DESC, node.name LIMIT $first
RETURN score, ${partyRow('node', parties)} AS row
ORDER BY score DESC, node.name`;

export class SearchRepository {
  constructor(private readonly db: Database) {}

  async search(
    lucene: string,
    labels: EntityLabel[] | null,
    first: number,
    parties: Parties,
    requestId?: string,
  ): Promise<{ record: EntityRecord; score: number }[]> {
    const candidates = labels ? Math.max(first * 10, 200) : first;
    const result = await this.db.query(
      search(labels !== null, parties),
      { lucene, labels, first: int(first), candidates: int(candidates) },
      { operation: 'search', requestId },
    );
    return result.records.map((r) => ({
      record: fromEntityRow(r.get('row') as EntityRow),
      score: r.get('score') as number,
    }));
  }
}
