/**
 * Shared frame of the command-line tools: load config, start the local Neo4j when NEO4J_URI is
 * unset, open the gateway, run the task, and always close everything. Known failures print one
 * sentence and set exit code 1.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from '../config';
import { Database, DatabaseConfigError } from '../db/database';
import { LocalNeo4jError, startLocalNeo4j, type LocalNeo4j } from '../db/local-neo4j';
import { createLogger, type Logger } from '../shared/logger';

export class CliError extends Error {
  override name = 'CliError';
}

const EXPECTED = [ConfigError, LocalNeo4jError, DatabaseConfigError, CliError];

export async function withDatabase(
  name: string,
  task: (db: Database, config: Config, logger: Logger) => Promise<void>,
): Promise<void> {
  let local: LocalNeo4j | undefined;
  let db: Database | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    let uri = config.neo4j.uri;
    if (uri === undefined) {
      local = await startLocalNeo4j({ ...config.local, password: config.neo4j.password });
      uri = local.uri;
    }
    db = new Database({ ...config.neo4j, uri });
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
