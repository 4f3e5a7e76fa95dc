/**
 * Relationship-shaped results: affiliations and event participations (read from either end),
 * with role and evidence.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo, connectionType } from '../../shared/connection';
import { DateScalar } from '../../shared/scalars';
import { EntityInterface } from '../entity/entity.type';
import { Event } from '../event/event.type';
import { Organisation } from '../organisation/organisation.type';

@ObjectType({
  description:
    'A person or organisation belonging to, working for or being a member of an organisation (AFFILIATED_WITH), with the evidence for it.',
})
export class Affiliation {
  @Field(() => Organisation, { description: 'The organisation belonged to.' })
  organisation!: Organisation;

  @Field(() => String, {
    nullable: true,
    description:
      'The role as the source words it, in English (e.g. executive manager, founding member); null when none is given.',
  })
  role!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the affiliation, when a source gives it; null when open or unknown.',
  })
  startDate!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day of the affiliation, when it ended and a source says so; null while it lasts or when unknown.',
  })
  endDate!: string | null;

  evidenceIds!: string[];
}

@ObjectType({
  description:
    'One taking part in an event, with the role the sources give: an edge of Event.participants (node: the participant) or of participations (node: the event).',
})
export class ParticipationEdge {
  @Field({
    description:
      'Opaque cursor of this edge; pass it as after to get the items that follow it. Valid on this connection only.',
  })
  cursor!: string;

  @Field(() => EntityInterface, {
    description:
      'The other end: the person or organisation that took part (Event.participants), or the event taken part in (participations).',
  })
  node!: EntityInterface;

  @Field(() => Event, { description: 'The event taken part in.' })
  event!: Event;

  @Field(() => EntityInterface, { description: 'The person or organisation that took part.' })
  participant!: EntityInterface;

  @Field(() => String, {
    nullable: true,
    description:
      'The role as the source words it, in English (participant, presenter, speaker, photographer, award winner ...); null when none is given.',
  })
  role!: string | null;

  evidenceIds!: string[];
}

@ObjectType({
  description:
    'Participations (Relay connection): the participants of an event, or the events a person or organisation took part in.',
})
export class ParticipationConnection {
  @Field(() => [ParticipationEdge], {
    description: 'The participations of this page, in the order of the connection.',
  })
  edges!: ParticipationEdge[];

  @Field(() => PageInfo, { description: 'Cursors of this page and whether more pages follow.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many participations there are across all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'Someone met at the same events or projects, with what was shared.' })
export class Collaboration {
  @Field(() => EntityInterface, { description: 'The other person or organisation.' })
  entity!: EntityInterface;

  @Field(() => Int, { description: 'How many events and projects the two share.' })
  count!: number;

  @Field(() => [EntityInterface], { description: 'The shared events and projects.' })
  shared!: EntityInterface[];
}

export const CollaborationConnection = connectionType(
  'Collaboration',
  Collaboration,
  'collaborations (others met at the same events or projects, most shared first)',
);
