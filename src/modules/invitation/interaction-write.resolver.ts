/** recordInvitation, recordPresentation, recordProposal, recordQuestion, deleteInteraction. */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../request/context';
import { Presentation } from '../presentation/presentation.type';
import { Proposal, Question } from '../proposal/proposal.type';
import {
  RecordInvitationInput,
  RecordPresentationInput,
  RecordProposalInput,
  RecordQuestionInput,
} from './interaction.inputs';
import type { InteractionWriteService } from './interaction-write.service';
import { Invitation } from './invitation.type';

@Resolver()
export class InteractionWriteResolver {
  constructor(private readonly interactions: InteractionWriteService) {}

  @Authorized('editor')
  @Mutation(() => Invitation, {
    description: 'Records who invited whom to what; recording the same slug again updates it.',
  })
  recordInvitation(
    @Arg('input', () => RecordInvitationInput) input: RecordInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<Invitation> {
    return this.interactions.recordInvitation(ctx, input);
  }

  @Authorized('editor')
  @Mutation(() => Presentation, {
    description: 'Records who presented what where; recording the same slug again updates it.',
  })
  recordPresentation(
    @Arg('input', () => RecordPresentationInput) input: RecordPresentationInput,
    @Ctx() ctx: Context,
  ): Promise<Presentation> {
    return this.interactions.recordPresentation(ctx, input);
  }

  @Authorized('editor')
  @Mutation(() => Proposal, {
    description:
      'Records an idea put forward at an event; recording the same slug again updates it.',
  })
  recordProposal(
    @Arg('input', () => RecordProposalInput) input: RecordProposalInput,
    @Ctx() ctx: Context,
  ): Promise<Proposal> {
    return this.interactions.recordProposal(ctx, input);
  }

  @Authorized('editor')
  @Mutation(() => Question, {
    description: 'Records a question asked at an event; recording the same slug again updates it.',
  })
  recordQuestion(
    @Arg('input', () => RecordQuestionInput) input: RecordQuestionInput,
    @Ctx() ctx: Context,
  ): Promise<Question> {
    return this.interactions.recordQuestion(ctx, input);
  }

  @Authorized('editor')
  @Mutation(() => ID, {
    description:
      'Deletes an invitation, presentation, proposal or question; NOT_FOUND for an unknown id.',
  })
  deleteInteraction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    return this.interactions.delete(ctx, id);
  }
}
