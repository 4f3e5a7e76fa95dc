/** Neighbours of an entity through one relationship type, and the interactions it takes part in. */
import type { Context } from '../request/context';
import type { Parties } from '../../shared/cypher';
import type { InteractionLabel } from '../../shared/model';
import type { InteractionRecord } from '../interaction/interaction.record';
import { toEntityObject, type EntityObject } from '../entity/entity.record';
import type { LinkRecord } from './relationship.repository';

export interface Neighbour {
  entity: EntityObject;
  link: LinkRecord;
}

/**
 * Ties of name (namesakes, or one entity linked twice in the seeds) by the other end's id, then
 * what the link carries: never the order Neo4j hands links over in (newest first, as stored).
 */
function byLink(a: LinkRecord, b: LinkRecord): number {
  const key = (l: LinkRecord): string[] => [
    l.otherId,
    l.role ?? '',
    l.startDate ?? '',
    l.endDate ?? '',
  ];
  const [x, y] = [key(a), key(b)];
  const i = x.findIndex((v, k) => v !== y[k]);
  return i < 0 ? 0 : x[i]! < y[i]! ? -1 : 1;
}

export class RelationshipService {
  /**
   * The entities linked by `type` (outgoing from the entity, or incoming), sorted by name, then
   * id; whole, or only named when the query asks no more of them.
   */
  async neighbours(
    ctx: Context,
    uuid: string,
    type: string,
    outgoing: boolean,
    parties: Parties = 'whole',
  ): Promise<Neighbour[]> {
    const links = await ctx.loaders.links.load({ id: uuid, type, outgoing, parties });
    return links
      .map((link) => ({ entity: toEntityObject(link.other), link }))
      .sort((a, b) => a.entity.name.localeCompare(b.entity.name) || byLink(a.link, b.link));
  }

  /** The interactions of one label the entity is linked to by `type`, with their parties. */
  async interactions(
    ctx: Context,
    uuid: string,
    type: string,
    label: InteractionLabel,
    parties: Parties = 'whole',
  ): Promise<InteractionRecord[]> {
    return ctx.loaders.interactionsOf.load({ id: uuid, type, label, parties });
  }
}
