/** Cypher for entities: batched lookups by id (for DataLoader) and by slug. */
import type { Database } from '../../db/database';
import type { EntityLabel } from '../../shared/model';
import { entityRow } from '../../shared/cypher';
import { fromEntityRow, type EntityRecord, type EntityRow } from './entity.record';

// One round trip for any number of ids.
const FIND_BY_IDS = /* cypher */ `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN ${entityRow('n')} AS row`;

// The label is in the pattern (from the closed EntityLabel list), not a parameter: slugs are
// indexed per label, and `WHERE $label IN labels(n)` cannot use that index: it scans every entity.
const findBySlug = (label: EntityLabel): string => /* cypher */ `
MATCH (n:Entity&${label} {slug: $slug})
RETURN ${entityRow('n')} AS row`;

// The evidence of the documents that mention each entity, without duplicates.
const MENTION_EVIDENCE = /* cypher */ `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COLLECT { MATCH (:Document)-[m:MENTIONS]->(n) UNWIND m.evidenceIds AS e RETURN DISTINCT e } AS ids`;

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
        const record = fromEntityRow(r.get('row') as EntityRow);
        return [record.uuid, record];
      }),
    );
  }

  async mentionEvidence(
    ids: readonly string[],
    requestId?: string,
  ): Promise<Map<string, string[]>> {
    const result = await this.db.query(
      MENTION_EVIDENCE,
      { ids: [...ids] },
      { operation: 'entity.mentionEvidence', requestId },
    );
    return new Map(result.records.map((r) => [r.get('id') as string, r.get('ids') as string[]]));
  }

  async findBySlug(
    label: EntityLabel,
    slug: string,
    requestId?: string,
  ): Promise<EntityRecord | undefined> {
    const result = await this.db.query(
      findBySlug(label),
      { slug },
      { operation: 'entity.findBySlug', requestId },
    );
    const row = result.records[0]?.get('row') as EntityRow | undefined;
    return row && fromEntityRow(row);
  }
}
