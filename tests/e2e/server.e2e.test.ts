/** The HTTP server on a real port, over the real Neo4j: GraphQL, health probes, graceful stop. */
import http from 'node:http';
import { Database } from '../../src/db/database';
import { ApiKeyRepository } from '../../src/modules/auth/api-key.repository';
import { startServer, type RunningServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { openTestDatabase, testConfig } from '../support/db';

async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('HTTP server', () => {
  let db: Database;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    db = openTestDatabase();
    server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1' }),
      db,
      createLogger('silent'),
    );
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  it('answers { __typename }', async () => {
    const { status, json } = await post(`${base}/graphql`, { query: '{ __typename }' });
    expect(status).toBe(200);
    expect(json).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports the versions of the API and of the Neo4j it reads', async () => {
    const { json } = await post(`${base}/graphql`, {
      query: '{ version { api neo4j neo4jEdition } health { status database } }',
    });
    const data = json.data as {
      version: { api: string; neo4j: string; neo4jEdition: string };
      health: unknown;
    };
    expect(data.version.neo4j).toMatch(/^5\.26\./);
    expect(data.version.neo4jEdition).toBe('community');
    expect(data.version.api).toMatch(/^\d+\.\d+\.\d+/);
    expect(data.health).toEqual({ status: 'ok', database: true });
  });

  it('answers a malformed query with GRAPHQL_PARSE_FAILED and no stack trace', async () => {
    const { status, json } = await post(`${base}/graphql`, { query: '{ version { ' });
    expect(status).toBe(400);
    const [error] = json.errors as { extensions: Record<string, unknown> }[];
    expect(error?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error?.extensions.stacktrace).toBeUndefined();
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const { json } = await post(`${base}/graphql`, { query: '{ nothingHere }' });
    const [error] = json.errors as { extensions: Record<string, unknown> }[];
    expect(error?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves liveness and readiness probes', async () => {
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('answers 503 on /health/ready while Neo4j is unreachable', async () => {
    const deadDb = new Database({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'whatever1',
      database: 'neo4j',
    });
    const other = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1' }),
      deadDb,
      createLogger('silent'),
    );
    try {
      const ready = await fetch(`http://127.0.0.1:${other.port}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });
      // Like every 503 of the API: when to ask again.
      expect(Number(ready.headers.get('retry-after'))).toBeGreaterThan(0);
      const live = await fetch(`http://127.0.0.1:${other.port}/health/live`);
      expect(live.status).toBe(200);
    } finally {
      await other.stop();
      await deadDb.close();
    }
  });

  it('lets an in-flight request finish when stopped', async () => {
    const other = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1' }),
      db,
      createLogger('silent'),
    );
    // Open a request, then stop the server before its body is complete.
    const body = JSON.stringify({ query: '{ version { neo4j } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: other.port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        void other.stop();
        setTimeout(() => req.end(body.slice(10)), 200);
      }, 100);
    });
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      data: { version: { neo4j: expect.stringMatching(/^5\.26\./) } },
    });
  });
});

describe('GET /metrics is private', () => {
  let db: Database;
  const keys: Record<string, string> = {};
  const ids: string[] = [];
  const TOKEN = 'metrics-scrape-token-0123456789abcdef';

  beforeAll(async () => {
    db = openTestDatabase();
    const repo = new ApiKeyRepository(db);
    for (const role of ['reader', 'admin'] as const) {
      const { id, key } = await repo.create(`metrics-${role}`, role);
      keys[role] = key;
      ids.push(id);
    }
  });
  afterAll(async () => {
    await db.write((tx) => tx.run('MATCH (k:ApiKey) WHERE k.id IN $ids DELETE k', { ids }));
    await db.close();
  });

  async function scrape(
    env: Record<string, string>,
    credentials: (string | undefined)[],
  ): Promise<number[]> {
    const server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ANALYTICS_REFRESH_SECONDS: '0', ...env }),
      db,
      createLogger('silent'),
    );
    try {
      const statuses: number[] = [];
      for (const credential of credentials) {
        const res = await fetch(`http://127.0.0.1:${server.port}/metrics`, {
          headers: credential ? { authorization: `Bearer ${credential}` } : {},
        });
        const text = await res.text();
        if (res.status === 200) expect(text).toContain('process_resident_memory_bytes');
        else expect(text).not.toContain('process_resident_memory_bytes');
        statuses.push(res.status);
      }
      return statuses;
    } finally {
      await server.stop();
    }
  }

  it('answers only an admin credential by default', async () => {
    expect(
      await scrape({}, [undefined, keys.reader, 'cgk_' + 'A'.repeat(43), TOKEN, keys.admin]),
    ).toEqual([401, 403, 401, 401, 200]);
  });

  it('also answers the METRICS_TOKEN, and everyone with METRICS_PUBLIC=true', async () => {
    expect(await scrape({ METRICS_TOKEN: TOKEN }, [undefined, TOKEN, keys.admin])).toEqual([
      401, 200, 200,
    ]);
    expect(await scrape({ METRICS_PUBLIC: 'true' }, [undefined])).toEqual([200]);
  });

  it('counts scrapes against the rate limit', async () => {
    expect(
      await scrape({ METRICS_PUBLIC: 'true', RATE_LIMIT_PER_MINUTE: '2' }, [
        undefined,
        undefined,
        undefined,
      ]),
    ).toEqual([200, 200, 429]);
  });
});
