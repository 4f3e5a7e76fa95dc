/**
 * Award.recipients and Event.awards: who received an award, and which awards were given at an
 * event. Event.awards lives here, in a resolver of its own for the Event type, beside the rest
 * of the award domain.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { partiesAsked } from '../../shared/selection';
import type { EntityService } from '../entity/entity.service';
import type { EntityObject } from '../entity/entity.record';
import { Award } from './award.type';
import { Event } from '../event/event.type';
import { Evidence } from '../evidence/evidence.type';
import type { AwardService } from './award.service';
import { AwardRecipient } from './award.type';

@Resolver(() => Award)
export class AwardResolver {
  constructor(private readonly awards: AwardService) {}

  @FieldResolver(() => [AwardRecipient], {
    description: 'Who received the award (people, organisations, projects), by name.',
  })
  recipients(
    @Root() award: EntityObject,
    @Ctx() ctx: Context,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<AwardRecipient[]> {
    return this.awards.recipients(ctx, award, partiesAsked(info, [['entity']]));
  }
}

@Resolver(() => AwardRecipient)
export class AwardRecipientResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [Evidence], { description: 'Where the sources say it was received.' })
  evidence(@Root() recipient: AwardRecipient, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, recipient.evidenceIds);
  }
}

@Resolver(() => Event)
export class EventAwardsResolver {
  constructor(private readonly service: AwardService) {}

  @FieldResolver(() => [Award], {
    description:
      'Awards the sources say were given at this event (AWARDED_AT), by year, then name. With includeParts, also those given at its parts, at any depth (e.g. the award ceremony of a conference); each award is listed once.',
  })
  awards(
    @Root() event: EntityObject,
    @Ctx() ctx: Context,
    @Arg('includeParts', () => Boolean, {
      defaultValue: false,
      description:
        'Also the awards given at the parts of this event (sessions, ceremonies), at any depth.',
    })
    includeParts: boolean,
  ): Promise<Award[]> {
    return this.service.awardedAt(ctx, event, includeParts);
  }
}
