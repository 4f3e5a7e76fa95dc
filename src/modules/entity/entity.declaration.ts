/**
 * What one entity type declares about itself, in its own folder (modules/<domain>/<domain>.entity.ts):
 * its GraphQL object type, its write inputs, the shape of its seed records and the words the
 * generator introduces such entities with. modules/entity/entity.registry.ts gathers one per
 * label of the graph model (shared/model.ts ENTITY_MODEL) and every list that needs them reads it.
 */
import type { ClassType } from 'type-graphql';
import type { z } from 'zod';
import type { CreateEntityInputBase } from '../../shared/inputs';
import type { EntityLabel } from '../../shared/model';
import type { EntityInterface } from './entity.type';

/** The inputs of createX / upsertX / updateX, and the fields of them that are the type's own. */
export interface EntityWrites {
  create: ClassType<CreateEntityInputBase>;
  update: ClassType<CreateEntityInputBase>;
  /** Input fields beyond those every entity has (kind, dates, country ...). */
  fields: readonly string[];
}

/** A seed record's shape: an object whose `type` is the label. */
export type SeedShape<L extends EntityLabel> = z.ZodObject & { shape: { type: z.ZodLiteral<L> } };

export interface EntityDeclaration<
  L extends EntityLabel = EntityLabel,
  S extends SeedShape<L> = SeedShape<L>,
  T extends EntityInterface = EntityInterface,
> {
  label: L;
  /** The GraphQL object type (registered even where resolvers only name the Entity interface). */
  type: ClassType<T>;
  /** The four write mutations; absent for a type that only the seed loader writes. */
  writes?: EntityWrites;
  /** One record of this type in seeds/graph/*.yaml (`type: <label>`); absent: not seeded so. */
  seed?: S;
  /** The generator's words introducing a list of such entities: fi, et, ru, en. */
  intro: [string, string, string, string];
}

/**
 * Keeps the declaration's own object type and seed shape in its type: the seed schema infers
 * records from it, and entityOf(label, object) answers the label's own object type.
 */
export function declareEntity<
  L extends EntityLabel,
  T extends EntityInterface,
  S extends SeedShape<L> = never,
>(declaration: EntityDeclaration<L, S, T>): EntityDeclaration<L, S, T> {
  return declaration;
}
