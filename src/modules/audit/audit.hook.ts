/**
 * The audit record of an API write, created in the write's own transaction (a write hook): who,
 * when, which request and operation, the variables sent, the ids the write returned and its
 * counters. Writes outside a request (seeds, CLI) are not audited.
 */
import type { WriteEvent, WriteHook } from '../../db/database';
import type { RequestScope } from '../../shared/request-scope';

// seq: the graph version this write raised (the version hook runs first and holds the node's
// lock until commit), so entries are numbered in commit order: the change feed's cursor.
const WRITE_AUDIT = /* cypher */ `
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
CREATE (:AuditEntry {id: randomUUID(), seq: m.version, at: datetime(), who: $who,
  requestId: $requestId, operation: $operation, graphqlOperation: $graphqlOperation,
  input: $input, ids: $ids, changes: $changes, items: $items, itemTypes: $itemTypes})`;

function auditParams(
  scope: RequestScope,
  { operation, value, changes, items }: WriteEvent,
): Record<string, unknown> {
  let input: string;
  try {
    input = JSON.stringify(scope.variables ?? {});
  } catch {
    // Variables too deep to serialise (the limits refuse those before any write runs).
    input = '"(variables not recordable)"';
  }
  return {
    who: scope.who,
    requestId: scope.requestId,
    operation,
    graphqlOperation: scope.operationName,
    // Bounded: an audit line records what was asked, not a copy of a large import.
    input: input.length > 10_000 ? `${input.slice(0, 10_000)}…` : input,
    // The id the write returned; else (bulk writes) the ids of what it changed.
    ids:
      typeof value === 'string' ? [value] : items ? [...new Set(items.map((item) => item.id))] : [],
    changes: JSON.stringify(changes),
    // What changed, item by item (ChangedItem[] as JSON), when the write said; else null.
    items: items ? JSON.stringify(items) : null,
    // The types among them, for the feed's filter by type.
    itemTypes: items ? [...new Set(items.map((item) => item.type))] : null,
  };
}

export const recordAudit: WriteHook = async (tx, write) => {
  if (write.scope) await tx.run(WRITE_AUDIT, auditParams(write.scope, write));
};
