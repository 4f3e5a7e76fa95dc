/** Recording a presentation: its parties, through the shared interaction write. */
import {
  atEventWrite,
  partyLinks,
  type InteractionWrite,
  type InteractionWriteService,
} from '../interaction/interaction-write.service';
import type { Context } from '../request/context';
import type { RecordPresentationInput } from './presentation.inputs';
import { toPresentation } from './presentation.record';
import type { Presentation } from './presentation.type';

/** A presentation's write, its parties read from the input (global ids). */
export function presentationWrite(input: RecordPresentationInput): InteractionWrite {
  return atEventWrite(
    'Presentation',
    'GAVE',
    { ids: input.presenters, argument: 'input.presenters' },
    input,
    { summary: input.summary },
    partyLinks('ON_BEHALF_OF', true, input.onBehalfOf, 'input.onBehalfOf'),
  );
}

export class PresentationService {
  constructor(private readonly writes: InteractionWriteService) {}

  /** Records who presented what where; the same slug again updates it. */
  async record(ctx: Context, input: RecordPresentationInput): Promise<Presentation> {
    const record = await this.writes.record(ctx, presentationWrite(input));
    return toPresentation(record);
  }
}
