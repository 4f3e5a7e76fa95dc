/**
 * The graph's integrity rules (src/modules/integrity/integrity.rules.ts) checked over the whole
 * test graph. Call after any test that writes: `afterEach(() => assertGraphIntegrity(api.db()))`.
 */
import type { Database } from '../../src/db/database';
import { findViolations } from '../../src/modules/integrity/integrity';
import type { Violation } from '../../src/modules/integrity/integrity.rules';

/** Every violation of every rule in the graph the database holds. */
export function graphViolations(db: Database): Promise<Violation[]> {
  return db.read((tx) => findViolations(tx), { operation: 'test.integrity' });
}

/** Fails, listing the violations (at most 20), when the graph breaks any integrity rule. */
export async function assertGraphIntegrity(db: Database): Promise<void> {
  const violations = await graphViolations(db);
  if (violations.length === 0) return;
  const lines = violations
    .slice(0, 20)
    .map((v) => `  ${v.rule}: ${v.kind} ${v.subject}: ${v.problem}`);
  throw new Error(
    `The graph breaks ${violations.length} integrity rule check(s):\n${lines.join('\n')}${
      violations.length > 20 ? '\n  ...' : ''
    }`,
  );
}
