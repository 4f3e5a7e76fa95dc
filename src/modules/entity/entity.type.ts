/**
 * The Relay `Node` interface and the `Entity` interface every entity object type implements
 * (each type lives in its own domain folder: organisation/organisation.type.ts, ...).
 * Objects are plain records shaped by toEntityObject; `typeName` picks the GraphQL type.
 */
import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { EntityType } from '../../shared/enums';

/** Every object with a global id says which GraphQL type it is. */
export interface Typed {
  typeName: string;
}

const byTypeName = (value: Typed): string => value.typeName;

@InterfaceType('Node', {
  description: 'An object with an opaque global id (Relay).',
  resolveType: byTypeName,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Opaque global id; pass it to node(id:).' })
  id!: string;
}

@ObjectType({ description: 'A name in one language.' })
export class Alias {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'BCP 47 tag: fi, et, ru, en ...' })
  language!: string | null;
}

@InterfaceType('Entity', {
  implements: NodeInterface,
  description:
    'Organisation, Person, Event, Project, Publication, Place, Topic, Award or Document.',
  resolveType: byTypeName,
})
export abstract class EntityInterface extends NodeInterface {
  @Field({ description: 'Human-readable key, unique per type.' })
  slug!: string;

  @Field()
  name!: string;

  @Field(() => [Alias], { description: 'Other names, with their language.' })
  aliases!: Alias[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => EntityType)
  type!: EntityType;

  typeName!: string;
  uuid!: string;
  evidenceIds!: string[];
}

/** What every entity object type implements: `@ObjectType({ ...IMPLEMENTS_ENTITY, ... })`. */
export const IMPLEMENTS_ENTITY = { implements: [NodeInterface, EntityInterface] };
