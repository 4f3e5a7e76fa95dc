/**
 * The @neo4j/graphql peer of the HTTP benchmark: the Neo4j GraphQL Library serving PEER_TYPE_DEFS
 * (our graph model in its type definitions) with Apollo Server's standalone HTTP server, one
 * driver for the process. Started as a child by http.bench.ts.
 *
 * Env: NEO4J_URI, NEO4J_USER (default neo4j), NEO4J_PASSWORD, PORT (0: any free port),
 * PEER_MUTATIONS (true: the generated mutations too, for the import benchmark). Prints
 * `PEER_READY http://127.0.0.1:<port>/graphql` when listening; SIGTERM or SIGINT drain HTTP,
 * stop Apollo and close the driver.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { BENCH_TRANSACTION_TIMEOUT_MS } from './statements';
import { PEER_TYPE_DEFS } from './peer';

/**
 * Round trips: the driver handed to the library counts every statement its transactions run;
 * every answer carries the running total in `x-neo4j-statements` for the harness to read.
 */
let statements = 0;

function countingTransaction<T extends { run: (...args: never[]) => unknown }>(tx: T): T {
  const wrapped = Object.create(tx) as T;
  wrapped.run = ((...args: never[]) => {
    statements += 1;
    return tx.run(...args);
  }) as T['run'];
  return wrapped;
}

function countingDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session')
        return (...args: Parameters<Driver['session']>) => {
          const session = target.session(...args);
          const read = session.executeRead.bind(session);
          const write = session.executeWrite.bind(session);
          session.executeRead = (work, config) =>
            read((tx) => work(countingTransaction(tx)), config);
          session.executeWrite = (work, config) =>
            write((tx) => work(countingTransaction(tx)), config);
          return session;
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

async function start(driver: Driver, port: number): Promise<{ server: ApolloServer; url: string }> {
  // Not library.checkNeo4jCompat(): it insists on APOC functions that only @authorization rules
  // and date formatting use, and the benchmark's Neo4j has no APOC (nor do these type definitions
  // need it).
  await driver.verifyConnectivity();
  // PEER_MUTATIONS=true (the import benchmark): the library's generated create/update mutations too.
  const typeDefs =
    process.env.PEER_MUTATIONS === 'true'
      ? PEER_TYPE_DEFS.replace('extend schema @mutation(operations: [])', '')
      : PEER_TYPE_DEFS;
  const library = new Neo4jGraphQL({ typeDefs, driver: countingDriver(driver) });
  const server = new ApolloServer({
    schema: await library.getSchema(),
    plugins: [
      {
        requestDidStart: async () => ({
          willSendResponse: async ({ response }) => {
            response.http.headers.set('x-neo4j-statements', String(statements));
          },
        }),
      },
    ],
    // Shutdown is ours (below): the driver must close after Apollo has drained.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port },
    // Our API's read timeout: a request the load generator gave up on stops in Neo4j too,
    // instead of running for minutes under the next measurement.
    context: async () => ({ transaction: { timeout: BENCH_TRANSACTION_TIMEOUT_MS } }),
  });
  return { server, url };
}

async function main(): Promise<void> {
  const { NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT } = process.env;
  if (!NEO4J_URI || !NEO4J_PASSWORD) throw new Error('NEO4J_URI and NEO4J_PASSWORD are required');
  const port = Number(PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0 to 65535, got ${PORT}`);

  const driver = neo4j.driver(NEO4J_URI, neo4j.auth.basic(NEO4J_USER ?? 'neo4j', NEO4J_PASSWORD));
  const { server, url } = await start(driver, port).catch(async (error: unknown) => {
    // An open driver would keep a failed process alive.
    await driver.close();
    throw error;
  });

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await driver.close();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      stop().catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      });
    });

  // The standalone server answers on every path; /graphql is what the harness posts to.
  console.log(`PEER_READY ${new URL('/graphql', url).href}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
