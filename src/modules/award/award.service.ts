/** Awards read from either end: who received one (RECEIVED), which were given at an event (AWARDED_AT). */
import type { Context } from '../request/context';
import type { Parties } from '../../shared/cypher';
import { entityOf, type EntityObject } from '../entity/entity.record';
import type { Award } from './award.type';
import type { Neighbour, RelationshipService } from '../relationship/relationship.service';
import type { AwardRecipient } from './award.type';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By name (as the relationship service sorts), then id: equal names still come in one order. */
const byName = (a: Neighbour, b: Neighbour): number =>
  a.entity.name.localeCompare(b.entity.name) || compare(a.entity.uuid, b.entity.uuid);

/** By year (undated last), then name, then id. */
const byYear = (a: Neighbour, b: Neighbour): number => {
  const year = (n: Neighbour): number =>
    typeof n.entity.year === 'number' ? n.entity.year : Number.MAX_SAFE_INTEGER;
  return year(a) - year(b) || byName(a, b);
};

export class AwardService {
  constructor(private readonly relationships: RelationshipService) {}

  async recipients(
    ctx: Context,
    award: EntityObject,
    parties: Parties = 'whole',
  ): Promise<AwardRecipient[]> {
    const received = await this.relationships.neighbours(
      ctx,
      award.uuid,
      'RECEIVED',
      false,
      parties,
    );
    return received.sort(byName).map(({ entity, link }) => ({
      entity,
      evidenceIds: link.evidenceIds,
    }));
  }

  /**
   * The awards stated as given at this event, and with `includeParts` also at its parts, their
   * parts and so on (each level one batched read; a PART_OF cycle ends the walk).
   */
  async awardedAt(ctx: Context, event: EntityObject, includeParts = false): Promise<Award[]> {
    const events = [event.uuid];
    if (includeParts) {
      const seen = new Set(events);
      for (let level = [event.uuid]; level.length > 0;) {
        const parts = await Promise.all(
          level.map((id) => this.relationships.neighbours(ctx, id, 'PART_OF', false, 'naming')),
        );
        level = parts
          .flat()
          .map((p) => p.entity.uuid)
          .filter((id) => !seen.has(id));
        for (const id of level) seen.add(id);
        events.push(...level);
      }
    }
    // Read whole: the order needs the awards' years, which a naming read leaves out.
    const given = await Promise.all(
      events.map((id) => this.relationships.neighbours(ctx, id, 'AWARDED_AT', false)),
    );
    const awards = new Map(given.flat().map((a) => [a.entity.uuid, a]));
    return [...awards.values()].sort(byYear).flatMap((a) => entityOf('Award', a.entity) ?? []);
  }
}
