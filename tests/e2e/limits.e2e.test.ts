/**
 * Limits and hardening over HTTP: operations over depth, alias, cost or token limits are refused
 * before any Neo4j query runs; bodies over the limit get 413; batching and CSRF-prone requests
 * are refused; the rate limit answers 429 with Retry-After; security headers, CORS allowlist,
 * introspection switch and Prometheus metrics.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/db/database';
import { useSeededApi, withServer as withServerOn } from '../support/api';

const api = useSeededApi();

async function post(
  body: unknown,
  origin = api.origin(),
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

type Err = { message: string; extensions: Record<string, unknown> };
const errorsOf = (json: Record<string, unknown>): Err[] => (json.errors as Err[] | undefined) ?? [];

/** Runs `send` and returns how many Neo4j statements it caused. */
async function statements(db: Database, send: () => Promise<unknown>): Promise<number> {
  const before = db.queryCount;
  await send();
  return db.queryCount - before;
}

const withServer = <T>(env: Record<string, string>, use: (origin: string) => Promise<T>) =>
  withServerOn(api.db(), env, use);

describe('operation limits', () => {
  it('refuses a 30-level query before any Neo4j query runs', async () => {
    // 30 levels: organisations > edges > node > (affiliations > organisation > ...) repeated.
    let deep = 'name';
    for (let i = 0; i < 10; i++)
      deep = `affiliations { organisation { collaborators { entity { ... on Person { ${deep} } } } } }`;
    const query = `{ people(first: 1) { edges { node { ${deep} } } } }`;
    let res!: Awaited<ReturnType<typeof post>>;
    const sent = await statements(api.db(), async () => {
      res = await post({ query });
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res.json)[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'depth',
      limit: 12,
    });
    expect(errorsOf(res.json)[0]!.extensions.measured).toBeGreaterThanOrEqual(30);
    expect(sent).toBe(0);
  });

  it('refuses 500 aliases before any Neo4j query runs', async () => {
    const fields = Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ');
    let res!: Awaited<ReturnType<typeof post>>;
    const sent = await statements(api.db(), async () => {
      res = await post({ query: `{ ${fields} }` });
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res.json)[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'alias count',
      measured: 500,
    });
    expect(sent).toBe(0);
  });

  it('prices list fields by first: 100 organisations x 100 invitations each is refused, one page is not', async () => {
    const heavy =
      '{ organisations(first: 100) { edges { node { invitationsSent(first: 100) { edges { node { date invitees { name } target { name } } } } } } } }';
    const res = await post({ query: heavy });
    expect(res.status).toBe(400);
    expect(errorsOf(res.json)[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'cost',
    });
    const light = await post({
      query: '{ organisations(first: 100) { edges { node { name } } } }',
    });
    expect(light.status).toBe(200);
    expect(errorsOf(light.json)).toEqual([]);
  });

  it('prices the same query anew for other variables (measures are remembered per variables)', async () => {
    const query =
      'query($orgs: Int, $each: Int) { organisations(first: $orgs) { edges { node { invitationsSent(first: $each) { edges { node { date invitees { name } } } } } } } }';
    const light = { orgs: 2, each: 2 };
    const heavy = { orgs: 100, each: 100 };
    for (const round of [1, 2]) {
      const ok = await post({ query, variables: light });
      expect([round, ok.status, errorsOf(ok.json)]).toEqual([round, 200, []]);
      const refused = await post({ query, variables: heavy });
      expect([round, refused.status]).toEqual([round, 400]);
      expect(errorsOf(refused.json)[0]!.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        measure: 'cost',
      });
    }
  });

  it('refuses a document of more than 5,000 tokens at parse time', async () => {
    const query = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const res = await post({ query });
    expect(res.status).toBe(400);
    expect(errorsOf(res.json)[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it.each([
    [
      'list types',
      (n: number) =>
        `{ search(query: "a", types: ${'['.repeat(n)}PERSON${']'.repeat(n)}) { matched } }`,
    ],
    [
      'input objects',
      (n: number) =>
        `{ search(query: "a", types: ${'{ a: '.repeat(n)}1${' }'.repeat(n)}) { matched } }`,
    ],
  ])(
    'refuses %s nested thousands deep within the token limit, in a sentence',
    async (_what, nest) => {
      const res = await post({ query: nest(2000) });
      expect(res.status).toBe(400);
      const [error] = errorsOf(res.json);
      expect(error!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      // The engine's "Maximum call stack size exceeded" says nothing a client can act on.
      expect(error!.message).not.toMatch(/call stack/i);
      expect(error!.message).toMatch(/nest/);
    },
  );

  it('answers 413 to a body over 256 KiB, in the GraphQL error shape', async () => {
    const res = await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
    expect(errorsOf(res.json)[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses batched operations and bodies that are not JSON', async () => {
    const batch = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    expect(errorsOf(broken.json)[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a GET without a preflight-forcing header (CSRF prevention)', async () => {
    const res = await fetch(
      `${api.origin()}/graphql?query=${encodeURIComponent('{ __typename }')}`,
    );
    expect(res.status).toBe(400);
    const ok = await fetch(
      `${api.origin()}/graphql?query=${encodeURIComponent('{ __typename }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(ok.status).toBe(200);
  });
});

describe('hardening', () => {
  it('sends security headers and no x-powered-by', async () => {
    const res = await post({ query: '{ __typename }' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('allows cross-origin calls only from the configured origins', async () => {
    await withServer({ CORS_ORIGINS: 'https://app.example.org' }, async (origin) => {
      const preflight = (from: string): Promise<Response> =>
        fetch(`${origin}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin: from,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      expect(
        (await preflight('https://app.example.org')).headers.get('access-control-allow-origin'),
      ).toBe('https://app.example.org');
      expect(
        (await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'),
      ).toBeNull();
    });
  });

  it('answers the standard introspection query, every option on, with the whole schema', async () => {
    // What GraphiQL, codegen, IDE plugins and get-graphql-schema send: depth 15, refused as
    // "depth 15, above the limit of 12" while introspection was measured like the graph.
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    const res = await post({ query, operationName: 'IntrospectionQuery' });
    expect(res.json.errors).toBeUndefined();
    expect(res.status).toBe(200);
    const served = buildClientSchema(res.json.data as IntrospectionQuery);
    // schema/schema.graphql is the code's schema (tests/unit/schema.test.ts checks it).
    const sdl = readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(`${printSchema(lexicographicSortSchema(served))}\n`).toBe(
      sdl.slice(sdl.indexOf('\n\n') + 2),
    );
  });

  it('bounds introspection by a depth of its own', async () => {
    const chain = (n: number): string => (n === 0 ? 'name' : `kind ofType { ${chain(n - 1)} }`);
    const res = await post({ query: `{ __type(name: "Query") { ${chain(30)} } }` });
    expect(res.status).toBe(400);
    expect(errorsOf(res.json)[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'introspection depth',
      limit: 20,
      measured: 32,
    });
    // The cyclic lists are graphql's MaxIntrospectionDepthRule's: three levels at most.
    const cyclic = await post({
      query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    });
    expect(cyclic.status).toBe(400);
    expect(errorsOf(cyclic.json)[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses many __schema or __type fields in one operation (an 8 MB answer to 14 KB)', async () => {
    const full = getIntrospectionQuery({ descriptions: true });
    const body = full.slice(
      full.indexOf('__schema'),
      full.lastIndexOf('}', full.indexOf('fragment')),
    );
    const fragments = full.slice(full.indexOf('fragment'));
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: ${body}`).join('\n');
    const before = api.db().queryCount;
    const many = await post({ query: `query { ${aliases} }\n${fragments}` });
    expect(many.status).toBe(400);
    expect(errorsOf(many.json)[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'count of __schema fields',
      limit: 1,
      measured: 30,
    });
    const types = Array.from({ length: 11 }, (_, i) => `t${i}: __type(name: "Query") { name }`);
    const eleven = await post({ query: `{ ${types.join(' ')} }` });
    expect(errorsOf(eleven.json)[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'count of __schema and __type fields',
      limit: 10,
      measured: 11,
    });
    expect(api.db().queryCount).toBe(before);
    const ten = await post({ query: `{ ${types.slice(1).join(' ')} }` });
    expect(ten.status).toBe(200);
  });

  it('turns introspection off when configured, and "did you mean" hints with it', async () => {
    const typo = { query: '{ organisatons(first: 1) { totalCount } }' };
    const hinted = await post(typo);
    expect(errorsOf(hinted.json)[0]!.message).toMatch(/Did you mean "organisations"/);
    await withServer({ GRAPHQL_INTROSPECTION: 'false' }, async (origin) => {
      const res = await post({ query: '{ __schema { types { name } } }' }, origin);
      expect(res.status).toBe(400);
      expect(errorsOf(res.json)[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const standard = await post({ query: getIntrospectionQuery() }, origin);
      expect(standard.status).toBe(400);
      expect(standard.json.data).toBeUndefined();
      expect(errorsOf(standard.json)[0]!.message).toMatch(/introspection is not allowed/i);
      // What a deployer can change, not Apollo's constructor option.
      expect(errorsOf(standard.json)[0]!.message).toMatch(/GRAPHQL_INTROSPECTION is off/);
      expect(errorsOf(standard.json)[0]!.message).not.toMatch(/ApolloServer/);
      const bare = await post(typo, origin);
      expect(bare.status).toBe(400);
      expect(errorsOf(bare.json)[0]!.message).toBe(
        'Cannot query field "organisatons" on type "Query".',
      );
    });
  });

  it('answers 429 with Retry-After above the rate limit', async () => {
    await withServer({ RATE_LIMIT_PER_MINUTE: '3' }, async (origin) => {
      const statuses: number[] = [];
      let last!: Awaited<ReturnType<typeof post>>;
      for (let i = 0; i < 4; i++) {
        last = await post({ query: '{ __typename }' }, origin);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(errorsOf(last.json)[0]!.extensions.code).toBe('RATE_LIMITED');
    });
  });
});

describe('GET /metrics', () => {
  it('counts requests, operations, errors by code and Neo4j time, in Prometheus text', async () => {
    // A scrape token, not an API key: checking it costs no Neo4j statement to count.
    const token = 'limits-metrics-token-0123456789abcdef';
    await withServer({ METRICS_TOKEN: token }, async (origin) => {
      const sent = await statements(api.db(), () =>
        post({ query: '{ organisations(first: 2) { totalCount } }' }, origin),
      );
      const fields = Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ');
      await post({ query: `{ ${fields} }` }, origin);
      const res = await fetch(`${origin}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toMatch(
        /http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*\} [1-9]/,
      );
      expect(text).toMatch(/graphql_operations_total\{type="query",outcome="ok"\} [1-9]/);
      expect(text).toMatch(/graphql_errors_total\{code="QUERY_TOO_COMPLEX"\} 1/);
      expect(text).toMatch(
        /neo4j_transaction_duration_seconds_count\{mode="read",outcome="ok"\} [1-9]/,
      );
      // Round trips: every statement the request sent, and nothing else.
      expect(sent).toBeGreaterThan(0);
      expect(text).toContain(`neo4j_statements_total ${sent}\n`);
      expect(text).toContain('process_resident_memory_bytes');
    });
  });
});
