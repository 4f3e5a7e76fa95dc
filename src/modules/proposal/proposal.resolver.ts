/** recordProposal and the parties of a proposal: who, at which event, about what, with evidence. */
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { EntityInterface } from '../entity/entity.type';
import { Event } from '../event/event.type';
import type { EntityService } from '../entity/entity.service';
import { Evidence } from '../evidence/evidence.type';
import { RecordProposalInput } from './proposal.inputs';
import type { ProposalService } from './proposal.service';
import { Proposal } from './proposal.type';

@Resolver(() => Proposal)
export class ProposalResolver {
  constructor(
    private readonly entities: EntityService,
    private readonly proposals: ProposalService,
  ) {}

  @Authorized('editor')
  @Mutation(() => Proposal, {
    description:
      'Records an idea put forward at an event, in one transaction, and answers it as stored; recording the same slug again updates that proposal (idempotent). Needs an editor or admin credential.',
  })
  recordProposal(
    @Arg('input', () => RecordProposalInput, {
      description: 'The proposers, event, subjects, summary, date and evidence.',
    })
    input: RecordProposalInput,
    @Ctx() ctx: Context,
  ): Promise<Proposal> {
    return this.proposals.record(ctx, input);
  }

  @FieldResolver(() => [EntityInterface], {
    description: 'The people and organisations that put the idea forward, at least one.',
  })
  proposers(@Root() p: Proposal, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, p.links, 'PUT_FORWARD', false);
  }

  @FieldResolver(() => Event, {
    nullable: true,
    description: 'The event it was put forward at; null when the sources do not say.',
  })
  event(@Root() p: Proposal, @Ctx() ctx: Context): Promise<Event | null> {
    return this.entities.eventOf(ctx, p.links);
  }

  @FieldResolver(() => [EntityInterface], {
    description:
      'What the idea is about: topics, projects, publications, organisations, places or events.',
  })
  subjects(@Root() p: Proposal, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, p.links, 'ABOUT', true);
  }

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the proposal: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() p: Proposal, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, p.evidenceIds);
  }
}
