/** organisations(filter:, orderBy:, first:, after:). */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, ConnectionPage } from '../../shared/connection';
import { ActorFields } from '../relationship/actor.fields';
import type { ActorService } from '../relationship/actor.service';
import type { ConnectionShape } from '../../shared/connection';
import type { Context } from '../request/context';
import type { EntityOrder as Order } from '../entity/entity-list.repository';
import type { EntityListService } from '../entity/entity-list.service';
import { EntityOrder } from '../entity/entity-list.type';
import type { EntityObject } from '../entity/entity.record';
import { Organisation, OrganisationConnection } from './organisation.type';
import { OrganisationFilter } from './organisation.inputs';

@Resolver(() => Organisation)
export class OrganisationResolver extends ActorFields(Organisation) {
  constructor(
    private readonly lists: EntityListService,
    actors: ActorService,
  ) {
    super(actors);
  }

  @Query(() => OrganisationConnection, {
    description:
      'Every organisation in the graph, a page at a time (first/after forwards or last/before backwards: 20 by default, at most 100), narrowed by filter and sorted by orderBy.',
  })
  organisations(
    @Ctx() ctx: Context,
    @Arg('filter', () => OrganisationFilter, {
      nullable: true,
      description: 'Which organisations to keep; absent keeps all.',
    })
    filter?: OrganisationFilter,
    @Arg('orderBy', () => EntityOrder, {
      nullable: true,
      defaultValue: 'NAME',
      description: 'The sort order (default NAME); ties are broken by id.',
    })
    orderBy?: Order,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<EntityObject>> {
    return this.lists.list(ctx, 'Organisation', filter, orderBy ?? 'NAME', page);
  }
}
