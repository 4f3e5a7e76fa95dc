/**
 * Opens the test database of global-setup. Refuses any other database: the marker
 * CLUSTER_GRAPH_TEST_DB must name the same URI, so a stray NEO4J_URI from a developer's .env
 * can never be wiped by a test.
 */
import 'reflect-metadata';
import { loadConfig, type Config } from '../../src/config';
import { Database } from '../../src/db/database';
import { installWriteHooks } from '../../src/modules/system/write-hooks';

export function testConfig(overrides: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({ ...process.env, ...overrides });
}

export function openTestDatabase(): Database {
  const config = testConfig();
  const marker = process.env.CLUSTER_GRAPH_TEST_DB;
  if (!config.neo4j.uri || marker !== config.neo4j.uri) {
    throw new Error('refusing to open a database that the test harness did not set up');
  }
  // The writes of tests raise the graph version as every other writer's do.
  return installWriteHooks(new Database({ ...config.neo4j, uri: config.neo4j.uri }));
}

/** Removes nodes carrying the given label (each suite labels what it writes). */
export async function removeLabelled(db: Database, label: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(label)) throw new Error(`not a label: ${label}`);
  await db.write((tx) => tx.run(`MATCH (n:\`${label}\`) DETACH DELETE n`));
}

/** Deletes every node but the migration ledger and the change counter: a clean graph. */
export async function clearGraph(db: Database): Promise<void> {
  await db.write((tx) =>
    tx.run('MATCH (n) WHERE NOT n:Migration AND NOT n:GraphMeta DETACH DELETE n'),
  );
}

export interface GraphState {
  labels: Record<string, number>;
  types: Record<string, number>;
  /** Every node's labels and properties and every relationship's ends, type and properties. */
  fingerprint: string;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    // Temporal values print as ISO text; other objects by their sorted fields.
    const text = String(value);
    if (text !== '[object Object]') return JSON.stringify(text);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Counts per label and relationship type, and a fingerprint of all content. The change counter
 * and the audit log are bookkeeping about the graph, not content (the audit has its own tests:
 * a refused write leaves no entry).
 */
export async function graphState(db: Database): Promise<GraphState> {
  return db.read(async (tx) => {
    const labels = await tx.run(
      `MATCH (n) WHERE NOT n:GraphMeta AND NOT n:AuditEntry UNWIND labels(n) AS l RETURN l, count(*) AS c`,
    );
    const types = await tx.run('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c');
    const nodes = await tx.run(
      'MATCH (n) WHERE NOT n:GraphMeta AND NOT n:AuditEntry RETURN labels(n) AS labels, properties(n) AS props',
    );
    const rels = await tx.run(
      'MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS t, elementId(b) AS b, properties(r) AS props',
    );
    const count = (result: typeof labels, key: string): Record<string, number> =>
      Object.fromEntries(result.records.map((r) => [r.get(key) as string, Number(r.get('c'))]));
    const lines = [
      ...nodes.records.map((r) => stable([r.get('labels'), r.get('props')])),
      ...rels.records.map((r) => stable([r.get('a'), r.get('t'), r.get('b'), r.get('props')])),
    ].sort();
    return { labels: count(labels, 'l'), types: count(types, 't'), fingerprint: lines.join('\n') };
  });
}

/**
 * Registers beforeAll/afterAll hooks that give a suite a freshly seeded graph and clear it
 * afterwards. Returns a getter, since the database opens only when the suite starts.
 */
export function useSeededGraph(): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = openTestDatabase();
    await clearGraph(db);
    // Loaded lazily: the loader pulls in the seed planner, which unit tiers do not need.
    const { loadSeeds } = await import('../../src/seed/load');
    await loadSeeds(db);
  });
  afterAll(async () => {
    if (!db) return;
    await clearGraph(db);
    await db.close();
  });
  return () => {
    if (!db) throw new Error('the seeded graph is only available inside tests');
    return db;
  };
}
