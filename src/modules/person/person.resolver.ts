/** people(filter:, orderBy:, first:, after:). */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Affiliation } from '../relationship/relationship.type';
import { ActorFields } from '../relationship/actor.fields';
import type { ActorService } from '../relationship/actor.service';
import type { ConnectionShape } from '../../shared/connection';
import type { Context } from '../../shared/context';
import type { EntityOrder as Order } from '../entity/entity-list.repository';
import type { EntityListService } from '../entity/entity-list.service';
import { EntityOrder, PersonConnection } from '../entity/entity-list.type';
import type { EntityObject } from '../entity/entity.service';
import { Person } from '../entity/entity.type';
import { CreatePersonInput, PersonFilter, UpdatePersonInput } from './person.inputs';
import type { EntityWriteService } from '../entity/entity-write.service';

@Resolver(() => Person)
export class PersonResolver extends ActorFields(Person) {
  constructor(
    private readonly lists: EntityListService,
    private readonly writes: EntityWriteService,
    actors: ActorService,
  ) {
    super(actors);
  }

  @Query(() => PersonConnection, { description: 'People; first: default 20, at most 100.' })
  people(
    @Ctx() ctx: Context,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter,
    @Arg('orderBy', () => EntityOrder, { nullable: true, defaultValue: 'NAME' }) orderBy?: Order,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionShape<EntityObject>> {
    return this.lists.list(ctx, 'Person', filter, orderBy ?? 'NAME', first, after);
  }

  @FieldResolver(() => [Affiliation], {
    description: 'Organisations this person belongs to, with role and evidence.',
  })
  affiliations(@Root() person: EntityObject, @Ctx() ctx: Context): Promise<Affiliation[]> {
    return this.actors.affiliations(ctx, person);
  }

  @Mutation(() => Person, { description: 'Creates a person; CONFLICT when the slug is taken.' })
  createPerson(
    @Arg('input', () => CreatePersonInput) input: CreatePersonInput,
    @Ctx() ctx: Context,
  ): Promise<EntityObject> {
    return this.writes.save(ctx, 'create', 'Person', input, {});
  }

  @Mutation(() => Person, {
    description:
      'Creates the person with this slug (given or made from the name) or updates it; idempotent.',
  })
  upsertPerson(
    @Arg('input', () => CreatePersonInput) input: CreatePersonInput,
    @Ctx() ctx: Context,
  ): Promise<EntityObject> {
    return this.writes.save(ctx, 'upsert', 'Person', input, {});
  }

  @Mutation(() => Person, { description: 'Changes the given fields; NOT_FOUND for an unknown id.' })
  updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: Context,
  ): Promise<EntityObject> {
    return this.writes.update(ctx, 'Person', id, input, {});
  }

  @Mutation(() => ID, {
    description:
      'Deletes; CONFLICT while others reference it, unless detach is true. Returns the id.',
  })
  deletePerson(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('detach', () => Boolean, { nullable: true, defaultValue: false }) detach?: boolean,
  ): Promise<string> {
    return this.writes.delete(ctx, 'Person', id, detach ?? false);
  }
}
