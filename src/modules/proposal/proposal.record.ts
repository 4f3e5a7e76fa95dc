/** Proposal records as GraphQL objects. */
import { toGlobalId } from '../../shared/global-id';
import type { InteractionRecord } from '../interaction/interaction.record';
import type { Proposal } from './proposal.type';

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
