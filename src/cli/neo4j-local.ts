/**
 * `npm run neo4j:local`: runs the local Neo4j alone (same settings as `npm start`) until
 * Ctrl-C, for tools such as cypher-shell or Neo4j Browser's desktop app.
 */
import { ConfigError, loadConfig } from '../config';
import { LocalNeo4jError, startLocalNeo4j } from '../db/local-neo4j';

async function main(): Promise<void> {
  try {
    const config = loadConfig();
    const neo4j = await startLocalNeo4j({ ...config.local, password: config.neo4j.password });
    process.stdout.write(
      `Neo4j ${neo4j.version} at ${neo4j.uri} (user ${config.neo4j.user}), data in ${config.local.dataDir}; Ctrl-C stops it.\n`,
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void neo4j.stop());
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof LocalNeo4jError)) throw error;
    process.stderr.write(`neo4j:local: ${error.message}\n`);
    process.exitCode = 1;
  }
}

void main();
