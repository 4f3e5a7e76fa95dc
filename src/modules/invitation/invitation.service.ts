/** Invitations: the filtered, keyset-paginated list, recording one, and the parties of each. */
import type { Context } from '../request/context';
import {
  readPage,
  toConnection,
  type ConnectionShape,
  type PageArgs,
} from '../../shared/connection';
import { BadUserInputError } from '../../shared/errors';
import { keepInteractions } from '../request/loaders';
import { filterUuid } from '../entity/entity-list.service';
import type { EntityService } from '../entity/entity.service';
import type { EntityObject } from '../entity/entity.record';
import type { Parties } from '../../shared/cypher';
import {
  partyLinks,
  type InteractionWrite,
  type InteractionWriteService,
} from '../interaction/interaction-write.service';
import type { RecordInvitationInput } from './invitation.inputs';
import { toInvitation } from './invitation.record';
import type { InvitationRepository } from './invitation.repository';
import type { Invitation, InvitationFilter } from './invitation.type';

/** An invitation's write, its parties read from the input (global ids). */
export function invitationWrite(input: RecordInvitationInput): InteractionWrite {
  return {
    label: 'Invitation',
    slug: input.slug,
    slugParts: [input.inviter, input.target, input.date, ...[...input.invitees].sort()],
    props: {
      summary: input.summary,
      date: input.date ?? null,
      inviteeNote: input.inviteeNote ?? null,
    },
    links: [
      ...partyLinks('EXTENDED', false, input.inviter, 'input.inviter'),
      ...partyLinks('INVITES', true, input.invitees, 'input.invitees'),
      ...partyLinks('TO', true, input.target, 'input.target'),
      ...partyLinks('ON_BEHALF_OF', true, input.onBehalfOf, 'input.onBehalfOf'),
    ],
    evidence: input.evidence,
  };
}

export class InvitationService {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly entities: EntityService,
    private readonly writes: InteractionWriteService,
  ) {}

  async list(
    ctx: Context,
    filter: InvitationFilter | null | undefined,
    args: PageArgs,
    parties: Parties = 'whole',
  ): Promise<ConnectionShape<Invitation>> {
    const {
      size,
      cursor: key,
      backward,
    } = readPage<[string, string]>(args, ['string', 'string'], 'invitations');
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
    const { rows, total, beyond, skipped } = await this.invitations.list(
      params,
      key ? { date: key[0], id: key[1] } : null,
      size + 1,
      parties,
      ctx.requestId,
      backward,
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
    return toConnection(rows, size, total, nodes, (row) => [row.sortDate, row.id], {
      backward,
      beyond,
      scope: 'invitations',
    });
  }

  /** Records who invited whom to what; the same slug again updates it. */
  async record(ctx: Context, input: RecordInvitationInput): Promise<Invitation> {
    const record = await this.writes.record(ctx, invitationWrite(input));
    return toInvitation(record);
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
