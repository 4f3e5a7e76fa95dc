/** Meetings, forums, conferences ...: the Event object type. */
import { Field, Int, ObjectType } from 'type-graphql';
import { EventKind } from '../../shared/enums';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { connectionType } from '../../shared/connection';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A meeting, forum, conference, session, working group, award ceremony or series. Its dates and place are those its sources state; an event part of a larger one may state none, and the effective* fields then derive them along PART_OF.',
})
export class Event extends EntityInterface {
  @Field(() => EventKind, { description: 'What sort of gathering it is.' })
  kind!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'First day as stated, in the local calendar of the event; null when no source gives it (see effectiveStartDate).',
  })
  startDate!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day as stated, never before startDate; null for a one-day event or when no source gives it (see effectiveEndDate).',
  })
  endDate!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Start time with the UTC offset it was stated in, when a source gives a time; null otherwise. Falls on startDate in timeZone.',
  })
  startsAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'End time with its UTC offset, never before startsAt; null when no source gives an end time.',
  })
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

  @Field(() => String, {
    nullable: true,
    description: "The event's own web page, an http(s) URL; null when none is known.",
  })
  website!: string | null;
}

export const EventConnection = connectionType('Event', Event);
