/**
 * The graph's change counter: one (:GraphMeta {id: 'graph'}) node whose version every write that
 * changes data raises in its own transaction (a write hook), and that caches of derived answers
 * (rankings, analytics projections) are keyed by.
 */
import type { Database, WriteHook } from '../../db/database';

const BUMP_GRAPH_VERSION = /* cypher */ `
MERGE (m:GraphMeta {id: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.changedAt = datetime()`;
const GRAPH_VERSION = /* cypher */ `
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
RETURN coalesce(m.version, 0) AS version, toString(m.changedAt) AS changedAt`;

/** Raises the version in the transaction of a write that changed data (see Database.onWrite). */
export const bumpGraphVersion: WriteHook = async (tx) => {
  await tx.run(BUMP_GRAPH_VERSION);
};

/**
 * A token that changes whenever the graph does: the version raised by every changing write
 * and the time of that write (so a graph wiped and rebuilt to the same count still differs).
 */
export async function graphVersion(db: Database, requestId?: string): Promise<string> {
  const result = await db.query(GRAPH_VERSION, {}, { operation: 'graph.version', requestId });
  const record = result.records[0];
  return `${String(record?.get('version') ?? 0)}@${String(record?.get('changedAt') ?? '')}`;
}
