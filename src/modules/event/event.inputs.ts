/** Inputs of the event queries and mutations. */
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CreateEntityInputBase, UrlField, OptionalName } from '../../shared/inputs';
import { EventKind } from '../../shared/enums';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { SafeText } from '../../shared/text';

@InputType({ description: 'Narrows events; every field is optional and they combine with AND.' })
export class EventFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Keeps events whose name or an alias contains this text, in any case (a substring, not a search: search tolerates diacritics and typos).',
  })
  name?: string | null;

  @Field(() => EventKind, { nullable: true, description: 'Keeps events of this kind only.' })
  kind?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Global id of a place: events held in it or in any place within it (PART_OF between places, any depth; a country finds the events in its cities), by their own place, else that of the event they are part of (effectivePlace).',
  })
  heldIn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Events starting on or after this date: their own first day, else their parts' (effectiveStartDate).",
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Events starting on or before this date: their own first day, else their parts' (effectiveStartDate).",
  })
  to?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of an entity linked to the event, directly or through an interaction.',
  })
  relatedTo?: string | null;
}

@InputType({ description: 'A new event. Without slug, one is made from the name.' })
export class CreateEventInput extends CreateEntityInputBase {
  @Field(() => EventKind, { description: 'What sort of gathering it is; OTHER if none fits.' })
  kind!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day, in the local calendar of the event; null when unknown.',
  })
  startDate?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Last day, not before startDate (BAD_USER_INPUT otherwise); null for a one-day event or when unknown.',
  })
  endDate?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Start time with its UTC offset, e.g. 2019-10-29T11:30:00+03:00; it must fall on startDate when both are given (read in timeZone, else in its own offset).',
  })
  startsAt?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'End time with its UTC offset; not before startsAt or startDate, and on endDate when both are given.',
  })
  endsAt?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'IANA zone to show startsAt/endsAt in, e.g. Europe/Moscow.',
  })
  @IsOptional()
  @MaxLength(64)
  @SafeText()
  timeZone?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The number of participants a source gives as a minimum ("over 300 participants"), 1 to 10,000,000; null when none is stated.',
  })
  @IsOptional()
  @Min(1)
  @Max(10_000_000)
  participantsAtLeast?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Edition number of a recurring event (5 for the 5th conference), 1 to 10,000.',
  })
  @IsOptional()
  @Min(1)
  @Max(10_000)
  edition?: number | null;

  @UrlField("The event's own web page.")
  website?: string | null;
}

@InputType({
  description:
    'Changes to an event: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdateEventInput extends CreateEventInput {
  @OptionalName()
  declare name: string;

  @Field(() => EventKind, {
    nullable: true,
    description: 'A new kind; absent keeps the current one, null is refused.',
  })
  @IsOptional()
  declare kind: string;
}

export const EVENT_FIELDS = [
  'kind',
  'startDate',
  'endDate',
  'startsAt',
  'endsAt',
  'timeZone',
  'participantsAtLeast',
  'edition',
  'website',
] as const;
