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
      description: `Creates a ${noun} and answers it as stored; CONFLICT (argument input.slug) when a ${noun} with that slug exists. Needs an editor or admin credential.`,
    })
    create(
      @Arg('input', () => createInput, {
        description: `The new ${noun}: name, and optionally slug, aliases, description, evidence and the fields of a ${noun}.`,
      })
      input: C,
      @Ctx() ctx: Context,
    ): Promise<EntityObject> {
      return this.writes.save(ctx, 'create', label, input, own(input));
    }

    @Authorized('editor')
    @Mutation(() => objectType, {
      name: `upsert${label}`,
      description: `Creates the ${noun} with this slug (given, or made from the name) or, when it exists, sets the given fields on it; idempotent, so safe to retry. Needs an editor or admin credential.`,
    })
    upsert(
      @Arg('input', () => createInput, {
        description: `The ${noun} to create or update, found by its slug.`,
      })
      input: C,
      @Ctx() ctx: Context,
    ): Promise<EntityObject> {
      return this.writes.save(ctx, 'upsert', label, input, own(input));
    }

    @Authorized('editor')
    @Mutation(() => objectType, {
      name: `update${label}`,
      description: `Changes the given fields of a ${noun} and answers it as stored; fields left out keep their value. NOT_FOUND for an unknown id. Needs an editor or admin credential.`,
    })
    update(
      @Arg('id', () => ID, { description: `Global id of the ${noun} to change.` }) id: string,
      @Arg('input', () => updateInput, {
        description: 'Only the fields to change; null clears an optional field.',
      })
      input: U,
      @Ctx() ctx: Context,
    ): Promise<EntityObject> {
      return this.writes.update(ctx, label, id, input, own(input));
    }

    @Authorized('editor')
    @Mutation(() => ID, {
      name: `delete${label}`,
      description: `Deletes a ${noun}; CONFLICT while others reference it, unless detach is true (its relationships go with it). Never leaves an interaction without a party it needs (its only inviter, invitee, target, presenter, proposer or asker): CONFLICT naming those interactions in extensions.dependents. Returns the deleted id. Needs an editor or admin credential.`,
    })
    delete(
      @Arg('id', () => ID, { description: `Global id of the ${noun} to delete.` }) id: string,
      @Ctx() ctx: Context,
      @Arg('detach', () => Boolean, {
        nullable: true,
        defaultValue: false,
        description:
          'true: delete its relationships along with it; false (default): refuse with CONFLICT while any relationship remains.',
      })
      detach?: boolean,
    ): Promise<string> {
      return this.writes.delete(ctx, label, id, detach ?? false);
    }
  }
  Object.defineProperty(EntityWriteResolver, 'name', { value: `${label}WriteResolver` });
  return EntityWriteResolver;
}
