/** How an effective fact of an event was found: stated by the event, or derived along PART_OF. */
import { Field, ObjectType } from 'type-graphql';
import type { EntityObject } from '../entity/entity.record';
import { Event } from './event.type';

@ObjectType({
  description:
    'Where an effective value of an event comes from: the event itself (derived: false) or, along PART_OF, another event that states it.',
})
export class EffectiveSource {
  @Field({
    description:
      'False when the event states the value itself; true when it was derived along PART_OF (never stated).',
  })
  derived!: boolean;

  @Field(() => Event, {
    nullable: true,
    description:
      'The event that states the value: for a place, the nearest event this one is part of that states one; for a first or last day, the part with the earliest start or latest end. Null when not derived.',
  })
  derivedFrom!: EntityObject | null;

  @Field(() => [Event], {
    description:
      'The events walked along PART_OF, from the one next to this event to derivedFrom (included): up through the wholes for a place, down through the parts for a day. Empty when not derived.',
  })
  chain!: EntityObject[];
}
