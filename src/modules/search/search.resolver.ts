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
      'Names and aliases in every language, case- and diacritic-insensitive, with or without stop words, with prefixes and typos; an exact name or alias first, then best first. query: 1-300 characters (the longest name); first: 1-100.',
  })
  search(
    @Arg('query') query: string,
    @Ctx() ctx: Context,
    @Arg('types', () => [EntityType], { nullable: true }) types?: (keyof typeof EntityType)[],
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    // `matched` is found among the aliases, which only a whole entity has.
    const parties = partiesAsked(info, [['entity']], ['matched']);
    return this.searchService.run(ctx, query, types, first ?? 10, parties);
  }
}
