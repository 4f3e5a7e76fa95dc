/** Cypher for evidence records: the shared write, and reads batched by id. */
import type { Database } from '../../db/database';

export interface EvidenceRecord {
  id: string;
  kind: 'STATED' | 'EXTERNAL' | 'ASSERTED';
  confidence: string | null;
  documentId: string | null;
  quote: string | null;
  language: string | null;
  translation: string | null;
  url: string | null;
  note: string | null;
  assertedBy: string | null;
}

/** Writes evidence records (MERGE on their stable ids) and links STATED ones to their document. */
export const WRITE_EVIDENCE = /* cypher */ `
UNWIND $evidence AS ev
MERGE (e:Evidence {id: ev.id})
SET e.kind = ev.kind, e.confidence = ev.confidence, e.quote = ev.quote, e.language = ev.language,
    e.translation = ev.translation, e.url = ev.url, e.note = ev.note, e.assertedBy = ev.assertedBy,
    e.documentId = ev.documentId
WITH e, ev WHERE ev.documentId IS NOT NULL
MATCH (d:Document {id: ev.documentId})
MERGE (e)-[:SOURCE]->(d)`;

const FIND_BY_IDS = /* cypher */ `
UNWIND $ids AS id
MATCH (e:Evidence {id: id})
RETURN e {.id, .kind, .confidence, .documentId, .quote, .language, .translation, .url, .note, .assertedBy} AS e`;

export class EvidenceRepository {
  constructor(private readonly db: Database) {}

  async findByIds(
    ids: readonly string[],
    requestId?: string,
  ): Promise<Map<string, EvidenceRecord>> {
    const result = await this.db.query(
      FIND_BY_IDS,
      { ids: [...ids] },
      { operation: 'evidence.findByIds', requestId },
    );
    return new Map(
      result.records.map((r) => {
        const e = r.get('e') as Record<string, string | null>;
        return [e.id!, { ...e, assertedBy: e.assertedBy ?? null } as EvidenceRecord];
      }),
    );
  }
}
