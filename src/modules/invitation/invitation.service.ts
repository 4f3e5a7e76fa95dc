/** Invitations: the filtered, keyset-paginated list and the parties of each invitation. */
import type { Context } from '../request/context';
import {
  decodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../../shared/connection';
import { BadUserInputError } from '../../shared/errors';
import { keepInteractions } from '../request/loaders';
import { fromGlobalId, toGlobalId } from '../../shared/global-id';
import { filterUuid } from '../entity/entity-list.service';
import type { EntityObject, EntityService } from '../entity/entity.service';
import type { NodeInterface } from '../entity/entity.type';
import { toPresentation } from '../presentation/presentation.resolver';
import { toProposal, toQuestion } from '../proposal/proposal.resolver';
import type { InteractionLabel } from '../../shared/model';
import type { Parties } from '../../shared/cypher';
import type { InteractionRecord, InteractionRepository } from './interaction.repository';
import type { Invitation, InvitationFilter } from './invitation.type';

/** Interaction records as GraphQL objects, by label. */
const INTERACTION_OBJECTS: Record<InteractionLabel, (record: InteractionRecord) => NodeInterface> =
  {
    Invitation: (r) => toInvitation(r),
    Presentation: (r) => toPresentation(r),
    Proposal: (r) => toProposal(r),
    Question: (r) => toQuestion(r),
  };

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

export class InvitationService {
  constructor(
    private readonly interactions: InteractionRepository,
    private readonly entities: EntityService,
  ) {}

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

  async list(
    ctx: Context,
    filter: InvitationFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    parties: Parties = 'whole',
  ): Promise<ConnectionShape<Invitation>> {
    const size = pageSize(first);
    const key = decodeCursor(after, ['string', 'string']) as [string, string] | null;
    if (filter?.from && filter.to && filter.from > filter.to) {
      throw new BadUserInputError('filter.from must not be after filter.to.', 'filter.from');
    }
    const params = {
      inviter: filterUuid(filter?.inviter, 'filter.inviter'),
      invitee: filterUuid(filter?.invitee, 'filter.invitee'),
      target: filterUuid(filter?.target, 'filter.target'),
      from: filter?.from ?? null,
      to: filter?.to ?? null,
    };
    const { rows, total, skipped } = await this.interactions.listInvitations(
      params,
      key ? { date: key[0], id: key[1] } : null,
      size + 1,
      parties,
      ctx.requestId,
    );
    // A damaged invitation (a party it needs is gone) is left out and logged, never answered:
    // its non-null inviter or target would null the whole list for every caller.
    for (const s of skipped)
      ctx.logger.warn(
        { invitation: s.id, broken: s.broken },
        'invitation skipped: it breaks the integrity rules',
      );
    const page = rows.slice(0, size).map((r) => r.record);
    keepInteractions(ctx.loaders, page);
    const nodes = page.map(toInvitation);
    return toConnection(rows, size, total, nodes, (row) => [row.sortDate, row.id]);
  }

  /** Entities linked to an invitation by one relationship type and direction. */
  parties(
    ctx: Context,
    invitation: Invitation,
    type: string,
    outgoing: boolean,
  ): Promise<EntityObject[]> {
    return this.entities.partiesOf(ctx, invitation.links, type, outgoing);
  }
}
