/**
 * The floor under any API: a bare node:http server that answers POST /q/<name> by sending the
 * very statements our API sent for that query (recorded by the benchmark, parameters and all)
 * through neo4j-driver, one after the other as our API does (auto-commit reads, as our API
 * sends them), and returning the records as JSON. No GraphQL, no validation, no shaping: what is left is the driver and Neo4j.
 *
 * Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, STATEMENTS (a JSON file written by
 * http.bench.ts), PORT. Prints `RAW_READY <url>` when listening.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { BENCH_TRANSACTION_TIMEOUT_MS, decodeParams, type RecordedStatement } from './statements';

async function main(): Promise<void> {
  const env = process.env;
  const driver = neo4j.driver(
    env.NEO4J_URI!,
    neo4j.auth.basic(env.NEO4J_USER ?? 'neo4j', env.NEO4J_PASSWORD!),
    { disableLosslessIntegers: true },
  );
  const recorded = JSON.parse(readFileSync(env.STATEMENTS!, 'utf8')) as Record<
    string,
    RecordedStatement[]
  >;
  const plans = new Map(
    Object.entries(recorded).map(([name, statements]) => [
      name,
      statements.map((s) => ({ cypher: s.cypher, params: decodeParams(s.params) })),
    ]),
  );
  const server = http.createServer((req, res) => {
    const plan = plans.get((req.url ?? '').replace(/^\/q\//, ''));
    req.resume();
    if (req.method !== 'POST' || !plan) {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      try {
        const results: unknown[] = [];
        // Auto-commit statements, one session per request: the cheapest way the driver
        // offers to send a read (one network round trip each).
        const session = driver.session({
          database: 'neo4j',
          defaultAccessMode: neo4j.session.READ,
        });
        try {
          for (const { cypher, params } of plan) {
            const result = await session.run(cypher, params, {
              timeout: BENCH_TRANSACTION_TIMEOUT_MS,
            });
            results.push(result.records.map((r) => r.toObject()));
          }
        } finally {
          await session.close();
        }
        const body = JSON.stringify({ data: results });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      }
    })();
  });
  server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`RAW_READY http://127.0.0.1:${port}\n`);
  });
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void driver.close().then(() => process.exit(0));
  });
}

void main();
