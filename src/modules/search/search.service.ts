/** search(query:, types:, first:): validated input, a safe Lucene query, one batched entity load. */
import type { Context } from '../request/context';
import { labelOfType, type EntityType } from '../../shared/enums';
import { BadUserInputError } from '../../shared/errors';
import { MAX_PAGE_SIZE } from '../../shared/connection';
import type { Parties } from '../../shared/cypher';
import { keepEntities } from '../request/loaders';
import { toEntityObject } from '../entity/entity.record';
import { matchedName, MAX_QUERY_LENGTH, searchPlan, terms, visible } from './search.query';
import type { SearchRepository } from './search.repository';
import type { SearchHit } from './search.type';

export class SearchService {
  constructor(private readonly search: SearchRepository) {}

  async run(
    ctx: Context,
    query: string,
    types: EntityType[] | null | undefined,
    first: number,
    parties: Parties = 'whole',
  ): Promise<SearchHit[]> {
    query = visible(query);
    // Characters as names are counted (code points: an emoji is one), not UTF-16 units.
    const characters = [...query].length;
    if (characters > MAX_QUERY_LENGTH) {
      throw new BadUserInputError(
        `query must be at most ${MAX_QUERY_LENGTH} characters, got ${characters}.`,
        'query',
      );
    }
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new BadUserInputError(
        `first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`,
        'first',
      );
    }
    if (terms(query).length === 0) {
      throw new BadUserInputError('query must contain at least one letter or digit.', 'query');
    }
    const labels = types && types.length > 0 ? types.map(labelOfType) : null;
    const plan = searchPlan(query);
    const rows = await this.search.search(plan, labels, first, parties, ctx.requestId);
    if (parties === 'whole')
      keepEntities(
        ctx.loaders,
        rows.map((r) => r.record),
      );
    return rows.map((row) => {
      const entity = toEntityObject(row.record);
      return {
        entity,
        score: row.score,
        matched: matchedName(plan.words, [entity.name, ...entity.aliases.map((a) => a.name)]),
      };
    });
  }
}
