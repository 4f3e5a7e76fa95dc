/**
 * Opens the test database of global-setup. Refuses any other database: the marker
 * CLUSTER_GRAPH_TEST_DB must name the same URI, so a stray NEO4J_URI from a developer's .env
 * can never be wiped by a test.
 */
import 'reflect-metadata';
import { loadConfig, type Config } from '../../src/config';
import { Database } from '../../src/db/database';

export function testConfig(overrides: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({ ...process.env, ...overrides });
}

export function openTestDatabase(): Database {
  const config = testConfig();
  const marker = process.env.CLUSTER_GRAPH_TEST_DB;
  if (!config.neo4j.uri || marker !== config.neo4j.uri) {
    throw new Error('refusing to open a database that the test harness did not set up');
  }
  return new Database({ ...config.neo4j, uri: config.neo4j.uri });
}

/** Removes nodes carrying the given label (each suite labels what it writes). */
export async function removeLabelled(db: Database, label: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(label)) throw new Error(`not a label: ${label}`);
  await db.write((tx) => tx.run(`MATCH (n:\`${label}\`) DETACH DELETE n`));
}
