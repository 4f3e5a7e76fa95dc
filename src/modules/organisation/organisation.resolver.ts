/** organisations(filter:, orderBy:, first:, after:). */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ActorFields } from '../relationship/actor.fields';
import type { ActorService } from '../relationship/actor.service';
import type { ConnectionShape } from '../../shared/connection';
import type { Context } from '../../shared/context';
import type { EntityOrder as Order } from '../entity/entity-list.repository';
import type { EntityListService } from '../entity/entity-list.service';
import { EntityOrder, OrganisationConnection } from '../entity/entity-list.type';
import type { EntityObject } from '../entity/entity.service';
import { Organisation } from '../entity/entity.type';
import {
  CreateOrganisationInput,
  OrganisationFilter,
  UpdateOrganisationInput,
} from './organisation.inputs';
import type { EntityWriteService } from '../entity/entity-write.service';

@Resolver(() => Organisation)
export class OrganisationResolver extends ActorFields(Organisation) {
  constructor(
    private readonly lists: EntityListService,
    private readonly writes: EntityWriteService,
    actors: ActorService,
  ) {
    super(actors);
  }

  @Query(() => OrganisationConnection, {
    description: 'Organisations; first: default 20, at most 100.',
  })
  organisations(
    @Ctx() ctx: Context,
    @Arg('filter', () => OrganisationFilter, { nullable: true }) filter?: OrganisationFilter,
    @Arg('orderBy', () => EntityOrder, { nullable: true, defaultValue: 'NAME' }) orderBy?: Order,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ConnectionShape<EntityObject>> {
    return this.lists.list(ctx, 'Organisation', filter, orderBy ?? 'NAME', first, after);
  }

  @Mutation(() => Organisation, {
    description: 'Creates a organisation; CONFLICT when the slug is taken.',
  })
  createOrganisation(
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
    @Ctx() ctx: Context,
  ): Promise<EntityObject> {
    return this.writes.save(ctx, 'create', 'Organisation', input, {
      kind: input.kind,
      country: input.country,
      foundedYear: input.foundedYear,
      website: input.website,
    });
  }

  @Mutation(() => Organisation, {
    description:
      'Creates the organisation with this slug (given or made from the name) or updates it; idempotent.',
  })
  upsertOrganisation(
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
    @Ctx() ctx: Context,
  ): Promise<EntityObject> {
    return this.writes.save(ctx, 'upsert', 'Organisation', input, {
      kind: input.kind,
      country: input.country,
      foundedYear: input.foundedYear,
      website: input.website,
    });
  }

  @Mutation(() => Organisation, {
    description: 'Changes the given fields; NOT_FOUND for an unknown id.',
  })
  updateOrganisation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @Ctx() ctx: Context,
  ): Promise<EntityObject> {
    return this.writes.update(ctx, 'Organisation', id, input, {
      kind: input.kind,
      country: input.country,
      foundedYear: input.foundedYear,
      website: input.website,
    });
  }

  @Mutation(() => ID, {
    description:
      'Deletes; CONFLICT while others reference it, unless detach is true. Returns the id.',
  })
  deleteOrganisation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('detach', () => Boolean, { nullable: true, defaultValue: false }) detach?: boolean,
  ): Promise<string> {
    return this.writes.delete(ctx, 'Organisation', id, detach ?? false);
  }
}
