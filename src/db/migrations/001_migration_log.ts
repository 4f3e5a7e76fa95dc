/** The ledger of applied migrations: one (:Migration) node per migration id. */
import type { Migration } from './migration';

export const migration: Migration = {
  id: '001_migration_log',
  description: 'unique ids for the migration ledger',
  statements: [
    'CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE',
  ],
};
