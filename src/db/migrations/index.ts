/**
 * Applies the numbered migrations in order and records each in the ledger. Every statement is
 * idempotent, so running twice, or after a crash half-way, is safe; a migration already in the
 * ledger is skipped.
 */
import type { Database } from '../database';
import type { Migration } from './migration';
import { migration as m001 } from './001_migration_log';
import { migration as m002 } from './002_graph_model';
import { migration as m003 } from './003_graph_version';
import { migration as m004 } from './004_api_keys';
import { migration as m005 } from './005_verbatim_names';

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005];

export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const ids = migrations.map((m) => m.id);
  if (new Set(ids).size !== ids.length || ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) {
    throw new Error('migration ids must be unique and in ascending order');
  }
  const report: MigrationReport = { applied: [], skipped: [] };
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
  return report;
}
