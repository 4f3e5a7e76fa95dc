/**
 * Filtered, sorted, keyset-paginated lists of entities of one label. The label and the sort
 * expression come from closed lists; every filter value is a parameter.
 */
import { int } from 'neo4j-driver';
import type { Database } from '../../db/database';
import { entityRow, whereOf } from '../../shared/cypher';
import { LINK_TYPES } from '../analytics/analytics.model';
import { graphVersion } from '../system/graph-version';
import {
  effectiveStart,
  eventsHeldIn,
  startsOnOrAfter,
  startsOnOrBefore,
} from '../event/event.effective';
import type { EntityLabel } from '../../shared/model';
import { fromEntityRow, type EntityRecord, type EntityRow } from './entity.record';

export const ENTITY_ORDERS = ['NAME', 'MOST_CONNECTED', 'START_DATE'] as const;
export type EntityOrder = (typeof ENTITY_ORDERS)[number];

export interface EntityListFilter {
  /** Lower-case substring of the name or an alias. */
  name: string | null;
  kind: string | null;
  country: string | null;
  /** uuid of an entity linked directly or through an interaction. */
  relatedTo: string | null;
  /** uuid of an organisation the entity is affiliated with. */
  affiliatedWith: string | null;
  /** uuid of the place an event is held in (effectively: see event.effective.ts). */
  heldIn: string | null;
  /** Events effectively starting on or after / on or before these days. */
  from: string | null;
  to: string | null;
}

/**
 * Links that count as "connections": every relationship type of the graph model between
 * entities and interactions (not document mentions, not evidence sources). Spelled as types in
 * the pattern, with no condition on the node at the other end, Neo4j reads the count from each
 * node's degree store instead of visiting every neighbour (otherwise sorting by connections
 * touches every relationship of every entity of the label, on every request).
 */
export const DEGREE = `COUNT { (n)-[:${LINK_TYPES.join('|')}]-() }`;

/** Sort key per order: a string or a number, ascending, then the id. */
const SORT_KEYS: Record<EntityOrder, string> = {
  NAME: 'toLower(n.name)',
  MOST_CONNECTED: `-${DEGREE}`,
  START_DATE: `toString(coalesce(${effectiveStart('n')}, date('9999-12-31')))`,
};

/** One predicate per filter, each on its parameter (heldIn is a MATCH instead: `matching`). */
const PREDICATES: Record<Exclude<keyof EntityListFilter, 'heldIn'>, string> = {
  kind: 'n.kind = $kind',
  country: 'n.country = $country',
  name: '(toLower(n.name) CONTAINS $name OR any(a IN coalesce(n.aliasNames, []) WHERE toLower(a) CONTAINS $name))',
  relatedTo:
    '(EXISTS { (n)--(:Entity {id: $relatedTo}) } OR EXISTS { (n)--(:Interaction)--(:Entity {id: $relatedTo}) })',
  affiliatedWith: 'EXISTS { (n)-[:AFFILIATED_WITH]->(:Entity {id: $affiliatedWith}) }',
  from: startsOnOrAfter('n', 'date($from)'),
  to: startsOnOrBefore('n', 'date($to)'),
};

/**
 * Clauses binding `n` to each entity of the label that passes the filters. With a place, the
 * events effectively held there are walked from the place (see eventsHeldIn), the rest are
 * predicates.
 */
export const matching = (label: EntityLabel, filter: EntityListFilter): string => {
  const { heldIn, ...rest } = filter;
  const source = heldIn === null ? '' : `${eventsHeldIn('$heldIn', 'n')}\n`;
  return `${source}MATCH (n:Entity&${label})\n${whereOf(rest, PREDICATES)}`;
};

/**
 * The filtered total and one keyset page with its entities whole, in one statement and one pass
 * over the matching entities (two subqueries, one counting and one paging, would read them
 * twice, and reading them is most of the statement's cost on a large list). Forwards the page
 * is the rows after the cursor in ascending order; backwards the rows before it, nearest first
 * (the service turns them round). `beyond`: whether an entity lies on the other side of the
 * cursor (at it or behind it): the first one met answers, and without a cursor none is read.
 */
