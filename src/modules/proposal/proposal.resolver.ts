/** The parties of proposals and questions: who, at which event, about what, with evidence. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { toGlobalId } from '../../shared/global-id';
import { EntityInterface } from '../entity/entity.type';
import { Event } from '../event/event.type';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import type { InteractionRecord } from '../invitation/interaction.repository';
import { Proposal, Question } from './proposal.type';

export function toProposal(record: InteractionRecord): Proposal {
  return {
    id: toGlobalId('Proposal', record.uuid),
    typeName: 'Proposal',
    uuid: record.uuid,
    date: record.date,
    summary: record.summary,
    evidenceIds: record.evidenceIds,
    links: record.links,
  };
}

export function toQuestion(record: InteractionRecord): Question {
  return {
    id: toGlobalId('Question', record.uuid),
    typeName: 'Question',
    uuid: record.uuid,
    date: record.date,
    summary: record.summary,
    answer: (record.props.answer as string | null) ?? null,
    evidenceIds: record.evidenceIds,
    links: record.links,
  };
}

type Meeting = Proposal | Question;

/** Fields both share: the event, the subjects and the evidence. */
async function eventOf(
  entities: EntityService,
  ctx: Context,
  item: Meeting,
): Promise<Event | null> {
  const [event] = await entities.partiesOf(ctx, item.links, 'AT', true);
  return (event as unknown as Event | undefined) ?? null;
}

@Resolver(() => Proposal)
export class ProposalResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [EntityInterface], { description: 'Who put the idea forward.' })
  proposers(@Root() p: Proposal, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, p.links, 'PUT_FORWARD', false);
  }

  @FieldResolver(() => Event, { nullable: true })
  event(@Root() p: Proposal, @Ctx() ctx: Context): Promise<Event | null> {
    return eventOf(this.entities, ctx, p);
  }

  @FieldResolver(() => [EntityInterface], {
    description:
      'What the idea is about: topics, projects, publications, organisations, places or events.',
  })
  subjects(@Root() p: Proposal, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, p.links, 'ABOUT', true);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() p: Proposal, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, p.evidenceIds);
  }
}

@Resolver(() => Question)
export class QuestionResolver {
  constructor(private readonly entities: EntityService) {}

  @FieldResolver(() => [EntityInterface], { description: 'Who asked.' })
  askers(@Root() q: Question, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, q.links, 'ASKED', false);
  }

  @FieldResolver(() => Event, { nullable: true })
  event(@Root() q: Question, @Ctx() ctx: Context): Promise<Event | null> {
    return eventOf(this.entities, ctx, q);
  }

  @FieldResolver(() => [EntityInterface], {
    description:
      'What the question is about: topics, projects, publications, organisations, places or events.',
  })
  subjects(@Root() q: Question, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, q.links, 'ABOUT', true);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() q: Question, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, q.evidenceIds);
  }
}
