/** Question records as GraphQL objects. */
import { toGlobalId } from '../../shared/global-id';
import type { InteractionRecord } from '../interaction/interaction.record';
import type { Question } from './question.type';

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
