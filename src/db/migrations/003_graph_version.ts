/**
 * The graph's change counter: one (:GraphMeta {id: 'graph'}) node whose `version` a write hook
 * (modules/system/graph-version.ts) raises in every write transaction that changed something. Caches of derived data (analytics
 * projections) compare it to know whether the graph changed, across every API instance.
 */
import type { Migration } from './migration';

export const migration: Migration = {
  id: '003_graph_version',
  description: 'the graph change counter (GraphMeta) read by the analytics cache',
  statements: [
    'CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.id IS UNIQUE',
  ],
};
