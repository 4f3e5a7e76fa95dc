/** Lists of one entity type as Relay connections: validated filter ids, keyset cursors, one batched load. */
import type { Context } from '../request/context';
import {
  decodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../../shared/connection';
import { countryProblem } from '../../shared/country';
import { BadUserInputError } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import type { EntityLabel } from '../../shared/model';
import type {
  EntityListFilter,
  EntityListRepository,
  EntityOrder,
  Ranking,
} from './entity-list.repository';
import { toEntityObject, type EntityObject } from './entity.record';
import { keepEntities } from '../request/loaders';
import { VersionedCache } from '../../shared/versioned-cache';

/** What a GraphQL filter input may carry; ids are global ids. */
export interface EntityFilterInput {
  name?: string | null;
  kind?: string | null;
  country?: string | null;
  relatedTo?: string | null;
  affiliatedWith?: string | null;
  heldIn?: string | null;
  from?: string | null;
  to?: string | null;
}

/** The uuid behind a global id in a filter, or BAD_USER_INPUT naming the field. */
export function filterUuid(globalId: string | null | undefined, argument: string): string | null {
  if (globalId === null || globalId === undefined) return null;
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(`${argument} is not a valid id.`, argument);
  return parsed.uuid;
}

/** Index of the first entry of a ranking after a cursor's (key, id). */
function firstAfter(ranking: Ranking, key: string | number, id: string): number {
  if (typeof key !== 'number') return ranking.ids.length;
  let low = 0;
  let high = ranking.ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const k = ranking.keys[mid]!;
    if (k < key || (k === key && ranking.ids[mid]! <= id)) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class EntityListService {
  /**
   * Rankings by degree, per label and filter: counting every entity's relationships is Neo4j's
   * whole cost of MOST_CONNECTED, it grows with the label, and the answer only changes when the
   * graph does. Checked against the graph version on every request. At most 16 kept: a ranking
   * holds one id per entity of its label, so the bound is what caps the memory.
   */
  private readonly rankings = new VersionedCache<Ranking>(16);

  constructor(private readonly lists: EntityListRepository) {}

  async list(
    ctx: Context,
    label: EntityLabel,
    input: EntityFilterInput | null | undefined,
    order: EntityOrder,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ConnectionShape<EntityObject>> {
    const size = pageSize(first);
    const key = decodeCursor(after, ['key', 'string']) as [string | number, string] | null;
    if (input?.name !== undefined && input.name !== null && input.name.length > 200) {
      throw new BadUserInputError('filter.name must be at most 200 characters.', 'filter.name');
    }
    if (input?.country !== undefined && input.country !== null) {
      // As writes store it: "fi" or "XX" would match nothing and say nothing.
      const problem = countryProblem(input.country, 'filter.country');
      if (problem) throw new BadUserInputError(problem, 'filter.country');
    }
    if (input?.from && input.to && input.from > input.to) {
      throw new BadUserInputError('filter.from must not be after filter.to.', 'filter.from');
    }
    const filter: EntityListFilter = {
      name: input?.name ? input.name.toLowerCase() : null,
      kind: input?.kind ?? null,
      country: input?.country ?? null,
      relatedTo: filterUuid(input?.relatedTo, 'filter.relatedTo'),
      affiliatedWith: filterUuid(input?.affiliatedWith, 'filter.affiliatedWith'),
      heldIn: filterUuid(input?.heldIn, 'filter.heldIn'),
      from: input?.from ?? null,
      to: input?.to ?? null,
    };
    if (order === 'MOST_CONNECTED') return this.ranked(ctx, label, filter, key, size);
    const { rows, total } = await this.lists.list(
      label,
      filter,
      order,
      key ? { key: key[0], id: key[1] } : null,
      size + 1,
      ctx.requestId,
    );
    const page = rows.slice(0, size);
    keepEntities(
      ctx.loaders,
      page.map((r) => r.record),
    );
    const nodes = page.map((r) => toEntityObject(r.record));
    return toConnection(rows, size, total, nodes, (row) => [row.sortKey, row.id]);
  }

  /** A page of the cached ranking (one statement for the graph version, one for the page). */
  private async ranked(
    ctx: Context,
    label: EntityLabel,
    filter: EntityListFilter,
    after: [string | number, string] | null,
    size: number,
  ): Promise<ConnectionShape<EntityObject>> {
    const version = await this.lists.graphVersion(ctx.requestId);
    const ranking = await this.rankings.get(JSON.stringify([label, filter]), version, () =>
      this.lists.ranking(label, filter, ctx.requestId),
    );
    const start = after ? firstAfter(ranking, after[0], after[1]) : 0;
    const rows = ranking.ids
      .slice(start, start + size + 1)
      .map((id, i) => ({ id, sortKey: ranking.keys[start + i]! }));
    const records = await ctx.loaders.entity.loadMany(rows.slice(0, size).map((r) => r.id));
    const failed = records.find((r) => r instanceof Error);
    if (failed) throw failed;
    // An entity deleted (or relabelled) since the ranking was read is left out of the page.
    const nodes = records.map((r) =>
      r && !(r instanceof Error) && r.label === label ? toEntityObject(r) : null,
    );
    return toConnection(rows, size, ranking.ids.length, nodes, (row) => [row.sortKey, row.id]);
  }
}
