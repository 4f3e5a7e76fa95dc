/** Filter of events(); fields combine with AND. */
import { Field, ID, InputType } from 'type-graphql';
import { EventKind } from '../../shared/enums';
import { DateScalar } from '../../shared/scalars';

@InputType({ description: 'Narrows events; every field is optional and they combine with AND.' })
export class EventFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or of an alias, any case.',
  })
  name?: string | null;

  @Field(() => EventKind, { nullable: true })
  kind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the place the event is held in.' })
  heldIn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Events starting on or after this date.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Events starting on or before this date.',
  })
  to?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of an entity linked to the event, directly or through an interaction.',
  })
  relatedTo?: string | null;
}
