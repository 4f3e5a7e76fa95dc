/** Cypher for entities: batched lookups by id (for DataLoader) and by slug. */
import type { Database } from '../../db/database';
import type { EntityLabel } from '../../shared/model';
import { lightNode } from '../../shared/cypher';
import { toEntityRecord, type EntityRecord } from './entity.record';

// One round trip for any number of ids; mentions add the documents' evidence to the entity's own.
const FIND_BY_IDS = /* cypher */ `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (:Document)-[m:MENTIONS]->(n)
WITH n, collect(m.evidenceIds) AS mentionEvidence
RETURN ${lightNode('n')} AS n, reduce(acc = coalesce(n.evidenceIds, []), ids IN mentionEvidence | acc + [x IN ids WHERE NOT x IN acc]) AS evidenceIds`;

const FIND_ID_BY_SLUG = /* cypher */ `
MATCH (n:Entity {slug: $slug}) WHERE $label IN labels(n)
RETURN n.id AS id`;

export class EntityRepository {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[], requestId?: string): Promise<Map<string, EntityRecord>> {
    const result = await this.db.query(
      FIND_BY_IDS,
      { ids: [...ids] },
      { operation: 'entity.findByIds', requestId },
    );
    return new Map(
      result.records.map((r) => {
        const record = toEntityRecord(r.get('n'), r.get('evidenceIds') as string[]);
        return [record.uuid, record];
      }),
    );
  }

  async findIdBySlug(
    label: EntityLabel,
    slug: string,
    requestId?: string,
  ): Promise<string | undefined> {
    const result = await this.db.query(
      FIND_ID_BY_SLUG,
      { label, slug },
      { operation: 'entity.findIdBySlug', requestId },
    );
    return result.records[0]?.get('id') as string | undefined;
  }
}
