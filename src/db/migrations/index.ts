/**
 * Applies the numbered migrations in order and records each in the ledger. Every statement is
 * idempotent, so running twice, or after a crash half-way, is safe; a migration already in the
 * ledger is skipped. Then, on every run, creates the id and slug constraints of every label of
 * the graph model that lacks one (constraints.ts): a label added after 002 ran is covered too.
 */
import type { Database } from '../database';
import { LABEL_CONSTRAINTS, type Constraint } from './constraints';
import type { Migration } from './migration';
import { migration as m001 } from './001_migration_log';
import { migration as m002 } from './002_graph_model';
import { migration as m003 } from './003_graph_version';
import { migration as m004 } from './004_api_keys';
import { migration as m005 } from './005_verbatim_names';
import { migration as m006 } from './006_change_feed';
import { migration as m007 } from './007_documents';
import { migration as m009 } from './009_webhooks';

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m009];

export interface MigrationReport {
  applied: string[];
  skipped: string[];
  /** Names of label constraints that were missing and have been created by this run. */
  constraintsCreated: string[];
}

export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const ids = migrations.map((m) => m.id);
  if (new Set(ids).size !== ids.length || ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) {
    throw new Error('migration ids must be unique and in ascending order');
  }
  const report: MigrationReport = { applied: [], skipped: [], constraintsCreated: [] };
  const done = new Set(
    await db.read(
      async (tx) => {
        // The ledger label may not exist yet on a fresh database: that is simply "none applied".
        const result = await tx.run('MATCH (m:Migration) RETURN m.id AS id');
        return result.records.map((r) => r.get('id') as string);
      },
      { operation: 'migrate' },
    ),
  );
  for (const m of migrations) {
    if (done.has(m.id)) {
      report.skipped.push(m.id);
      continue;
    }
    for (const statement of m.statements) {
      await db.write((tx) => tx.run(statement), { operation: `migrate ${m.id}` });
    }
    await db.write(
      (tx) =>
        tx.run(
          'MERGE (m:Migration {id: $id}) ON CREATE SET m.description = $description, m.appliedAt = datetime()',
          {
            id: m.id,
            description: m.description,
          },
        ),
      { operation: `migrate ${m.id}` },
    );
    report.applied.push(m.id);
  }
  report.constraintsCreated = await ensureConstraints(db, LABEL_CONSTRAINTS);
  return report;
}

/** Creates the constraints not yet in the database (IF NOT EXISTS: safe beside another migrate). */
async function ensureConstraints(
  db: Database,
  constraints: readonly Constraint[],
): Promise<string[]> {
  const existing = new Set(
    await db.read(
      async (tx) => {
        const result = await tx.run('SHOW CONSTRAINTS YIELD name RETURN name');
        return result.records.map((r) => r.get('name') as string);
      },
      { operation: 'migrate constraints' },
    ),
  );
  const missing = constraints.filter((c) => !existing.has(c.name));
  for (const c of missing) {
    await refuseDuplicates(db, c);
    await db.write((tx) => tx.run(c.statement), { operation: 'migrate constraints' });
  }
  return missing.map((c) => c.name);
}

/** Values stored twice stop a uniqueness constraint from being created. */
export class DuplicateValuesError extends Error {
  override name = 'DuplicateValuesError';
}

/**
 * Says which values stand in the way of a uniqueness constraint, in one sentence, before Neo4j
 * refuses it (its own message names neither the nodes nor the value).
 */
async function refuseDuplicates(db: Database, c: Constraint): Promise<void> {
  const rows = await db.read(
    async (tx) =>
      (
        await tx.run(
          `MATCH (n:${c.label}) WHERE n.${c.property} IS NOT NULL
           WITH n.${c.property} AS value, count(*) AS nodes WHERE nodes > 1
           RETURN toString(value) AS value, nodes ORDER BY nodes DESC, value LIMIT 4`,
        )
      ).records.map((r) => ({ value: r.get('value') as string, nodes: Number(r.get('nodes')) })),
    { operation: 'migrate constraints' },
  );
  if (rows.length === 0) return;
  const shown = rows
    .slice(0, 3)
    .map((r) => `${r.nodes} share ${JSON.stringify(r.value)}`)
    .join(', ');
  throw new DuplicateValuesError(
    `Cannot create the constraint ${c.name} (${c.property} unique per ${c.label}): ${c.label} nodes ` +
      `hold the same ${c.property}: ${shown}${rows.length > 3 ? ', and more' : ''}; give each its own ` +
      `${c.property} (or delete the copies) and run the migration again.`,
  );
}
