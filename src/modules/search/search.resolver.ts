/** search(query:, types:, first:) over names and aliases in every language. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { partiesAsked } from '../../shared/selection';
import type { Context } from '../request/context';
import { EntityType } from '../../shared/enums';
import { SearchHit } from './search.type';
import type { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => [SearchHit], {
    description:
      'Names and aliases in every language, case- and diacritic-insensitive, with or without stop words, with prefixes and typos; an exact name or alias first, then best first. A bounded top-N list by relevance (at most 100 hits, default 10), not a connection: past the best hits relevance says little, and scores shift as the graph changes. For organisations, people and events, every one whose name or alias contains a text is listed page by page by those connections with filter.name; /export/nodes.csv holds every entity.',
  })
  search(
    @Arg('query', { description: 'The text to look for: 1 to 300 characters (the longest name).' })
    query: string,
    @Ctx() ctx: Context,
    @Arg('types', () => [EntityType], {
      nullable: true,
      description: 'Entity types to search; null or absent for all.',
    })
    types?: (keyof typeof EntityType)[],
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'How many of the best hits to return: 1 to 100, default 10.',
    })
    first?: number | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    // `matched` is found among the aliases, which only a whole entity has.
    const parties = partiesAsked(info, [['entity']], ['matched']);
    return this.searchService.run(ctx, query, types, first ?? 10, parties);
  }
}
