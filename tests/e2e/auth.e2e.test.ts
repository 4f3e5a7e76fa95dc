/**
 * Credentials over HTTP: API keys by role, JWTs (HS256) with issuer, audience and expiry, and
 * every forgery refused; writes need an editor, key administration an admin; anonymous reads can
 * be switched off. A walk over the schema proves every mutation is guarded.
 */
import { SignJWT, base64url } from 'jose';
import { getMetadataStorage } from 'type-graphql';
import { ApiKeyRepository } from '../../src/modules/auth/api-key.repository';
import { createOfflineSchema } from '../../src/schema';
import { startServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { useSeededApi } from '../support/api';
import { graphState, testConfig } from '../support/db';

const api = useSeededApi();

const CREATE = `mutation($i: CreateTopicInput!) { createTopic(input: $i) { slug evidence { assertedBy } } }`;
const codeOf = (res: { errors?: { extensions: Record<string, unknown> }[] }): unknown =>
  res.errors?.[0]?.extensions.code;

describe('API keys and roles', () => {
  it('refuses a write without credentials, changing nothing', async () => {
    const before = await graphState(api.db());
    const res = await api.gql(CREATE, { i: { name: 'Anonymous topic' } }, null);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(await graphState(api.db())).toEqual(before);
  });

  it('refuses a write by a reader, and lets an editor write under its own name', async () => {
    const reader = await api.gql(CREATE, { i: { name: 'Reader topic' } }, api.keys().reader);
    expect(codeOf(reader)).toBe('FORBIDDEN');
    const editor = await api.gql<{ createTopic: { evidence: { assertedBy: string }[] } }>(
      CREATE,
      { i: { name: 'Editor topic' } },
      api.keys().editor,
    );
    expect(editor.errors).toBeUndefined();
    expect(editor.data!.createTopic.evidence[0]!.assertedBy).toBe('key:test-editor');
  });

  it('lets only admins list API keys, never showing a key or its hash', async () => {
    const query = '{ apiKeys { name role prefix revokedAt } }';
    expect(codeOf(await api.gql(query, {}, api.keys().editor))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(query, {}, null))).toBe('UNAUTHENTICATED');
    const admin = await api.gql<{ apiKeys: { name: string; prefix: string }[] }>(
      query,
      {},
      api.keys().admin,
    );
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.apiKeys.map((k) => k.name)).toEqual(
      expect.arrayContaining(['test-reader', 'test-editor', 'test-admin']),
    );
    expect(JSON.stringify(admin.data)).not.toContain(api.keys().admin);
    const stored = await api.db().query('MATCH (k:ApiKey) RETURN k.hash AS h');
    for (const r of stored.records) expect(r.get('h')).toMatch(/^[0-9a-f]{64}$/);
  });

  // Keys made in one statement (or one millisecond) share createdAt; the store's order, which is
  // the order of writing, must not decide then.
  it('lists keys made at one instant in id order', async () => {
    await api.db().write(
      (tx) =>
        tx.run(
          `WITH datetime() AS now
           UNWIND ['zz-same-instant', 'aa-same-instant'] AS id
           CREATE (:ApiKey {id: id, name: id, role: 'reader', hash: id, prefix: 'cgk_x', createdAt: now, revokedAt: null})`,
        ),
      { operation: 'test.keysAtOneInstant', bookkeeping: true },
    );
    const res = await api.gql<{ apiKeys: { name: string }[] }>(
      '{ apiKeys { name } }',
      {},
      api.keys().admin,
    );
    const names = res.data!.apiKeys.map((k) => k.name).filter((n) => n.endsWith('-same-instant'));
    expect(names).toEqual(['aa-same-instant', 'zz-same-instant']);
  });

  it('refuses a forged or revoked key with 401, even for a read', async () => {
    const forged = await api.gql('{ __typename }', {}, 'cgk_' + 'A'.repeat(43));
    expect(forged.status).toBe(401);
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
    const repo = new ApiKeyRepository(api.db());
    const { id, key } = await repo.create('short-lived', 'editor');
    expect(await repo.revoke(id)).toBe(true);
    expect(codeOf(await api.gql('{ __typename }', {}, key))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql('{ __typename }', {}, 'Basic dXNlcjpwYXNz'))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('API key revocation', () => {
  it('takes effect on the next request on every instance sharing the database', async () => {
    const config = testConfig({ PORT: '0', HOST: '127.0.0.1', ANALYTICS_REFRESH_SECONDS: '0' });
    const a = await startServer(config, api.db(), createLogger('silent'));
    const b = await startServer(config, api.db(), createLogger('silent'));
    const ask = async (server: { port: number }, key: string): Promise<number> =>
      (
        await fetch(`http://127.0.0.1:${server.port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        })
      ).status;
    try {
      const repo = new ApiKeyRepository(api.db());
      const { id, key } = await repo.create('revoked-while-in-use', 'reader');
      // Both instances have seen (and could have cached) the key.
      expect([await ask(a, key), await ask(b, key), await ask(a, key)]).toEqual([200, 200, 200]);
      expect(await repo.revoke(id)).toBe(true);
      expect([await ask(b, key), await ask(a, key)]).toEqual([401, 401]);
      // Another key is untouched.
      expect(await ask(b, api.keys().reader)).toBe(200);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('JWT bearer tokens (HS256)', () => {
  const SECRET = 'a-test-secret-that-is-long-enough-1234567890';
  const env = {
    JWT_SECRET: SECRET,
    JWT_ISSUER: 'https://issuer.example.org',
    JWT_AUDIENCE: 'cluster-graph',
  };
  const sign = (
    claims: Record<string, unknown>,
    options: { exp?: string; aud?: string; iss?: string; secret?: string; alg?: string } = {},
  ): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'HS256' })
      .setSubject('partner-1')
      .setIssuer(options.iss ?? env.JWT_ISSUER)
      .setAudience(options.aud ?? env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(new TextEncoder().encode(options.secret ?? SECRET));

  async function post(origin: string, token: string): Promise<{ status: number; code: unknown }> {
    const res = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: CREATE,
        variables: { i: { name: `JWT topic ${Math.random()}` } },
      }),
    });
    const body = (await res.json()) as { errors?: { extensions: Record<string, unknown> }[] };
    return { status: res.status, code: codeOf(body) ?? 'OK' };
  }

  it('accepts a valid editor token and refuses expired, wrong-audience, wrong-issuer, wrong-key, none and HS512 tokens', async () => {
    const server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ...env }),
      api.db(),
      createLogger('silent'),
    );
    const origin = `http://127.0.0.1:${server.port}`;
    try {
      expect((await post(origin, await sign({ role: 'editor' }))).code).toBe('OK');
      expect((await post(origin, await sign({ role: 'reader' }))).code).toBe('FORBIDDEN');
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const payload = base64url.encode(
        JSON.stringify({
          sub: 'x',
          role: 'admin',
          iss: env.JWT_ISSUER,
          aud: env.JWT_AUDIENCE,
          exp: Math.floor(Date.now() / 1000) + 300,
        }),
      );
      const refused = [
        await sign({ role: 'editor' }, { exp: '-1m' }),
        await sign({ role: 'editor' }, { aud: 'someone-else' }),
        await sign({ role: 'editor' }, { iss: 'https://evil.example.com' }),
        await sign({ role: 'editor' }, { secret: 'another-secret-that-is-long-enough-0987654321' }),
        await sign({ role: 'editor' }, { alg: 'HS512' }),
        await sign({ role: 'superuser' }),
        `${header}.${payload}.`,
      ];
      for (const token of refused)
        expect(await post(origin, token)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    } finally {
      await server.stop();
    }
  });

  it('refuses a token whose subject (the author of its writes) holds a bidirectional override', async () => {
    const server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ...env }),
      api.db(),
      createLogger('silent'),
    );
    try {
      const origin = `http://127.0.0.1:${server.port}`;
      const evil = await new SignJWT({ role: 'editor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('partner\u202Eexe.1')
        .setIssuer(env.JWT_ISSUER)
        .setAudience(env.JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(SECRET));
      expect(await post(origin, evil)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      expect(await post(origin, await sign({ role: 'editor' }))).toEqual({
        status: 200,
        code: 'OK',
      });
    } finally {
      await server.stop();
    }
  });

  it('refuses tokens that live longer than JWT_MAX_LIFETIME_SECONDS, or say not how long, with a sentence', async () => {
    const server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ...env, JWT_MAX_LIFETIME_SECONDS: '600' }),
      api.db(),
      createLogger('silent'),
    );
    const origin = `http://127.0.0.1:${server.port}`;
    const message = async (token: string): Promise<[number, string]> => {
      const res = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const body = (await res.json()) as { errors?: { message: string }[] };
      return [res.status, body.errors?.[0]?.message ?? 'OK'];
    };
    const noIat = await new SignJWT({ role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('partner-1')
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    try {
      expect(await message(await sign({ role: 'reader' }, { exp: '9m' }))).toEqual([200, 'OK']);
      const long = await message(await sign({ role: 'reader' }, { exp: '11m' }));
      expect(long[0]).toBe(401);
      expect(long[1]).toMatch(/600 s/);
      const unstamped = await message(noIat);
      expect(unstamped[0]).toBe(401);
      expect(unstamped[1]).toMatch(/iat/);
    } finally {
      await server.stop();
    }
    // The default allows a day: a token for a month is refused.
    const byDefault = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ...env }),
      api.db(),
      createLogger('silent'),
    );
    try {
      const month = await sign({ role: 'editor' }, { exp: '30d' });
      expect(await post(`http://127.0.0.1:${byDefault.port}`, month)).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    } finally {
      await byDefault.stop();
    }
  });
});

describe('anonymous reads switched off', () => {
  it('refuses anonymous queries and exports with 401 and serves a reader key', async () => {
    const server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ALLOW_ANONYMOUS_READS: 'false' }),
      api.db(),
      createLogger('silent'),
    );
    const origin = `http://127.0.0.1:${server.port}`;
    try {
      const query = (headers: Record<string, string>): Promise<Response> =>
        fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ organisations(first: 1) { totalCount } }' }),
        });
      expect((await query({})).status).toBe(401);
      expect((await query({ authorization: `Bearer ${api.keys().reader}` })).status).toBe(200);
      expect((await fetch(`${origin}/export/nodes.csv`)).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

describe('the schema', () => {
  it('guards every mutation with a role, and keeps every query public but the admin ones', async () => {
    const schema = await createOfflineSchema();
    const storage = getMetadataStorage();
    // Schema field name -> the roles its resolver method is guarded with (by class and method).
    const rolesOf = (kind: 'mutations' | 'queries'): Map<string, string[] | undefined> =>
      new Map(
        storage[kind].map((m) => [
          m.schemaName,
          storage.authorizedFields.find(
            (a) => a.target === m.target && a.fieldName === m.methodName,
          )?.roles as string[] | undefined,
        ]),
      );
    const mutationRoles = rolesOf('mutations');
    const queryRoles = rolesOf('queries');
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(30);
    const ADMIN_MUTATIONS = [
      'createWebhook',
      'disableWebhook',
      'enableWebhook',
      'rotateWebhookSecret',
      'deleteWebhook',
    ];
    for (const name of mutations)
      expect([name, mutationRoles.get(name)]).toEqual([
        name,
        ADMIN_MUTATIONS.includes(name) ? ['admin'] : ['editor'],
      ]);
    const ADMIN_QUERIES = ['apiKeys', 'auditLog', 'auditEntries', 'webhooks'];
    // Partners' reads: the change feed with any credentials, an import's progress for editors.
    const CREDENTIAL_QUERIES: Record<string, string[]> = { changes: [], importJob: ['editor'] };
    for (const name of Object.keys(schema.getQueryType()!.getFields()))
      expect([name, queryRoles.get(name)]).toEqual([
        name,
        ADMIN_QUERIES.includes(name) ? ['admin'] : CREDENTIAL_QUERIES[name],
      ]);
  });
});

describe('audit', () => {
  type Entry = {
    who: string;
    operation: string;
    graphqlOperation: string;
    input: string;
    ids: string[];
    changes: string;
  };
  const LOG = '{ auditLog(first: 5) { who operation graphqlOperation input ids changes } }';

  it('records a write with who, what, which ids and what changed, in the same transaction', async () => {
    const created = await api.gql<{ createTopic: { slug: string } }>(
      'mutation($i: CreateTopicInput!) { createTopic(input: $i) { id slug } }',
      { i: { name: 'Audited topic' } },
    );
    expect(created.errors).toBeUndefined();
    const log = await api.gql<{ auditLog: Entry[] }>(LOG, {}, api.keys().admin);
    expect(log.errors).toBeUndefined();
    const entry = log.data!.auditLog[0]!;
    expect(entry).toMatchObject({ who: 'key:test-editor', graphqlOperation: 'createTopic' });
    expect(entry.operation).toContain('Topic');
    expect(JSON.parse(entry.input)).toEqual({ i: { name: 'Audited topic' } });
    expect(entry.ids).toHaveLength(1);
    const uuid = Buffer.from(
      (created.data!.createTopic as unknown as { id: string }).id,
      'base64url',
    )
      .toString()
      .split(':')[1];
    expect(entry.ids[0]).toBe(uuid);
    expect(JSON.parse(entry.changes)).toMatchObject({ nodesCreated: expect.any(Number) });
  });

  it('records nothing for a refused write, and shows the log to admins only', async () => {
    const count = async (): Promise<number> =>
      Number(
        (await api.db().query('MATCH (a:AuditEntry) RETURN count(a) AS n')).records[0]!.get('n'),
      );
    const before = await count();
    const conflict = await api.gql(
      'mutation($i: CreateTopicInput!) { createTopic(input: $i) { id } }',
      { i: { name: 'Audited topic', slug: 'audited-topic' } },
    );
    expect(conflict.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const refused = await api.gql(
      'mutation($i: CreateTopicInput!) { createTopic(input: $i) { id } }',
      { i: { name: 'No key' } },
      null,
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
    expect((await api.gql(LOG, {}, api.keys().editor)).errors?.[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
  });
});
