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
 * Ties of name (namesakes, or one entity linked twice in the seeds) go by the other end's id,
 * then what the link carries: never the order Neo4j hands links over in (newest first).
 */
const tieKey = (l: LinkRecord): string =>
  [l.otherId, l.role ?? '', l.startDate ?? '', l.endDate ?? ''].join('\u0000');

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
      .sort((a, b) => {
        const [x, y] = [tieKey(a.link), tieKey(b.link)];
        return a.entity.name.localeCompare(b.entity.name) || (x < y ? -1 : x > y ? 1 : 0);
      });
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
