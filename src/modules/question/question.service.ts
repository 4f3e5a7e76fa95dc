/** Recording a question: its parties, through the shared interaction write. */
import {
  atEventWrite,
  type InteractionWrite,
  type InteractionWriteService,
} from '../interaction/interaction-write.service';
import type { Context } from '../request/context';
import type { RecordQuestionInput } from './question.inputs';
import { toQuestion } from './question.record';
import type { Question } from './question.type';

/** A question's write, its parties read from the input (global ids). */
export function questionWrite(input: RecordQuestionInput): InteractionWrite {
  return atEventWrite(
    'Question',
    'ASKED',
    { ids: input.askers, argument: 'input.askers' },
    input,
    { summary: input.summary, answer: input.answer ?? null },
    [],
  );
}

export class QuestionService {
  constructor(private readonly writes: InteractionWriteService) {}

  /** Records a question asked at an event; the same slug again updates it. */
  async record(ctx: Context, input: RecordQuestionInput): Promise<Question> {
    const record = await this.writes.record(ctx, questionWrite(input));
    return toQuestion(record);
  }
}
