/**
 * State shared by global setup and teardown. Jest documents globalThis as the way the two pass
 * values, so the record lives there rather than in module scope.
 */
import type { LocalNeo4j } from '../../src/db/local-neo4j';

interface HarnessState {
  /** Set by the first global setup of a run: the tiers on the database share one Neo4j. */
  started?: boolean;
  neo4j?: LocalNeo4j;
  dataDir?: string;
}

const holder = globalThis as typeof globalThis & { __clusterGraphHarness?: HarnessState };
export const harness: HarnessState = (holder.__clusterGraphHarness ??= {});
