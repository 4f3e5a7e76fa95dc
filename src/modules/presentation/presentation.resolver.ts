/** recordPresentation and the parties of a presentation: presenters, event, subjects, organisation, evidence. */
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { EntityInterface } from '../entity/entity.type';
import { Event } from '../event/event.type';
import { Organisation } from '../organisation/organisation.type';
import { entityOf } from '../entity/entity.record';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import { RecordPresentationInput } from './presentation.inputs';
import type { PresentationService } from './presentation.service';
import { Presentation } from './presentation.type';

@Resolver(() => Presentation)
export class PresentationResolver {
  constructor(
    private readonly entities: EntityService,
    private readonly presentations: PresentationService,
  ) {}

  @Authorized('editor')
  @Mutation(() => Presentation, {
    description:
      'Records who presented what where, in one transaction, and answers it as stored; recording the same slug again updates that presentation (idempotent). Needs an editor or admin credential.',
  })
  recordPresentation(
    @Arg('input', () => RecordPresentationInput, {
      description: 'The presenters, event, subjects, summary, date and evidence.',
    })
    input: RecordPresentationInput,
    @Ctx() ctx: Context,
  ): Promise<Presentation> {
    return this.presentations.record(ctx, input);
  }

  @FieldResolver(() => EntityInterface, {
    description: 'The first presenter, for clients that expect one; presenters lists them all.',
  })
  async presenter(@Root() p: Presentation, @Ctx() ctx: Context): Promise<EntityInterface> {
    const [presenter] = await this.entities.partiesOf(ctx, p.links, 'GAVE', false);
    return presenter!;
  }

  @FieldResolver(() => [EntityInterface], {
    description: 'Everyone who presented, when several did together.',
  })
  presenters(@Root() p: Presentation, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, p.links, 'GAVE', false);
  }

  @FieldResolver(() => Event, {
    nullable: true,
    description: 'The event it was given at; null when the sources do not say.',
  })
  async event(@Root() p: Presentation, @Ctx() ctx: Context): Promise<Event | null> {
    const [event] = await this.entities.partiesOf(ctx, p.links, 'AT', true);
    return entityOf('Event', event);
  }

  @FieldResolver(() => [EntityInterface], {
    description:
      'What was presented: topics, projects, publications, organisations, places or events.',
  })
  subjects(@Root() p: Presentation, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, p.links, 'ABOUT', true);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "The presenter's organisation, when the source says so.",
  })
  async onBehalfOf(@Root() p: Presentation, @Ctx() ctx: Context): Promise<Organisation | null> {
    const [organisation] = await this.entities.partiesOf(ctx, p.links, 'ON_BEHALF_OF', true);
    return entityOf('Organisation', organisation);
  }

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the presentation: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() p: Presentation, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, p.evidenceIds);
  }
}
