/**
 * Shared frame of the command-line tools: load config; when NEO4J_URI is unset, use the local
 * Neo4j that runs on the configured data directory (its connection file, written by the launcher
 * of `npm start` or `npm run neo4j:local`) or else start one; open the gateway, run the task,
 * and always close everything. Known failures print one sentence and set exit code 1.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from '../config';
import { Database, DatabaseConfigError } from '../db/database';
import { installWriteHooks } from '../modules/system/write-hooks';
import {
  BoltPortTakenError,
  connectionFile,
  findRunningLocalNeo4j,
  LocalNeo4jError,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../db/local-neo4j';
import { createLogger, type Logger } from '../shared/logger';

export class CliError extends Error {
  override name = 'CliError';
}

const EXPECTED = [ConfigError, LocalNeo4jError, DatabaseConfigError, CliError];

/**
 * Starts a local Neo4j for this command alone. Its port taken by something that wrote no
 * connection file (a Neo4j of the user's, an older API) is said with the variables to set.
 */
async function startOwnNeo4j(config: Config): Promise<LocalNeo4j> {
  try {
    return await startLocalNeo4j({ ...config.local, password: config.neo4j.password });
  } catch (error) {
    if (!(error instanceof BoltPortTakenError)) throw error;
    throw new CliError(
      `Port ${error.port} on 127.0.0.1 is already in use and no local Neo4j of this project runs with data in ${config.local.dataDir}: if it is a Neo4j of yours, set NEO4J_URI=bolt://127.0.0.1:${error.port} and NEO4J_PASSWORD (and NEO4J_USER if it is not neo4j); otherwise stop what uses the port or set NEO4J_LOCAL_BOLT_PORT to a free one.`,
    );
  }
}

export async function withDatabase(
  name: string,
  task: (db: Database, config: Config, logger: Logger) => Promise<void>,
): Promise<void> {
  let local: LocalNeo4j | undefined;
  let db: Database | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    let neo4j: { uri: string | undefined; user: string; password: string } = config.neo4j;
    if (neo4j.uri === undefined) {
      const running = await findRunningLocalNeo4j(config.local.dataDir);
      if (running) {
        neo4j = running;
        // stderr: stdout carries the command's own output (an API key).
        process.stderr.write(
          `${name}: using the local Neo4j at ${running.uri} that process ${running.ownerPid} started (from ${connectionFile(config.local.dataDir)}).\n`,
        );
      } else {
        local = await startOwnNeo4j(config);
        neo4j = { ...neo4j, uri: local.uri };
      }
    }
    // Seeds and generated graphs raise the graph version (a running API's caches see them).
    db = installWriteHooks(new Database({ ...config.neo4j, ...neo4j, uri: neo4j.uri! }));
    await db.verify();
    await task(db, config, logger);
  } catch (error) {
    process.exitCode = 1;
    const known = EXPECTED.some((cls) => error instanceof cls);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name}: ${known ? message : `failed: ${message.split('\n')[0]}`}\n`);
  } finally {
    await db?.close().catch(() => undefined);
    await local?.stop().catch(() => undefined);
  }
}
