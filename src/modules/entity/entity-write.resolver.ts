/**
 * The four write mutations of one entity type (createX, upsertX, updateX, deleteX), made by a
 * factory so that every type gets the same names, rules and errors. Each type lists the fields
 * of its input that are its own (kind, dates, country ...).
 */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver, type ClassType } from 'type-graphql';
import type { Context } from '../request/context';
import type { CreateEntityInputBase } from '../../shared/inputs';
import type { EntityLabel } from '../../shared/model';
import type { EntityWriteService } from './entity-write.service';
import type { EntityObject } from './entity.record';

export function entityWriteResolver<
  C extends CreateEntityInputBase,
  U extends CreateEntityInputBase,
>(
  label: EntityLabel,
  objectType: ClassType,
  createInput: ClassType<C>,
  updateInput: ClassType<U>,
  ownFields: readonly string[],
) {
  const noun = label.toLowerCase();
  const own = (input: object): Record<string, unknown> =>
    Object.fromEntries(ownFields.map((f) => [f, (input as Record<string, unknown>)[f]]));

  @Resolver()
  class EntityWriteResolver {
    constructor(readonly writes: EntityWriteService) {}

    @Authorized('editor')
    @Mutation(() => objectType, {
      name: `create${label}`,
      description: `Creates a ${noun}; CONFLICT when the slug is taken.`,
    })
    create(@Arg('input', () => createInput) input: C, @Ctx() ctx: Context): Promise<EntityObject> {
      return this.writes.save(ctx, 'create', label, input, own(input));
    }

    @Authorized('editor')
    @Mutation(() => objectType, {
      name: `upsert${label}`,
      description: `Creates the ${noun} with this slug (given or made from the name) or updates it; idempotent.`,
    })
    upsert(@Arg('input', () => createInput) input: C, @Ctx() ctx: Context): Promise<EntityObject> {
      return this.writes.save(ctx, 'upsert', label, input, own(input));
    }

    @Authorized('editor')
    @Mutation(() => objectType, {
      name: `update${label}`,
      description: 'Changes the given fields; NOT_FOUND for an unknown id.',
    })
    update(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => updateInput) input: U,
      @Ctx() ctx: Context,
    ): Promise<EntityObject> {
      return this.writes.update(ctx, label, id, input, own(input));
    }

    @Authorized('editor')
    @Mutation(() => ID, {
      name: `delete${label}`,
      description:
        'Deletes; CONFLICT while others reference it, unless detach is true (its relationships go with it). Never leaves an interaction without a party it needs (its only inviter, invitee, target, presenter, proposer or asker): CONFLICT naming those interactions in extensions.dependents. Returns the id.',
    })
    delete(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: Context,
      @Arg('detach', () => Boolean, { nullable: true, defaultValue: false }) detach?: boolean,
    ): Promise<string> {
      return this.writes.delete(ctx, label, id, detach ?? false);
    }
  }
  Object.defineProperty(EntityWriteResolver, 'name', { value: `${label}WriteResolver` });
  return EntityWriteResolver;
}
