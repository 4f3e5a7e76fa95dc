/**
 * Persisted operations over HTTP: automatic persisted queries (a client sends a hash, then the
 * text once when the server does not know it), and trusted documents (a manifest registered at
 * start; with TRUSTED_DOCUMENTS_ONLY nothing else runs, and a refused text never reaches Neo4j).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useSeededApi, withServer as withServerOn } from '../support/api';

const api = useSeededApi();

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

interface Answer {
  status: number;
  json: {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
}

async function post(origin: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}

async function get(origin: string, params: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${origin}/graphql?${new URLSearchParams(params).toString()}`, {
    // A header that forces a CORS preflight: CSRF prevention refuses GETs without one.
    headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
  });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}

const withServer = <T>(env: Record<string, string>, use: (origin: string) => Promise<T>) =>
  withServerOn(api.db(), env, use);

const SITRA = 'query Sitra { entity(slug: "sitra", type: ORGANISATION) { name } }';
const PEOPLE = 'query People($n: Int) { people(first: $n) { totalCount } }';
const sitraAnswer = { entity: { name: 'Sitra' } };

function manifest(contents: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'trusted-')), 'manifest.json');
  writeFileSync(file, JSON.stringify(contents));
  return file;
}

describe('automatic persisted queries', () => {
  it('asks for the text of an unknown hash once, then answers the hash alone (POST and GET)', async () => {
    const text = `${SITRA} # apq ${Date.now()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(text) } };
    const unknown = await post(api.origin(), { extensions });
    expect(unknown.json.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(api.origin(), { query: text, extensions });
    expect(registered.json.data).toEqual(sitraAnswer);
    expect((await post(api.origin(), { extensions })).json.data).toEqual(sitraAnswer);
    const byGet = await get(api.origin(), { extensions: JSON.stringify(extensions) });
    expect(byGet.status).toBe(200);
    expect(byGet.json.data).toEqual(sitraAnswer);
  });

  it('refuses a hash that does not match the text sent with it', async () => {
    const answer = await post(api.origin(), {
      query: SITRA,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('something else') } },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.data).toBeUndefined();
  });
});

describe('trusted documents', () => {
  // Codegen's client preset writes { sha256: text }; Relay writes { id: text } with ids of its own.
  const file = () => manifest({ [sha256(SITRA)]: SITRA, 'people-v1': PEOPLE });

  it('runs registered operations by id, by APQ hash and as text, and nothing else', async () => {
    await withServer({ TRUSTED_DOCUMENTS: file() }, async (origin) => {
      expect((await post(origin, { documentId: 'people-v1', variables: { n: 1 } })).json).toEqual({
        data: { people: { totalCount: expect.any(Number) } },
      });
      expect((await post(origin, { documentId: sha256(SITRA) })).json.data).toEqual(sitraAnswer);
      const apq = { persistedQuery: { version: 1, sha256Hash: sha256(SITRA) } };
      expect((await post(origin, { extensions: apq })).json.data).toEqual(sitraAnswer);
      expect((await post(origin, { query: SITRA })).json.data).toEqual(sitraAnswer);
      const byGet = await get(origin, { documentId: 'people-v1' });
      expect(byGet.json.data).toEqual({
        people: { totalCount: expect.any(Number) },
      });

      const before = api.db().queryCount;
      const written = await post(origin, { query: '{ people(first: 100) { totalCount } }' });
      expect(written.status).toBe(400);
      expect(written.json).toEqual({
        errors: [
          {
            message: expect.stringMatching(/only the operations registered/),
            extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
          },
        ],
      });
      // Registering a new text through APQ is refused the same way.
      const other = '{ organisations(first: 1) { totalCount } }';
      const registering = await post(origin, {
        query: other,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } },
      });
      expect(registering.json.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      const unknown = await post(origin, { documentId: 'nope' });
      expect(unknown.status).toBe(400);
      expect(unknown.json.errors?.[0]).toEqual({
        message: 'No trusted document has the id "nope".',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      });
      expect(api.db().queryCount).toBe(before);
    });
  });

  it('with TRUSTED_DOCUMENTS_ONLY=false, runs registered ids and any text', async () => {
    await withServer({ TRUSTED_DOCUMENTS: file(), TRUSTED_DOCUMENTS_ONLY: 'false' }, async (o) => {
      expect((await post(o, { documentId: sha256(SITRA) })).json.data).toEqual(sitraAnswer);
      expect((await post(o, { query: '{ people(first: 1) { totalCount } }' })).status).toBe(200);
    });
  });

  it('finds a registered text by its APQ hash whatever ids the manifest uses', async () => {
    // Relay's ids are md5 hashes; codegen's client preset writes "sha256:<hex>".
    const relayish = manifest({
      '4a0c3e57c6c2b6b0b0bd8b5e0a1e4d9c': SITRA,
      [`sha256:${sha256(PEOPLE)}`]: PEOPLE,
    });
    await withServer({ TRUSTED_DOCUMENTS: relayish }, async (origin) => {
      const apq = { persistedQuery: { version: 1, sha256Hash: sha256(SITRA) } };
      expect((await post(origin, { extensions: apq })).json.data).toEqual(sitraAnswer);
      expect(
        (await post(origin, { documentId: `sha256:${sha256(PEOPLE)}`, variables: { n: 1 } })).json
          .data,
      ).toEqual({ people: { totalCount: expect.any(Number) } });
    });
  });

  it('refuses an unknown id in either mode, and an id sent with a text', async () => {
    for (const only of ['true', 'false'])
      await withServer({ TRUSTED_DOCUMENTS: file(), TRUSTED_DOCUMENTS_ONLY: only }, async (o) => {
        const unknown = await post(o, { documentId: 'nope' });
        expect(unknown.status).toBe(400);
        expect(unknown.json.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
        const both = await post(o, { documentId: 'people-v1', query: '{ __typename }' });
        expect(both.status).toBe(400);
        expect(both.json.errors?.[0]).toEqual({
          message: 'Send an operation either by documentId or as query text, not both.',
          extensions: { code: 'BAD_REQUEST' },
        });
        const numeric = await post(o, { documentId: 7 });
        expect(numeric.json.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
      });
  });

  it("reads Apollo's operation manifest format", async () => {
    const apollo = manifest({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: 'abc', name: 'Sitra', type: 'query', body: SITRA }],
    });
    await withServer({ TRUSTED_DOCUMENTS: apollo }, async (origin) => {
      expect((await post(origin, { documentId: 'abc' })).json.data).toEqual(sitraAnswer);
    });
  });

  it('refuses to start with a manifest that does not fit the schema, naming the operation', async () => {
    const stale = manifest({
      old: '{ entity(slug: "sitra", type: ORGANISATION) { nameInFinnish } }',
    });
    await expect(withServer({ TRUSTED_DOCUMENTS: stale }, async () => undefined)).rejects.toThrow(
      /^TRUSTED_DOCUMENTS must be a manifest of operations valid against this schema; operation "old" is not: Cannot query field "nameInFinnish"/,
    );
    const named = manifest({
      old: 'query Old { entity(slug: "x", type: PERSON) { nameInFinnish } }',
    });
    await expect(withServer({ TRUSTED_DOCUMENTS: named }, async () => undefined)).rejects.toThrow(
      /operation "old" \(Old\) is not/,
    );
    await expect(
      withServer({ TRUSTED_DOCUMENTS: manifest({}) }, async () => undefined),
    ).rejects.toThrow(/^TRUSTED_DOCUMENTS must be a manifest of at least one operation/);
    const broken = manifest(['not', 'a', 'manifest']);
    await expect(withServer({ TRUSTED_DOCUMENTS: broken }, async () => undefined)).rejects.toThrow(
      /^TRUSTED_DOCUMENTS must be an object of id -> operation text/,
    );
  });
});
