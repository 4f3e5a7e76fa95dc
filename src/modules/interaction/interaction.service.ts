/** Interactions of every kind by global id or uuid, as the GraphQL object of their kind. */
import { fromGlobalId } from '../../shared/global-id';
import type { InteractionLabel } from '../../shared/model';
import type { NodeInterface } from '../entity/entity.type';
import { toInvitation } from '../invitation/invitation.record';
import { toPresentation } from '../presentation/presentation.record';
import { toProposal } from '../proposal/proposal.record';
import { toQuestion } from '../question/question.record';
import type { Context } from '../request/context';
import type { InteractionRecord } from './interaction.record';

/** Interaction records as GraphQL objects, by label. */
const INTERACTION_OBJECTS: Record<InteractionLabel, (record: InteractionRecord) => NodeInterface> =
  {
    Invitation: toInvitation,
    Presentation: toPresentation,
    Proposal: toProposal,
    Question: toQuestion,
  };

export class InteractionService {
  /** Any interaction (invitation, presentation, proposal, question) by global id, or null. */
  async byGlobalId(ctx: Context, globalId: string): Promise<NodeInterface | null> {
    const parsed = fromGlobalId(globalId);
    const convert = parsed ? INTERACTION_OBJECTS[parsed.type as InteractionLabel] : undefined;
    if (!parsed || !convert) return null;
    const record = await ctx.loaders.interaction.load(parsed.uuid);
    return record && record.label === parsed.type ? convert(record) : null;
  }

  /** Interactions by uuid as GraphQL objects, keyed by uuid (missing ones left out). */
  async manyByUuid(ctx: Context, uuids: string[]): Promise<Map<string, NodeInterface>> {
    const records = await ctx.loaders.interaction.loadMany(uuids);
    return new Map(
      records
        .filter((r): r is InteractionRecord => r !== null && !(r instanceof Error))
        .map((r) => [r.uuid, INTERACTION_OBJECTS[r.label](r)]),
    );
  }
}
