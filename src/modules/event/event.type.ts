/** Meetings, forums, conferences ...: the Event object type. */
import { Field, Int, ObjectType } from 'type-graphql';
import { EventKind } from '../../shared/enums';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { connectionType } from '../../shared/connection';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
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

export const EventConnection = connectionType('Event', Event);
