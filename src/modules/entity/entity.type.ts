/**
 * The Relay `Node` interface, the `Entity` interface and one object type per entity label.
 * Objects are plain records shaped by EntityService.toGraph; `typeName` picks the GraphQL type.
 */
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import {
  EntityType,
  EventKind,
  OrganisationKind,
  PlaceKind,
  ProjectStatus,
  PublicationKind,
} from '../../shared/enums';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';

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

const implementsEntity = { implements: [NodeInterface, EntityInterface] };

@ObjectType({
  ...implementsEntity,
  description: 'A fund, cluster, research centre, incubator, association, company...',
})
export class Organisation extends EntityInterface {
  @Field(() => OrganisationKind)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;

  @Field(() => Int, { nullable: true })
  foundedYear!: number | null;

  @Field(() => String, { nullable: true })
  website!: string | null;
}

@ObjectType({ ...implementsEntity, description: 'A person named in a source.' })
export class Person extends EntityInterface {}

@ObjectType({
  ...implementsEntity,
  description: 'A meeting, forum, conference, session, working group or series.',
})
export class Event extends EntityInterface {
  @Field(() => EventKind)
  kind!: string;

  @Field(() => DateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Start with its UTC offset, when the source gives a time.',
  })
  startsAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone of startsAt/endsAt, e.g. Europe/Moscow.',
  })
  timeZone!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Lower bound on the number of participants, when stated.',
  })
  participantsAtLeast!: number | null;

  @Field(() => Int, { nullable: true, description: 'Edition number of a recurring event.' })
  edition!: number | null;

  @Field(() => String, { nullable: true })
  website!: string | null;
}

@ObjectType({ ...implementsEntity, description: 'A project, programme or joint initiative.' })
export class Project extends EntityInterface {
  @Field(() => ProjectStatus)
  status!: string;

  @Field(() => Int, { nullable: true })
  startYear!: number | null;

  @Field(() => Int, { nullable: true })
  endYear!: number | null;

  @Field(() => String, { nullable: true })
  programme!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;
}

@ObjectType({
  ...implementsEntity,
  description: 'A report, concept, video, documentation, photo or programme.',
})
export class Publication extends EntityInterface {
  @Field(() => PublicationKind)
  kind!: string;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@ObjectType({ ...implementsEntity, description: 'A city, town, district, region or country.' })
export class Place extends EntityInterface {
  @Field(() => PlaceKind)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;
}

@ObjectType({ ...implementsEntity, description: 'A subject such as the circular economy.' })
export class Topic extends EntityInterface {}

@ObjectType({ ...implementsEntity, description: 'A prize or recognition.' })
export class Award extends EntityInterface {
  @Field(() => Int, { nullable: true })
  year!: number | null;
}

@ObjectType({
  ...implementsEntity,
  description: 'A source document: the original text and its English rendering.',
})
export class Document extends EntityInterface {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'English rendering of the title.' })
  titleTranslation!: string | null;

  @Field({ description: 'BCP 47 tag of the original language.' })
  language!: string;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field({ description: 'The original text, byte for byte.' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'English rendering of the whole text.' })
  translation!: string | null;
}

export const ENTITY_OBJECT_TYPES = [
  Organisation,
  Person,
  Event,
  Project,
  Publication,
  Place,
  Topic,
  Award,
  Document,
];
