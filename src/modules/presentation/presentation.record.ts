/** Presentation records as GraphQL objects. */
import { toGlobalId } from '../../shared/global-id';
import type { InteractionRecord } from '../interaction/interaction.record';
import type { Presentation } from './presentation.type';

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
