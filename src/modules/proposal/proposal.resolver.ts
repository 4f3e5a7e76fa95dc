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
      'Records an idea put forward at an event; recording the same slug again updates it.',
  })
  recordProposal(
    @Arg('input', () => RecordProposalInput) input: RecordProposalInput,
    @Ctx() ctx: Context,
  ): Promise<Proposal> {
    return this.proposals.record(ctx, input);
  }

  @FieldResolver(() => [EntityInterface], { description: 'Who put the idea forward.' })
  proposers(@Root() p: Proposal, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, p.links, 'PUT_FORWARD', false);
  }

  @FieldResolver(() => Event, { nullable: true })
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

  @FieldResolver(() => [Evidence])
  evidence(@Root() p: Proposal, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, p.evidenceIds);
  }
}
