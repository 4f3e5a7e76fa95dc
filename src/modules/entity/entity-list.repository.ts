/**
 * Filtered, sorted, keyset-paginated lists of entities of one label. The label and the sort
 * expression come from closed lists; every filter value is a parameter.
 */
import { int } from 'neo4j-driver';
import type { Database } from '../../db/database';
import type { EntityLabel } from '../../shared/model';

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
  /** uuid of the place an event is held in. */
  heldIn: string | null;
  from: string | null;
  to: string | null;
}

// Links that count as "connections": everything but document mentions and evidence sources.
export const DEGREE = 'COUNT { (n)-[r]-(:Entity|Interaction) WHERE NOT type(r) IN ["MENTIONS"] }';

/** Sort key per order: a string or a number, ascending, then the id. */
const SORT_KEYS: Record<EntityOrder, string> = {
  NAME: 'toLower(n.name)',
  MOST_CONNECTED: `-${DEGREE}`,
  START_DATE: "toString(coalesce(n.startDate, date('9999-12-31')))",
};

const FILTER = /* cypher */ `
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($country IS NULL OR n.country = $country)
  AND ($name IS NULL OR toLower(n.name) CONTAINS $name OR any(a IN coalesce(n.aliasNames, []) WHERE toLower(a) CONTAINS $name))
  AND ($relatedTo IS NULL OR EXISTS { (n)--(:Entity {id: $relatedTo}) } OR EXISTS { (n)--(:Interaction)--(:Entity {id: $relatedTo}) })
  AND ($affiliatedWith IS NULL OR EXISTS { (n)-[:AFFILIATED_WITH]->(:Entity {id: $affiliatedWith}) })
  AND ($heldIn IS NULL OR EXISTS { (n)-[:HELD_IN]->(:Entity {id: $heldIn}) })
  AND ($from IS NULL OR n.startDate >= date($from))
  AND ($to IS NULL OR n.startDate <= date($to))`;

const list = (label: EntityLabel, order: EntityOrder): string => /* cypher */ `
MATCH (n:Entity:${label})
${FILTER}
WITH n, ${SORT_KEYS[order]} AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId)
RETURN n.id AS id, sortKey
ORDER BY sortKey, id
LIMIT $limit`;

const count = (label: EntityLabel): string => /* cypher */ `
MATCH (n:Entity:${label})
${FILTER}
RETURN count(n) AS total`;

export class EntityListRepository {
  constructor(private readonly db: Database) {}

  async list(
    label: EntityLabel,
    filter: EntityListFilter,
    order: EntityOrder,
    after: { key: string | number; id: string } | null,
    limit: number,
    requestId?: string,
  ): Promise<{ rows: { id: string; sortKey: string | number }[]; total: number }> {
    return this.db.read(
      async (tx) => {
        const page = await tx.run(list(label, order), {
          ...filter,
          afterKey: after?.key ?? null,
          afterId: after?.id ?? null,
          limit: int(limit),
        });
        const total = await tx.run(count(label), filter);
        return {
          rows: page.records.map((r) => {
            const key = r.get('sortKey') as unknown;
            return {
              id: r.get('id') as string,
              sortKey: typeof key === 'string' ? key : Number(key),
            };
          }),
          total: Number(total.records[0]?.get('total') ?? 0),
        };
      },
      { operation: `entity.list ${label}`, requestId },
    );
  }
}
