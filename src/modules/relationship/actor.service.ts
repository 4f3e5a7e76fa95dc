/**
 * What people and organisations do: their affiliations, invitations, presentations, the events
 * they took part in, the questions they asked and the ideas they put forward.
 */
import { paginate, type ConnectionShape, type PageArgs } from '../../shared/connection';
import type { Context } from '../request/context';
import type { Parties } from '../../shared/cypher';
import type { EntityService } from '../entity/entity.service';
import { entityOf, expectEntity, type EntityObject } from '../entity/entity.record';
import type { InteractionRecord } from '../interaction/interaction.record';
import { toInvitation } from '../invitation/invitation.record';
import type { Invitation } from '../invitation/invitation.type';
import { toPresentation } from '../presentation/presentation.record';
import type { Presentation } from '../presentation/presentation.type';
import { toProposal } from '../proposal/proposal.record';
import { toQuestion } from '../question/question.record';
import type { Proposal } from '../proposal/proposal.type';
import type { Question } from '../question/question.type';
import type { Affiliation, Collaboration, ParticipationConnection } from './relationship.type';
import type { Neighbour, RelationshipService } from './relationship.service';

/** Interactions sort by date (undated last), then id. */
const byDate = (r: InteractionRecord): [string, string] => [r.date ?? '9999-12-31', r.uuid];

/** Collaborations sort by what is shared, most first, then by lower-case name and id. */
const byShared = (c: Collaboration): [number, string] => [
  -c.count,
  `${c.entity.name.toLowerCase()}\u0000${c.entity.uuid}`,
];

/** The day an event starts (its date, else the day of its start time), for sorting. */
function startDay(event: EntityObject): string | null {
  if (typeof event.startDate === 'string') return event.startDate;
  return typeof event.startsAt === 'string' ? event.startsAt.slice(0, 10) : null;
}

/**
 * Participations sort by the event's start day (undated last), then its name, then its id and
 * the role (one may take part in an event in two roles).
 */
const byEventDate = ({ entity, link }: Neighbour): [string, string] => [
  `${startDay(entity) ?? '9999-12-31'} ${entity.name.toLowerCase()}`,
  `${entity.uuid}|${link.role ?? ''}`,
];

export class ActorService {
  constructor(
    private readonly relationships: RelationshipService,
    private readonly entities: EntityService,
  ) {}

  /**
   * Others met at the same events or projects: the first `first` of collaborations, in the same
   * order (a client moving off this deprecated list sees the same others).
   */
  async collaborators(ctx: Context, actor: EntityObject, first: number): Promise<Collaboration[]> {
    const all = await this.allCollaborations(ctx, actor);
    return paginate(all, byShared, { first: Math.min(first, all.length) }).edges.map((e) => e.node);
  }

  /** The same as a connection: most shared first, then by lower-case name, then id. */
  async collaborations(
    ctx: Context,
    actor: EntityObject,
    args: PageArgs,
  ): Promise<ConnectionShape<Collaboration>> {
    return paginate(await this.allCollaborations(ctx, actor), byShared, args, {
      scope: 'collaborations',
    });
  }

  private async allCollaborations(ctx: Context, actor: EntityObject): Promise<Collaboration[]> {
    const records = await ctx.loaders.collaborators.load(actor.uuid);
    const others = await this.entities.manyByUuid(
      ctx,
      records.map((r) => r.otherId),
    );
    const shared = await this.entities.manyByUuid(ctx, [
      ...new Set(records.flatMap((r) => r.sharedIds)),
    ]);
    const byId = new Map([...others, ...shared].map((e) => [e.uuid, e]));
    return records.flatMap((r) => {
      const entity = byId.get(r.otherId);
      const things = r.sharedIds.flatMap((id) => byId.get(id) ?? []);
      return entity ? [{ entity, count: things.length, shared: things }] : [];
    });
  }

  async affiliations(
    ctx: Context,
    actor: EntityObject,
    parties: Parties = 'whole',
  ): Promise<Affiliation[]> {
    const neighbours = await this.relationships.neighbours(
      ctx,
      actor.uuid,
      'AFFILIATED_WITH',
      true,
      parties,
    );
    // AFFILIATED_WITH ends at organisations only (shared/model.ts).
    return neighbours.flatMap(({ entity, link }) => {
      const organisation = entityOf('Organisation', entity);
      return organisation
        ? [
            {
              organisation,
              role: link.role,
              startDate: link.startDate,
              endDate: link.endDate,
              evidenceIds: link.evidenceIds,
            },
          ]
        : [];
    });
  }

  async invitations(
    ctx: Context,
    actor: EntityObject,
    side: 'sent' | 'received',
    args: PageArgs = {},
    parties: Parties = 'whole',
  ): Promise<ConnectionShape<Invitation>> {
    const records = await this.relationships.interactions(
      ctx,
      actor.uuid,
      side === 'sent' ? 'EXTENDED' : 'INVITES',
      'Invitation',
      parties,
    );
    const page = paginate(records, byDate, args, { scope: `invitations${side}` });
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toInvitation(e.node) })),
    };
  }

  async presentations(
    ctx: Context,
    subject: EntityObject,
    via: 'GAVE' | 'AT',
    args: PageArgs = {},
    parties: Parties = 'whole',
  ): Promise<ConnectionShape<Presentation>> {
    const records = await this.relationships.interactions(
      ctx,
      subject.uuid,
      via,
      'Presentation',
      parties,
    );
    const page = paginate(records, byDate, args, { scope: 'presentations' });
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPresentation(e.node) })),
    };
  }

  /** The events the actor took part in, oldest first, with role and evidence. */
  async participations(
    ctx: Context,
    actor: EntityObject,
    args: PageArgs = {},
  ): Promise<ParticipationConnection> {
    // Read whole: the order needs the events' dates, which a naming read leaves out.
    const events = await this.relationships.neighbours(ctx, actor.uuid, 'PARTICIPATED_IN', true);
    const page = paginate(events, byEventDate, args, { scope: 'participations' });
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: e.node.entity,
        event: expectEntity('Event', e.node.entity),
        participant: actor,
        role: e.node.link.role,
        evidenceIds: e.node.link.evidenceIds,
      })),
    };
  }

  /** The questions the actor asked, oldest first. */
  async questions(ctx: Context, actor: EntityObject): Promise<Question[]> {
    return sortByDate(
      await this.relationships.interactions(ctx, actor.uuid, 'ASKED', 'Question'),
    ).map(toQuestion);
  }

  /** The ideas the actor put forward, oldest first. */
  async proposals(ctx: Context, actor: EntityObject): Promise<Proposal[]> {
    return sortByDate(
      await this.relationships.interactions(ctx, actor.uuid, 'PUT_FORWARD', 'Proposal'),
    ).map(toProposal);
  }
}

function sortByDate(records: InteractionRecord[]): InteractionRecord[] {
  const key = records.map((r) => ({ r, k: byDate(r).join(' ') }));
  return key.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map(({ r }) => r);
}
