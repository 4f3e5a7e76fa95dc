/**
 * Process entry of `npm start`: load config, start the local Neo4j when NEO4J_URI is unset,
 * verify the database, migrate, seed an empty graph, serve; on SIGINT/SIGTERM drain requests,
 * close the driver and stop the local Neo4j. Known start-up failures end in one sentence and
 * exit code 1, without a stack trace.
 *
 * A local Neo4j that exits unasked (killed, crashed, out of memory) is started again on the
 * same port and data, after 1, 2, 4 ... 30 s; the driver reconnects by itself meanwhile and
 * requests answer DATABASE_UNAVAILABLE. After NEO4J_LOCAL_RESTARTS restarts within ten
 * minutes the API stops and exits with code 1, for its own supervisor to act.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { Database, DatabaseConfigError } from './db/database';
import { LocalNeo4jError, startLocalNeo4j, type LocalNeo4j } from './db/local-neo4j';
import { migrate } from './db/migrations';
import { PortInUseError, startServer, type RunningServer } from './server';
import { createLogger, type Logger } from './shared/logger';
import { seedIfEmpty } from './seed/seed-on-start';
import { installWriteHooks } from './modules/system/write-hooks';
import { RateLimitStoreError } from './shared/rate-limit';

const EXPECTED = [
  ConfigError,
  LocalNeo4jError,
  DatabaseConfigError,
  PortInUseError,
  RateLimitStoreError,
];

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    return fail(error);
  }
  const logger = createLogger(config.logLevel);

  let local: LocalNeo4j | undefined;
  let db: Database | undefined;
  let server: RunningServer | undefined;
  let shuttingDown: Promise<void> | undefined;

  const shutdown = (reason: string): Promise<void> => {
    shuttingDown ??= (async () => {
      const started = Date.now();
      logger.info({ reason }, 'shutting down');
      await server
        ?.stop()
        .catch((e: unknown) => logger.error({ err: e }, 'HTTP server stop failed'));
      logger.info({ ms: Date.now() - started }, 'HTTP server stopped');
      await db?.close().catch((e: unknown) => logger.error({ err: e }, 'driver close failed'));
      await local
        ?.stop()
        .catch((e: unknown) => logger.error({ err: e }, 'local Neo4j stop failed'));
      logger.info({ ms: Date.now() - started }, 'stopped');
    })();
    return shuttingDown;
  };
  /** A signal during start-up: shutdown ran with what existed then; stop what started since. */
  const stopWhatStarted = async (): Promise<void> => {
    await shuttingDown;
    await db?.close().catch(() => undefined);
    await local?.stop().catch((e: unknown) => logger.error({ err: e }, 'local Neo4j stop failed'));
  };
  // A terminal's Ctrl-C reaches npm and node both, and npm forwards it again: a repeated signal
  // is noted, not obeyed (the grace period bounds the shutdown already).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (shuttingDown) logger.info({ signal }, 'already shutting down');
      void shutdown(signal);
    });
  }

  /** Restart times within the window, oldest first. */
  const restarts: number[] = [];
  const RESTART_WINDOW_MS = 10 * 60_000;
  const supervise = (neo4j: LocalNeo4j): void => {
    void neo4j.exited.then(async ({ code, signal, stopped }) => {
      if (stopped || shuttingDown) return;
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= config.localRestarts) {
        logger.fatal(
          { code, signal, pid: neo4j.pid, restarts: restarts.length },
          'the local Neo4j exited and the restart budget is spent; stopping the API',
        );
        process.exitCode = 1;
        await shutdown('local Neo4j lost');
        return;
      }
      const delayMs = Math.min(1_000 * 2 ** restarts.length, 30_000);
      restarts.push(now);
      logger.error(
        { code, signal, pid: neo4j.pid, restart: restarts.length, delayMs },
        'the local Neo4j exited unexpectedly; restarting it',
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (shuttingDown) return;
      try {
        local = await startLocalNeo4j(localOptions);
        logger.info({ startMs: local.startMs, pid: local.pid }, 'local Neo4j restarted');
        supervise(local);
      } catch (error) {
        logger.error({ err: error }, 'the local Neo4j could not be restarted');
        // Counted as another exit: the next attempt waits longer, or the budget ends it.
        supervise({
          ...neo4j,
          exited: Promise.resolve({ code: null, signal: null, stopped: false }),
        });
      }
    });
  };
  const localOptions = {
    ...config.local,
    password: config.neo4j.password,
    log: (line: string) => logger.debug({ neo4j: line }),
  };

  try {
    let uri = config.neo4j.uri;
    if (uri === undefined) {
      logger.info(
        { dataDir: config.local.dataDir, port: config.local.boltPort },
        'starting the local Neo4j',
      );
      local = await startLocalNeo4j(localOptions);
      logger.info(
        { uri: local.uri, version: local.version, startMs: local.startMs, pid: local.pid },
        'local Neo4j is ready',
      );
      uri = local.uri;
      supervise(local);
    }
    if (shuttingDown) return await stopWhatStarted();
    // Migrations and seeds raise the graph version as the API's writes do.
    db = installWriteHooks(new Database({ ...config.neo4j, uri }));
    await db.verify();
    const migrations = await migrate(db);
    logger.info(migrations, 'migrations');
    if (config.seedOnStart) await seedIfEmpty(db, logger);
    if (shuttingDown) return await stopWhatStarted();
    server = await startServer(config, db, logger);
    logger.info({ url: server.url }, `Cluster Graph API ready at ${server.url}`);
  } catch (error) {
    // A signal during start-up closes what start-up is using; that is not a failure.
    if (shuttingDown) return await stopWhatStarted();
    await shutdown('start-up failed');
    fail(error, logger);
  }
}

function fail(error: unknown, logger?: Logger): void {
  process.exitCode = 1;
  if (EXPECTED.some((cls) => error instanceof cls)) {
    process.stderr.write(`cluster-graph: ${(error as Error).message}\n`);
    return;
  }
  logger?.error({ err: error }, 'start-up failed');
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`cluster-graph: start-up failed: ${message}\n`);
}

void main();
