/** What people and organisations do: their affiliations, invitations and presentations. */
import type { ConnectionShape } from '../../shared/connection';
import { paginate } from '../../shared/connection';
import type { Context } from '../../shared/context';
import type { Parties } from '../../shared/cypher';
import type { EntityObject, EntityService } from '../entity/entity.service';
import type { InteractionRecord } from '../invitation/interaction.repository';
import { toInvitation } from '../invitation/invitation.service';
import type { Invitation } from '../invitation/invitation.type';
import { toPresentation } from '../presentation/presentation.resolver';
import type { Presentation } from '../presentation/presentation.type';
import type { Organisation } from '../entity/entity.type';
import type { Affiliation, Collaboration } from './relationship.type';
import type { RelationshipService } from './relationship.service';

/** Interactions sort by date (undated last), then id. */
const byDate = (r: InteractionRecord): [string, string] => [r.date ?? '9999-12-31', r.uuid];

export class ActorService {
  constructor(
    private readonly relationships: RelationshipService,
    private readonly entities: EntityService,
  ) {}

  /** Others met at the same events or projects, most shared first (then by name). */
  async collaborators(ctx: Context, actor: EntityObject, first: number): Promise<Collaboration[]> {
    const records = await ctx.loaders.collaborators.load(actor.uuid);
    const others = await this.entities.manyByUuid(
      ctx,
      records.map((r) => r.otherId),
    );
    const shared = await this.entities.manyByUuid(ctx, [
      ...new Set(records.flatMap((r) => r.sharedIds)),
    ]);
    const byId = new Map([...others, ...shared].map((e) => [e.uuid, e]));
    return records
      .flatMap((r) => {
        const entity = byId.get(r.otherId);
        const things = r.sharedIds.flatMap((id) => byId.get(id) ?? []);
        return entity ? [{ entity, count: things.length, shared: things }] : [];
      })
      .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name))
      .slice(0, first);
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
    return neighbours.map(({ entity, link }) => ({
      organisation: entity as unknown as Organisation,
      role: link.role,
      startDate: link.startDate,
      endDate: link.endDate,
      evidenceIds: link.evidenceIds,
    }));
  }

  async invitations(
    ctx: Context,
    actor: EntityObject,
    side: 'sent' | 'received',
    first?: number | null,
    after?: string | null,
    parties: Parties = 'whole',
  ): Promise<ConnectionShape<Invitation>> {
    const records = await this.relationships.interactions(
      ctx,
      actor.uuid,
      side === 'sent' ? 'EXTENDED' : 'INVITES',
      'Invitation',
      parties,
    );
    const page = paginate(records, byDate, first, after);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toInvitation(e.node) })),
    };
  }

  async presentations(
    ctx: Context,
    subject: EntityObject,
    via: 'GAVE' | 'AT',
    first?: number | null,
    after?: string | null,
    parties: Parties = 'whole',
  ): Promise<ConnectionShape<Presentation>> {
    const records = await this.relationships.interactions(
      ctx,
      subject.uuid,
      via,
      'Presentation',
      parties,
    );
    const page = paginate(records, byDate, first, after);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPresentation(e.node) })),
    };
  }
}