const listing = (
  label: EntityLabel,
  order: EntityOrder,
  filter: EntityListFilter,
  backward = false,
): string => {
  const [ahead, behind, behindOrAt, direction] = backward
    ? ['<', '>', '>=', ' DESC']
    : ['>', '<', '<=', ''];
  return /* cypher */ `
${matching(label, filter)}
WITH collect(n) AS matching
CALL (matching) {
  UNWIND matching AS n
  WITH n, ${SORT_KEYS[order]} AS sortKey
  WHERE $cursorKey IS NULL OR sortKey ${ahead} $cursorKey OR (sortKey = $cursorKey AND n.id ${ahead} $cursorId)
  WITH n, sortKey ORDER BY sortKey${direction}, n.id${direction} LIMIT $limit
  RETURN collect({id: n.id, sortKey: sortKey, row: ${entityRow('n')}}) AS rows
}
CALL (matching) {
  UNWIND CASE WHEN $cursorKey IS NULL THEN [] ELSE matching END AS n
  WITH n, ${SORT_KEYS[order]} AS sortKey
  WHERE sortKey ${behind} $cursorKey OR (sortKey = $cursorKey AND n.id ${behindOrAt} $cursorId)
  WITH n LIMIT 1
  RETURN count(n) > 0 AS beyond
}
RETURN size(matching) AS total, rows, beyond`;
};

/**
 * Every entity of a label that passes the filters, most connected first (then by id): ids and
 * sort keys as two lists, for the ranking cache.
 */
const ranking = (label: EntityLabel, filter: EntityListFilter): string => /* cypher */ `
${matching(label, filter)}
WITH n.id AS id, ${SORT_KEYS.MOST_CONNECTED} AS sortKey
ORDER BY sortKey, id
RETURN collect(id) AS ids, collect(sortKey) AS keys`;

/** A ranking: ids in order, and the sort key (minus the degree) of each. */
export interface Ranking {
  ids: string[];
  keys: number[];
}

export class EntityListRepository {
  constructor(private readonly db: Database) {}

  /** The graph version a cached ranking is checked against (see VersionedCache). */
  graphVersion(requestId?: string): Promise<string> {
    return graphVersion(this.db, requestId);
  }

  async ranking(
    label: EntityLabel,
    filter: EntityListFilter,
    requestId?: string,
  ): Promise<Ranking> {
    const result = await this.db.query(
      ranking(label, filter),
      { ...filter },
      { operation: `entity.ranking ${label}`, requestId },
    );
    const record = result.records[0];
    return {
      ids: (record?.get('ids') ?? []) as string[],
      keys: ((record?.get('keys') ?? []) as unknown[]).map(Number),
    };
  }

  async list(
    label: EntityLabel,
    filter: EntityListFilter,
    order: EntityOrder,
    cursor: { key: string | number; id: string } | null,
    limit: number,
    requestId?: string,
    backward = false,
  ): Promise<{
    rows: { id: string; sortKey: string | number; record: EntityRecord }[];
    total: number;
    beyond: boolean;
  }> {
    const result = await this.db.query(
      listing(label, order, filter, backward),
      {
        ...filter,
        cursorKey: cursor?.key ?? null,
        cursorId: cursor?.id ?? null,
        limit: int(limit),
      },
      { operation: `entity.list ${label}`, requestId },
    );
    const record = result.records[0];
    const rows = (record?.get('rows') ?? []) as { id: string; sortKey: unknown; row: EntityRow }[];
    return {
      rows: rows.map((r) => ({
        id: r.id,
        sortKey: typeof r.sortKey === 'string' ? r.sortKey : Number(r.sortKey),
        record: fromEntityRow(r.row),
      })),
      total: Number(record?.get('total') ?? 0),
      beyond: record?.get('beyond') === true,
    };
  }
}
