/** Recording a proposal: its parties, through the shared interaction write. */
import {
  atEventWrite,
  type InteractionWrite,
  type InteractionWriteService,
} from '../interaction/interaction-write.service';
import type { Context } from '../request/context';
import type { RecordProposalInput } from './proposal.inputs';
import { toProposal } from './proposal.record';
import type { Proposal } from './proposal.type';

/** A proposal's write, its parties read from the input (global ids). */
export function proposalWrite(input: RecordProposalInput): InteractionWrite {
  return atEventWrite(
    'Proposal',
    'PUT_FORWARD',
    { ids: input.proposers, argument: 'input.proposers' },
    input,
    { summary: input.summary },
    [],
  );
}

export class ProposalService {
  constructor(private readonly writes: InteractionWriteService) {}

  /** Records an idea put forward at an event; the same slug again updates it. */
  async record(ctx: Context, input: RecordProposalInput): Promise<Proposal> {
    const record = await this.writes.record(ctx, proposalWrite(input));
    return toProposal(record);
  }
}
