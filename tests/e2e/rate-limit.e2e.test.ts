/**
 * Rate limits: one budget per API key for callers with credentials, one per address for the
 * rest, 429 with Retry-After above either; counters shared through Redis by several instances,
 * and a Redis outage never takes the API down.
 */
import { startServer, type RunningServer } from '../../src/server';
import { RateLimitStoreError } from '../../src/shared/rate-limit';
import { createLogger } from '../../src/shared/logger';
import { freePort } from '../../src/db/local-neo4j';
import { useSeededApi } from '../support/api';
import { testConfig } from '../support/db';
import { startRedis, type TestRedis } from '../support/redis';

const api = useSeededApi();

interface Answer {
  status: number;
  retryAfter: string | null;
  code: unknown;
}

async function ask(
  origin: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const json = (await res.json()) as { errors?: { extensions: { code: unknown } }[] };
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    code: json.errors?.[0]?.extensions.code,
  };
}

async function server(env: Record<string, string>): Promise<RunningServer> {
  return startServer(
    testConfig({ PORT: '0', HOST: '127.0.0.1', ANALYTICS_REFRESH_SECONDS: '0', ...env }),
    api.db(),
    createLogger('silent'),
  );
}

const originOf = (s: RunningServer): string => `http://127.0.0.1:${s.port}`;

async function statuses(origin: string, times: number, token?: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push((await ask(origin, token)).status);
  return out;
}

describe('rate limits in memory', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await server({ RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_PER_KEY_PER_MINUTE: '3' });
  });
  afterAll(async () => s.stop());

  it('gives each API key its own budget, apart from the address budget', async () => {
    const origin = originOf(s);
    expect(await statuses(origin, 3)).toEqual([200, 200, 429]);
    // Same address, but credentials: the key's budget, not the spent address budget.
    expect(await statuses(origin, 4, api.keys().reader)).toEqual([200, 200, 200, 429]);
    expect(await statuses(origin, 4, api.keys().editor)).toEqual([200, 200, 200, 429]);
  });

  it('answers 429 with a coded error and the seconds to wait', async () => {
    const answer = await ask(originOf(s), api.keys().reader);
    expect(answer.status).toBe(429);
    expect(answer.code).toBe('RATE_LIMITED');
    const seconds = Number(answer.retryAfter);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it('counts refused credentials against the address', async () => {
    // The address budget is spent (first test), so a made-up key is turned away with 429.
    const answer = await ask(originOf(s), 'cgk_not-a-real-key-0000000000');
    expect(answer.status).toBe(429);
  });

  it('also limits exports', async () => {
    const res = await fetch(`${originOf(s)}/export/graph.gexf`);
    expect(res.status).toBe(429);
  });
});

describe('rate limits behind a reverse proxy (TRUST_PROXY)', () => {
  const from = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });
  const spend = async (origin: string, address: string, times: number): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < times; i++) out.push((await ask(origin, undefined, from(address))).status);
    return out;
  };

  it('ignores X-Forwarded-For by default: a client cannot pick its own bucket', async () => {
    const s = await server({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const origin = originOf(s);
      expect([
        (await ask(origin, undefined, from('198.51.100.1'))).status,
        (await ask(origin, undefined, from('198.51.100.2'))).status,
        (await ask(origin, undefined, from('198.51.100.3'))).status,
        (await ask(origin)).status,
      ]).toEqual([200, 200, 429, 429]);
    } finally {
      await s.stop();
    }
  });

  it.each(['loopback', '1', 'true', '127.0.0.1/8, 10.0.0.0/8'])(
    'with TRUST_PROXY=%s gives each client behind the proxy its own bucket',
    async (trust) => {
      const s = await server({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: trust });
      try {
        const origin = originOf(s);
        expect(await spend(origin, '198.51.100.7', 3)).toEqual([200, 200, 429]);
        expect(await spend(origin, '203.0.113.9', 3)).toEqual([200, 200, 429]);
        // The proxy's own address (no header) is one more client, not the sum of them.
        expect((await ask(origin)).status).toBe(200);
      } finally {
        await s.stop();
      }
    },
  );
});

describe('rate limits shared through Redis', () => {
  let redis: TestRedis;
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      RATE_LIMIT_PER_MINUTE: '2',
      RATE_LIMIT_PER_KEY_PER_MINUTE: '4',
      REDIS_URL: redis.url,
    };
    a = await server(env);
    b = await server(env);
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await redis.stop();
  });

  it('two instances spend one budget per key and per address', async () => {
    const key = api.keys().admin;
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((await ask(originOf(i % 2 ? b : a), key)).status);
    expect(seen).toEqual([200, 200, 200, 200, 429]);
    const anonymous = [
      (await ask(originOf(b))).status,
      (await ask(originOf(a))).status,
      (await ask(originOf(b))).status,
    ];
    expect(anonymous).toEqual([200, 200, 429]);
  });

  it('keeps answering while Redis is down (requests pass uncounted)', async () => {
    await redis.stop();
    const answers = await Promise.all([
      ask(originOf(a), api.keys().editor),
      ask(originOf(b), api.keys().editor),
    ]);
    expect(answers.map((x) => x.status)).toEqual([200, 200]);
  });

  it('refuses to start when REDIS_URL does not answer, in one sentence', async () => {
    const port = await freePort();
    const attempt = server({ RATE_LIMIT_PER_MINUTE: '10', REDIS_URL: `redis://127.0.0.1:${port}` });
    // Should it start after all, stop it so the failure stays the only outcome.
    attempt.then(
      (s) => s.stop(),
      () => undefined,
    );
    await expect(attempt).rejects.toBeInstanceOf(RateLimitStoreError);
    await expect(attempt).rejects.toThrow(
      /^Redis at 127\.0\.0\.1:\d+ \(REDIS_URL\) did not answer/,
    );
  });
});
