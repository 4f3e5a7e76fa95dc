/** Invitations: the filtered, keyset-paginated list and the parties of each invitation. */
import type { Context } from '../../shared/context';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  type ConnectionShape,
} from '../../shared/connection';
import { BadUserInputError } from '../../shared/errors';
import { fromGlobalId, toGlobalId } from '../../shared/global-id';
import type { EntityObject, EntityService } from '../entity/entity.service';
import type { InteractionRecord, InteractionRepository } from './interaction.repository';
import type { Invitation, InvitationFilter } from './invitation.type';

function toInvitation(record: InteractionRecord): Invitation {
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

/** The uuid behind a filter's global id, or BAD_USER_INPUT naming the field. */
function entityUuid(globalId: string | null | undefined, argument: string): string | null {
  if (globalId === null || globalId === undefined) return null;
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(`${argument} is not a valid id.`, argument);
  return parsed.uuid;
}

export class InvitationService {
  constructor(
    private readonly interactions: InteractionRepository,
    private readonly entities: EntityService,
  ) {}

  async byGlobalId(ctx: Context, globalId: string): Promise<Invitation | null> {
    const parsed = fromGlobalId(globalId);
    if (!parsed || parsed.type !== 'Invitation') return null;
    const record = await ctx.loaders.interaction.load(parsed.uuid);
    return record && record.label === 'Invitation' ? toInvitation(record) : null;
  }

  async list(
    ctx: Context,
    filter: InvitationFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ConnectionShape<Invitation>> {
    const size = pageSize(first);
    const key = decodeCursor(after, ['string', 'string']) as [string, string] | null;
    if (filter?.from && filter.to && filter.from > filter.to) {
      throw new BadUserInputError('filter.from must not be after filter.to.', 'filter.from');
    }
    const params = {
      inviter: entityUuid(filter?.inviter, 'filter.inviter'),
      invitee: entityUuid(filter?.invitee, 'filter.invitee'),
      target: entityUuid(filter?.target, 'filter.target'),
      from: filter?.from ?? null,
      to: filter?.to ?? null,
    };
    const { rows, total } = await this.interactions.listInvitations(
      params,
      key ? { date: key[0], id: key[1] } : null,
      size + 1,
      ctx.requestId,
    );
    const page = rows.slice(0, size);
    const records = await ctx.loaders.interaction.loadMany(page.map((r) => r.id));
    const edges = page.flatMap((row, i) => {
      const record = records[i];
      return record && !(record instanceof Error)
        ? [{ cursor: encodeCursor([row.sortDate, row.id]), node: toInvitation(record) }]
        : [];
    });
    return {
      edges,
      totalCount: total,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** Entities linked to an invitation by one relationship type and direction. */
  parties(
    ctx: Context,
    invitation: Invitation,
    type: string,
    outgoing: boolean,
  ): Promise<EntityObject[]> {
    const ids = invitation.links
      .filter((l) => l.type === type && l.outgoing === outgoing)
      .map((l) => l.entityId);
    return this.entities.manyByUuid(ctx, ids);
  }
}
