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
  @Field(() => ID, {
    description:
      'Opaque global id, stable across reloads of the same data and unique across every type; pass it to node(id:) to fetch the object again. Do not parse it.',
  })
  id!: string;
}

@ObjectType({
  description:
    'Another name of an entity: a translation, transliteration, abbreviation or spelling found in a source.',
})
export class Alias {
  @Field({
    description:
      'The name as written in its language (e.g. "Pietari" for St Petersburg in Finnish).',
  })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'BCP 47 language tag of the name (fi, et, ru, en ...); null when it is the same in every language or unknown.',
  })
  language!: string | null;
}

@InterfaceType('Entity', {
  implements: NodeInterface,
  description:
    'Organisation, Person, Event, Project, Publication, Place, Topic, Award or Document.',
  resolveType: byTypeName,
})
export abstract class EntityInterface extends NodeInterface {
  @Field({
    description:
      'Human-readable key, unique within its type (lower-case letters, digits and single dashes, e.g. sitra); with the type it finds the entity through entity(type:, slug:).',
  })
  slug!: string;

  @Field({
    description:
      'Official name in the source language, as written in its first source; see aliases for other languages and spellings.',
  })
  name!: string;

  @Field(() => [Alias], {
    description:
      'Other names (translations, abbreviations, spellings), each with its language; empty when there are none. search matches them too.',
  })
  aliases!: Alias[];

  @Field(() => String, {
    nullable: true,
    description: 'A few sentences about the entity in English; null when none was written.',
  })
  description!: string | null;

  @Field(() => EntityType, {
    description: 'Which of the nine entity types this is (the same as __typename in upper case).',
  })
  type!: EntityType;

  typeName!: string;
  uuid!: string;
  evidenceIds!: string[];
}

/** What every entity object type implements: `@ObjectType({ ...IMPLEMENTS_ENTITY, ... })`. */
export const IMPLEMENTS_ENTITY = { implements: [NodeInterface, EntityInterface] };
