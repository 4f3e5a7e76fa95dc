/** Lists of one entity type as Relay connections: validated filter ids, keyset cursors, one batched load. */
import type { Context } from '../../shared/context';
import {
  decodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../../shared/connection';
import { BadUserInputError } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import type { EntityLabel } from '../../shared/model';
import type { EntityListFilter, EntityListRepository, EntityOrder } from './entity-list.repository';
import { toEntityObject, type EntityObject } from './entity.service';
import { keepEntities } from '../../shared/loaders';

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

export class EntityListService {
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
}
