/** The parties of a presentation: presenters, event, subjects, organisation, evidence. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { toGlobalId } from '../../shared/global-id';
import { EntityInterface } from '../entity/entity.type';
import { Event } from '../event/event.type';
import { Organisation } from '../organisation/organisation.type';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import type { InteractionRecord } from '../invitation/interaction.repository';
import { Presentation } from './presentation.type';

export function toPresentation(record: InteractionRecord): Presentation {
  return {
    id: toGlobalId('Presentation', record.uuid),
    typeName: 'Presentation',
    uuid: record.uuid,
    date: record.date,
    summary: record.summary,
    evidenceIds: record.evidenceIds,
    links: record.links,
  };
}

@Resolver(() => Presentation)
export class PresentationResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => EntityInterface, { description: 'The (first) presenter.' })
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

  @FieldResolver(() => Event, { nullable: true })
  async event(@Root() p: Presentation, @Ctx() ctx: Context): Promise<Event | null> {
    const [event] = await this.entities.partiesOf(ctx, p.links, 'AT', true);
    return (event as unknown as Event | undefined) ?? null;
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
    return (organisation as unknown as Organisation | undefined) ?? null;
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() p: Presentation, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, p.evidenceIds);
  }
}
