/** Entities as GraphQL objects: lookups by global id and slug, evidence, through the request's loaders. */
import { fromGlobalId } from '../../shared/global-id';
import type { Context } from '../request/context';
import { keepEntities } from '../request/loaders';
import { labelOfType, type EntityType } from '../../shared/enums';
import { ENTITY_LABELS, type EntityLabel } from '../../shared/model';
import type { EvidenceRecord } from '../evidence/evidence.repository';
import type { InteractionLink } from '../interaction/interaction.record';
import { entityOf, toEntityObject, type EntityObject, type EntityRecord } from './entity.record';
import type { EntityOf } from './entity.registry';
import type { EntityRepository } from './entity.repository';
import type { EntityInterface } from './entity.type';

export class EntityService {
  constructor(private readonly entities: EntityRepository) {}

  /** The entity behind a global id, or null when there is none (never an error: Relay's contract). */
  async byGlobalId(ctx: Context, globalId: string): Promise<EntityObject | null> {
    const parsed = fromGlobalId(globalId);
    if (!parsed || !(ENTITY_LABELS as readonly string[]).includes(parsed.type)) return null;
    return this.byUuid(ctx, parsed.uuid, parsed.type as EntityLabel);
  }

  async byUuid(ctx: Context, uuid: string, label?: EntityLabel): Promise<EntityObject | null> {
    const record = await ctx.loaders.entity.load(uuid);
    if (!record || (label && record.label !== label)) return null;
    return toEntityObject(record);
  }

  async manyByUuid(ctx: Context, uuids: string[]): Promise<EntityObject[]> {
    const records = await ctx.loaders.entity.loadMany(uuids);
    return records
      .filter((r): r is EntityRecord => r !== null && !(r instanceof Error))
      .map(toEntityObject);
  }

  /** The entities an interaction links to by one relationship type and direction. */
  async partiesOf(
    ctx: Context,
    links: InteractionLink[],
    type: string,
    outgoing: boolean,
  ): Promise<EntityObject[]> {
    const matching = links.filter((l) => l.type === type && l.outgoing === outgoing);
    // Read with the interaction as far as the query asks (named only): no loader involved.
    const parties = matching.every((l) => l.named)
      ? matching.map((l) => toEntityObject(l.named!))
      : await this.manyByUuid(
          ctx,
          matching.map((l) => l.entityId),
        );
    // By name, then id: the database gives links in no fixed order (a reseeded graph differed).
    return parties.sort(
      (a, b) => a.name.localeCompare(b.name) || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0),
    );
  }

  /** The event an interaction was at (its AT link), or null. */
  async eventOf(ctx: Context, links: InteractionLink[]): Promise<EntityOf<'Event'> | null> {
    const [event] = await this.partiesOf(ctx, links, 'AT', true);
    return entityOf('Event', event);
  }

  async bySlug(ctx: Context, type: EntityType, slug: string): Promise<EntityObject | null> {
    const record = await this.entities.findBySlug(labelOfType(type), slug, ctx.requestId);
    if (!record) return null;
    keepEntities(ctx.loaders, [record]);
    return toEntityObject(record);
  }

  /** An entity's own evidence, then that of the documents that mention it. */
  async entityEvidence(ctx: Context, entity: EntityInterface): Promise<EvidenceRecord[]> {
    const mentions = await ctx.loaders.mentionEvidence.load(entity.uuid);
    return this.evidence(ctx, [...new Set([...entity.evidenceIds, ...mentions])]);
  }

  async evidence(ctx: Context, ids: string[]): Promise<EvidenceRecord[]> {
    const records = await ctx.loaders.evidence.loadMany(ids);
    return records.filter((r): r is EvidenceRecord => r !== null && !(r instanceof Error));
  }
}
