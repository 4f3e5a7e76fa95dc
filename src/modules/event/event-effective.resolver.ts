/**
 * Event.effectivePlace / effectiveStartDate / effectiveEndDate, each with its source: the stated
 * value, else the one derived along PART_OF (see event.effective.ts). One batched statement per
 * nesting level, through the request's `effective` loader.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import type { Effective, EffectiveFacts } from './event.repository';
import { entityOf, toEntityObject, type EntityObject } from '../entity/entity.record';
import { Event } from './event.type';
import { Place } from '../place/place.type';
import { DateScalar } from '../../shared/scalars';
import { EffectiveSource } from './event-effective.type';

const facts = (ctx: Context, event: EntityObject): Promise<EffectiveFacts> =>
  ctx.loaders.effective.load(event.uuid);

function source<T>(fact: Effective<T> | null): EffectiveSource | null {
  if (!fact) return null;
  const chain = fact.chain.map(toEntityObject);
  return { derived: chain.length > 0, derivedFrom: chain.at(-1) ?? null, chain };
}

@Resolver(() => Event)
export class EventEffectiveResolver {
  @FieldResolver(() => Place, {
    nullable: true,
    description:
      'Where the event was held: its own place, else that of the nearest event it is part of (PART_OF, at any depth) that states one. See effectivePlaceSource.',
  })
  async effectivePlace(@Root() event: EntityObject, @Ctx() ctx: Context): Promise<Place | null> {
    const place = (await facts(ctx, event)).place;
    return place ? entityOf('Place', toEntityObject(place.value)) : null;
  }

  @FieldResolver(() => EffectiveSource, {
    nullable: true,
    description:
      'Whether effectivePlace is stated or derived, and from which event; null without one.',
  })
  async effectivePlaceSource(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
  ): Promise<EffectiveSource | null> {
    return source((await facts(ctx, event)).place);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "The event's first day: its startDate (else the day of startsAt), else the earliest first day of its parts (PART_OF, at any depth). See effectiveStartDateSource.",
  })
  async effectiveStartDate(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
  ): Promise<string | null> {
    return (await facts(ctx, event)).startDate?.value ?? null;
  }

  @FieldResolver(() => EffectiveSource, {
    nullable: true,
    description: 'Whether effectiveStartDate is stated or derived, and from which part.',
  })
  async effectiveStartDateSource(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
  ): Promise<EffectiveSource | null> {
    return source((await facts(ctx, event)).startDate);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "The event's last day: its endDate (else the day of endsAt), else the latest last day of its parts (PART_OF, at any depth). See effectiveEndDateSource.",
  })
  async effectiveEndDate(@Root() event: EntityObject, @Ctx() ctx: Context): Promise<string | null> {
    return (await facts(ctx, event)).endDate?.value ?? null;
  }

  @FieldResolver(() => EffectiveSource, {
    nullable: true,
    description: 'Whether effectiveEndDate is stated or derived, and from which part.',
  })
  async effectiveEndDateSource(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
  ): Promise<EffectiveSource | null> {
    return source((await facts(ctx, event)).endDate);
  }
}
