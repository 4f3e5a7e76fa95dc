/** Full-text search over names and aliases (indexes entity_names and entity_names_verbatim). */
import { int } from 'neo4j-driver';
import type { Database } from '../../db/database';
import { partyRow, type Parties } from '../../shared/cypher';
import type { EntityLabel } from '../../shared/model';
import { fromEntityRow, type EntityRecord, type EntityRow } from '../entity/entity.record';
import type { SearchPlan } from './search.query';

// The index is asked for more hits than wanted, so that a type filter can drop some and an
// exact name or alias can come first though Lucene scores it lower (a longer name that holds
// the words twice can outscore it). `fit` is 2 for a name or alias that is the query's words
// exactly, 1 for the same words but stop words, else 0. An exact name also fits loosely, so
// most candidates, which fit neither, cost one pattern match per name, not two. The candidates
// are few (twice the page, at least 20): each costs pattern matches on the hot path. The hits come back with the statement,
// whole or only named (as the query asks).
const search = (
  index: SearchPlan['index'],
  typed: boolean,
  parties: Parties,
): string => /* cypher */ `
CALL db.index.fulltext.queryNodes('${index}', $lucene, {limit: $candidates}) YIELD node, score
${typed ? 'WHERE any(l IN labels(node) WHERE l IN $labels)' : ''}
WITH node, score, [name IN [node.name] + coalesce(node.aliasNames, []) | normalize(name, NFD)] AS names
WITH node, score, CASE WHEN NOT any(name IN names WHERE name =~ $loose) THEN 0
                       WHEN any(name IN names WHERE name =~ $exact) THEN 2 ELSE 1 END AS fit
ORDER BY fit DESC, score DESC, node.name, node.id LIMIT $first
RETURN score, ${partyRow('node', parties)} AS row
ORDER BY fit DESC, score DESC, node.name, node.id`;

/** How many hits the index is asked for: a type filter drops some, the ranking reorders them. */
export const candidateCount = (first: number, typed: boolean): number =>
  typed ? Math.max(first * 10, 200) : Math.max(first * 2, 20);

export class SearchRepository {
  constructor(private readonly db: Database) {}

  async search(
    plan: SearchPlan,
    labels: EntityLabel[] | null,
    first: number,
    parties: Parties,
    requestId?: string,
  ): Promise<{ record: EntityRecord; score: number }[]> {
    const candidates = candidateCount(first, labels !== null);
    const result = await this.db.query(
      search(plan.index, labels !== null, parties),
      {
        lucene: plan.lucene,
        exact: plan.exact,
        loose: plan.loose,
        labels,
        first: int(first),
        candidates: int(candidates),
      },
      { operation: 'search', requestId },
    );
    return result.records.map((r) => ({
      record: fromEntityRow(r.get('row') as EntityRow),
      score: r.get('score') as number,
    }));
  }
}
