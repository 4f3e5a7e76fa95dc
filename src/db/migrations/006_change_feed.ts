/**
 * The change feed's order: every audit entry carries `seq`, the graph version its write raised
 * (modules/system/graph-version.ts). The version node is locked by that raise until the write
 * commits, so no two writes share a number and numbers follow commit order; the constraint makes
 * both checked, and is the index the feed pages by. Entries written before this migration have no
 * seq and are not in the feed.
 */
import type { Migration } from './migration';

export const migration: Migration = {
  id: '006_change_feed',
  description: 'audit entries numbered in commit order (the change feed)',
  statements: [
    'CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE',
  ],
};
