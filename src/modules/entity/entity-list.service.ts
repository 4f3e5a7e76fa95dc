/** Lists of one entity type as Relay connections: validated filter ids, keyset cursors, one batched load. */
import type { Context } from '../request/context';
import {
  readPage,
  toConnection,
  type ConnectionShape,
  type PageArgs,
  type PageRequest,
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

/**
 * Index of the first entry of a ranking after a cursor's (key, id), or with `atOrAfter` the
 * first at or after it.
 */
function firstAfter(ranking: Ranking, key: string | number, id: string, atOrAfter = false): number {
  if (typeof key !== 'number') return ranking.ids.length;
  let low = 0;
  let high = ranking.ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const k = ranking.keys[mid]!;
    const idBefore = atOrAfter ? ranking.ids[mid]! < id : ranking.ids[mid]! <= id;
    if (k < key || (k === key && idBefore)) low = mid + 1;
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
    args: PageArgs,
  ): Promise<ConnectionShape<EntityObject>> {
    // A cursor holds its position in one label's list in one order, and only there.
    const request = readPage<[string | number, string]>(
      args,
      ['key', 'string'],
      `${label}:${order}`,
    );
    const { size, cursor: key, backward } = request;
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
    if (order === 'MOST_CONNECTED') return this.ranked(ctx, label, filter, request);
    const { rows, total, beyond } = await this.lists.list(
      label,
      filter,
      order,
      key ? { key: key[0], id: key[1] } : null,
      size + 1,
      ctx.requestId,
      backward,
    );
    const page = rows.slice(0, size);
    keepEntities(
      ctx.loaders,
      page.map((r) => r.record),
    );
    const nodes = page.map((r) => toEntityObject(r.record));
    return toConnection(rows, size, total, nodes, (row) => [row.sortKey, row.id], {
      backward,
      beyond,
      scope: `${label}:${order}`,
    });
  }

  /** A page of the cached ranking (one statement for the graph version, one for the page). */
  private async ranked(
    ctx: Context,
    label: EntityLabel,
    filter: EntityListFilter,
    { backward, size, cursor }: PageRequest<[string | number, string]>,
  ): Promise<ConnectionShape<EntityObject>> {
    const version = await this.lists.graphVersion(ctx.requestId);
    const ranking = await this.rankings.get(JSON.stringify([label, filter]), version, () =>
      this.lists.ranking(label, filter, ctx.requestId),
    );
    const all = ranking.ids.length;
    // Forwards: the entries past the cursor; backwards: those before it, nearest first.
    const cut = cursor ? firstAfter(ranking, cursor[0], cursor[1], backward) : backward ? all : 0;
    const from = backward ? Math.max(0, cut - size - 1) : cut;
    const to = backward ? cut : Math.min(all, cut + size + 1);
    const rows = ranking.ids
      .slice(from, to)
      .map((id, i) => ({ id, sortKey: ranking.keys[from + i]! }));
    if (backward) rows.reverse();
    const records = await ctx.loaders.entity.loadMany(rows.slice(0, size).map((r) => r.id));
    const failed = records.find((r) => r instanceof Error);
    if (failed) throw failed;
    // An entity deleted (or relabelled) since the ranking was read is left out of the page.
    const nodes = records.map((r) =>
      r && !(r instanceof Error) && r.label === label ? toEntityObject(r) : null,
    );
    return toConnection(rows, size, all, nodes, (row) => [row.sortKey, row.id], {
      backward,
      beyond: cursor !== null && (backward ? cut < all : cut > 0),
      scope: `${label}:MOST_CONNECTED`,
    });
  }
}
