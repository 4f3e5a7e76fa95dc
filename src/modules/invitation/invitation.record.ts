/** Invitation records as GraphQL objects. */
import { toGlobalId } from '../../shared/global-id';
import type { InteractionRecord } from '../interaction/interaction.record';
import type { Invitation } from './invitation.type';

export function toInvitation(record: InteractionRecord): Invitation {
  return {
    id: toGlobalId('Invitation', record.uuid),
    typeName: 'Invitation',
    uuid: record.uuid,
    date: record.date,
    summary: record.summary,
    inviteeNote: (record.props.inviteeNote as string | null) ?? null,
    evidenceIds: record.evidenceIds,
    links: record.links,
  };
}
