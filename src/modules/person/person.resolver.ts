/** people(filter:, orderBy:, first:, after:). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionPage } from '../../shared/connection';
import { partiesAsked } from '../../shared/selection';
import { Affiliation } from '../relationship/relationship.type';
import { ActorFields } from '../relationship/actor.fields';
import type { ActorService } from '../relationship/actor.service';
import type { ConnectionShape } from '../../shared/connection';
import type { Context } from '../request/context';
import type { EntityOrder as Order } from '../entity/entity-list.repository';
import type { EntityListService } from '../entity/entity-list.service';
import { EntityOrder } from '../entity/entity-list.type';
import type { EntityObject } from '../entity/entity.record';
import { Person, PersonConnection } from './person.type';
import { PersonFilter } from './person.inputs';

@Resolver(() => Person)
export class PersonResolver extends ActorFields(Person) {
  constructor(
    private readonly lists: EntityListService,
    actors: ActorService,
  ) {
    super(actors);
  }

  @Query(() => PersonConnection, {
    description:
      'Every person in the graph, a page at a time (first/after forwards or last/before backwards: 20 by default, at most 100), narrowed by filter and sorted by orderBy.',
  })
  people(
    @Ctx() ctx: Context,
    @Arg('filter', () => PersonFilter, {
      nullable: true,
      description: 'Which people to keep; absent keeps all.',
    })
    filter?: PersonFilter,
    @Arg('orderBy', () => EntityOrder, {
      nullable: true,
      defaultValue: 'NAME',
      description: 'The sort order (default NAME); ties are broken by id.',
    })
    orderBy?: Order,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<EntityObject>> {
    return this.lists.list(ctx, 'Person', filter, orderBy ?? 'NAME', page);
  }

  @FieldResolver(() => [Affiliation], {
    description:
      'Organisations this person belongs to, works for or is a member of, each with the role and the evidence; empty when none is known.',
  })
  affiliations(
    @Root() person: EntityObject,
    @Ctx() ctx: Context,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Affiliation[]> {
    return this.actors.affiliations(ctx, person, partiesAsked(info, [['organisation']]));
  }
}
