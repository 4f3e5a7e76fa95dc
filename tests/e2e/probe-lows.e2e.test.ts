/**
 * Findings of the outside-in probe (issue 14), each fixed as a class, over HTTP on the seeded
 * real Neo4j: operation types the schema does not have are validation errors; no entity is
 * linked to itself or holds two roles of one interaction that must differ; query arguments
 * taking country codes are validated like writes; bounded export parameters say their range;
 * the Bearer scheme is case-insensitive and every 401 says how to authenticate.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SEED_DIR } from '../../src/seed/load';
import { planSeeds, SeedError } from '../../src/seed/plan';
import { startServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { useSeededApi } from '../support/api';
import { graphState, testConfig } from '../support/db';
import { assertGraphIntegrity, graphViolations } from '../support/integrity';
import { writeHelpers } from '../support/writes';

const api = useSeededApi();

afterEach(async () => {
  await assertGraphIntegrity(api.db());
});

const { idOf, failing } = writeHelpers(api);

async function post(
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  json: { errors?: { message: string; extensions: Record<string, unknown> }[] };
}> {
  const res = await fetch(`${api.origin()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as never };
}

describe('operation types the schema does not have', () => {
  it.each([
    ['subscription { x }', undefined],
    ['subscription { __typename }', undefined],
    ['subscription S { organisations { totalCount } }', 'S'],
    // Only operations of unknown types: whichever is chosen.
    ['subscription A { a } subscription B { b }', 'B'],
    // One of them in a document is enough to refuse the document, as any validation error.
    ['query Q { __typename } subscription S { x }', 'Q'],
  ])('POST %s answers 400 GRAPHQL_VALIDATION_FAILED', async (query, operationName) => {
    const { status, json } = await post({ query, operationName });
    expect(status).toBe(400);
    const [error] = json.errors!;
    expect(error!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error!.message).toMatch(/subscription/);
    expect(error!.message).toMatch(/quer(y|ies) and mutations/);
  });

  it('GET with a subscription answers 400 GRAPHQL_VALIDATION_FAILED too', async () => {
    const res = await fetch(
      `${api.origin()}/graphql?query=${encodeURIComponent('subscription { x }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(json.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('an entity linked to itself or in two roles that must differ', () => {
  const LINK = 'mutation($input: LinkInput!) { linkEntities(input: $input) }';

  it.each([
    ['COLLABORATES_WITH', 'ORGANISATION', 'sitra'],
    ['COLLABORATES_WITH', 'PERSON', 'elena-belova'],
    ['AFFILIATED_WITH', 'ORGANISATION', 'sitra'],
    ['PART_OF', 'ORGANISATION', 'sitra'],
    ['PART_OF', 'EVENT', 'wcef'],
    ['ABOUT', 'EVENT', 'wcef'],
  ])(
    'linkEntities %s from a %s to itself is refused naming input.to',
    async (type, label, slug) => {
      const id = await idOf(label, slug);
      const error = await failing(LINK, { input: { type, from: id, to: id } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.to' });
      expect(error.message).toMatch(/itself/);
    },
  );

  it('a self-link already in the graph is reported by the integrity rules and can be unlinked', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const uuid = Buffer.from(sitra, 'base64url').toString('utf8').split(':')[1]!;
    await api.db().write((tx) =>
      tx.run(
        `MATCH (o:Organisation {id: $uuid}), (e:Evidence) WITH o, e LIMIT 1
         CREATE (o)-[:COLLABORATES_WITH {evidenceIds: [e.id]}]->(o)`,
        { uuid },
      ),
    );
    expect((await graphViolations(api.db())).map((v) => v.rule)).toEqual([
      'relationship-to-itself',
    ]);
    const res = await api.gql(
      'mutation($a: ID!) { unlinkEntities(input: { type: COLLABORATES_WITH, from: $a, to: $a }) }',
      { a: sitra },
    );
    expect(res.errors).toBeUndefined();
  });

  const INVITE =
    'mutation($input: RecordInvitationInput!) { recordInvitation(input: $input) { id } }';

  async function invitation(): Promise<Record<string, unknown>> {
    return {
      summary: 'Elena Belova invited Sitra to WCEF.',
      inviter: await idOf('PERSON', 'elena-belova'),
      invitees: [await idOf('ORGANISATION', 'sitra')],
      target: await idOf('EVENT', 'wcef'),
    };
  }

  it('recordInvitation refuses an inviter who is also an invitee, naming the invitee', async () => {
    const input = await invitation();
    const error = await failing(INVITE, {
      input: { ...input, invitees: [...(input.invitees as string[]), input.inviter] },
    });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.invitees[1]',
    });
    expect(error.message).toMatch(/input\.inviter/);
  });

  it('recordInvitation refuses the other roles that must differ, and a party named twice', async () => {
    const input = await invitation();
    const sitra = await idOf('ORGANISATION', 'sitra');
    const leontief = await idOf('ORGANISATION', 'leontief-centre');
    const group = await idOf('ORGANISATION', 'cata3pult-circular-economy-expert-group');
    const cases: [Record<string, unknown>, string][] = [
      // An invitee invited to itself.
      [{ invitees: [group], target: group }, 'input.target'],
      // An organisation inviting on its own behalf.
      [{ inviter: leontief, onBehalfOf: leontief }, 'input.onBehalfOf'],
      // An invitee invited on its own behalf.
      [{ onBehalfOf: sitra }, 'input.onBehalfOf'],
      [{ invitees: [sitra, leontief, sitra] }, 'input.invitees[2]'],
    ];
    for (const [change, argument] of cases) {
      const error = await failing(INVITE, { input: { ...input, ...change } });
      expect({ change, extensions: error.extensions }).toMatchObject({
        change,
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
  });

  it('presentations, proposals and questions refuse a party named twice or on its own behalf; a presenter may be its subject', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const belova = await idOf('PERSON', 'elena-belova');
    const topic = await idOf('TOPIC', 'cleantech');
    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        'recordPresentation',
        'RecordPresentationInput',
        { presenters: [sitra, belova, sitra] },
        'input.presenters[2]',
      ],
      [
        'recordPresentation',
        'RecordPresentationInput',
        { presenters: [belova, sitra], onBehalfOf: sitra },
        'input.onBehalfOf',
      ],
      [
        'recordPresentation',
        'RecordPresentationInput',
        { presenters: [sitra], subjects: [topic, topic] },
        'input.subjects[1]',
      ],
      [
        'recordProposal',
        'RecordProposalInput',
        { proposers: [belova, belova] },
        'input.proposers[1]',
      ],
      ['recordQuestion', 'RecordQuestionInput', { askers: [sitra, sitra] }, 'input.askers[1]'],
    ];
    for (const [field, type, input, argument] of cases) {
      const error = await failing(`mutation($input: ${type}!) { ${field}(input: $input) { id } }`, {
        input: { summary: 'Twice over.', ...input },
      });
      expect({ field, input, extensions: error.extensions }).toMatchObject({
        field,
        input,
        extensions: { code: 'BAD_USER_INPUT', argument },
      });
    }
    // An organisation presenting itself, as the seed graph records: roles that may coincide.
    const cluster = await idOf('ORGANISATION', 'st-petersburg-cleantech-cluster');
    const res = await api.gql<{ recordPresentation: { id: string } }>(
      'mutation($input: RecordPresentationInput!) { recordPresentation(input: $input) { id } }',
      {
        input: {
          summary: 'The cluster presented itself once more.',
          presenters: [cluster],
          subjects: [cluster],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', {
      id: res.data!.recordPresentation.id,
    });
  });

  it('an invitation whose inviter is an invitee, already in the graph, breaks an integrity rule', async () => {
    const before = await graphState(api.db());
    await api.db().write((tx) =>
      tx.run(`MATCH (i:Invitation {slug: 'belova-invites-sitra-to-strategy-forum-2019'})<-[:EXTENDED]-(p)
              CREATE (i)-[:INVITES]->(p)`),
    );
    try {
      expect((await graphViolations(api.db())).map((v) => v.rule)).toEqual([
        'interaction-distinct-parties',
      ]);
    } finally {
      await api.db().write((tx) =>
        tx.run(`MATCH (i:Invitation {slug: 'belova-invites-sitra-to-strategy-forum-2019'})-[r:INVITES]->(p)
                WHERE (p)-[:EXTENDED]->(i) DELETE r`),
      );
    }
    expect((await graphState(api.db())).fingerprint).toBe(before.fingerprint);
  });
});

describe('the seed planner keeps the same rules', () => {
  const MEETING = '10-gnf-2019-10-25-sitra-meeting.yaml';

  it.each([
    [
      'an inviter among the invitees',
      '    inviter: elena-belova\n    onBehalfOf: leontief-centre\n    invitees: [sitra]',
      '    inviter: elena-belova\n    onBehalfOf: leontief-centre\n    invitees: [sitra, elena-belova]',
      /invitations\[0\] \(belova-invites-sitra-to-strategy-forum-2019\): invitees\[1\] names the same entity as inviter; the inviter is not one of the invitees$/,
    ],
    [
      'a self-link',
      '  - type: COLLABORATES_WITH\n    from: sitra\n    to: st-petersburg-cleantech-cluster',
      '  - type: COLLABORATES_WITH\n    from: sitra\n    to: sitra',
      /\(COLLABORATES_WITH sitra -> sitra\): COLLABORATES_WITH links two different entities, not an entity to itself$/,
    ],
  ])('refuses %s', (_what, from, to, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-seeds-'));
    try {
      cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
      const file = path.join(dir, 'graph', MEETING);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
      let error: unknown;
      try {
        planSeeds(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SeedError);
      expect((error as Error).message).toMatch(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('query arguments taking country codes', () => {
  const BROKERS = 'query($c: [String!]) { brokers(countries: $c) { entity { name } } }';

  it.each([
    [['XX', 'fi'], 'countries[0]'],
    [['FI', 'fi'], 'countries[1]'],
    [['FI', 'EE', 'ZZ'], 'countries[2]'],
    [['FIN'], 'countries[0]'],
    [[''], 'countries[0]'],
  ])('brokers(countries: %j) is refused naming %s', async (countries, argument) => {
    for (const res of [
      await api.gql(BROKERS, { c: countries }),
      await api.gql(`{ brokers(countries: ${JSON.stringify(countries)}) { entity { name } } }`),
    ]) {
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(res.errors![0]!.message).toMatch(/ISO 3166-1 alpha-2/);
    }
  });

  it.each(['fi', 'XX', 'Finland', ''])(
    'organisations(filter: { country: %j }) is refused naming filter.country',
    async (country) => {
      const res = await api.gql(
        'query($c: String) { organisations(filter: { country: $c }) { totalCount } }',
        { c: country },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'filter.country',
      });
      expect(res.errors![0]!.message).toMatch(/ISO 3166-1 alpha-2/);
      // The code as writes store it still filters.
      const fi = await api.gql<{ organisations: { totalCount: number } }>(
        '{ organisations(filter: { country: "FI" }) { totalCount } }',
      );
      expect(fi.errors).toBeUndefined();
      expect(fi.data!.organisations.totalCount).toBeGreaterThan(0);
    },
  );
});

describe('bounded export parameters', () => {
  async function refusal(
    path: string,
  ): Promise<{ status: number; message: string; extensions: unknown }> {
    const res = await fetch(`${api.origin()}${path}`);
    const body = (await res.json()) as { errors: { message: string; extensions: unknown }[] };
    return { status: res.status, ...body.errors[0]! };
  }

  it.each(['999999999', '2001', '-1', '0', '1.5', '1e3', 'abc', '', '+5', ' 5', '0x10'])(
    'limit=%j answers 400 with the allowed range',
    async (value) => {
      const around = await idOf('ORGANISATION', 'sitra');
      for (const path of [
        `/export/nodes.csv?limit=${encodeURIComponent(value)}`,
        `/export/graph.gexf?around=${around}&limit=${encodeURIComponent(value)}`,
      ]) {
        const res = await refusal(path);
        expect({ path, ...res }).toMatchObject({
          path,
          status: 400,
          extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
        });
        expect(res.message).toContain('limit must be a whole number from 1 to 2000');
      }
    },
  );

  it.each(['0', '4', '-1', '2.0', 'two'])(
    'depth=%j answers 400 with the allowed range',
    async (value) => {
      const around = await idOf('ORGANISATION', 'sitra');
      const res = await refusal(`/export/graph.gexf?around=${around}&depth=${value}`);
      expect(res).toMatchObject({
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', argument: 'depth' },
      });
      expect(res.message).toContain('depth must be a whole number from 1 to 3');
    },
  );

  it.each([
    ['limit=1&limit=2', 'limit'],
    ['types=Person&types=Event', 'types'],
    ['community=true&community=false', 'community'],
  ])('a repeated parameter (%s) answers 400 naming it', async (query, argument) => {
    const res = await refusal(`/export/nodes.csv?${query}`);
    expect(res).toMatchObject({ status: 400, extensions: { code: 'BAD_USER_INPUT', argument } });
    expect(res.message).toMatch(/2 times/);
  });

  it('limit and depth without around say they apply only with around', async () => {
    for (const name of ['limit', 'depth']) {
      const res = await refusal(`/export/nodes.csv?${name}=1`);
      expect(res).toMatchObject({ status: 400, extensions: { argument: name } });
      expect(res.message).toMatch(/around/);
    }
    // With around, a limit and depth in range export (the header line and at most 3 nodes).
    const around = await idOf('ORGANISATION', 'sitra');
    const res = await fetch(`${api.origin()}/export/nodes.csv?around=${around}&limit=3&depth=2`);
    expect(res.status).toBe(200);
    expect((await res.text()).trim().split('\n').length).toBeLessThanOrEqual(4);
  });
});

describe('the Authorization header', () => {
  const TOKEN = 'probe-metrics-token-0123456789abcdef';

  it('takes the Bearer scheme in any case and 1+ spaces before the token, everywhere it is read', async () => {
    const server = await startServer(
      testConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ANALYTICS_REFRESH_SECONDS: '0',
        METRICS_TOKEN: TOKEN,
      }),
      api.db(),
      createLogger('silent'),
    );
    const origin = `http://127.0.0.1:${server.port}`;
    try {
      for (const scheme of ['Bearer ', 'bearer ', 'BEARER ', 'bEaReR ', 'Bearer   ']) {
        for (const credential of [TOKEN, api.keys().admin]) {
          const metrics = await fetch(`${origin}/metrics`, {
            headers: { authorization: `${scheme}${credential}` },
          });
          expect({ scheme, status: metrics.status }).toEqual({ scheme, status: 200 });
        }
        const write = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `${scheme}${api.keys().editor}`,
          },
          body: JSON.stringify({ query: 'mutation { deleteInteraction(id: "x") }' }),
        });
        const body = (await write.json()) as { errors: { extensions: { code: string } }[] };
        // Past authentication: the id is refused, not the caller.
        expect({ scheme, code: body.errors[0]!.extensions.code }).toEqual({
          scheme,
          code: 'BAD_USER_INPUT',
        });
        const file = await fetch(`${origin}/export/nodes.csv?types=Topic`, {
          headers: { authorization: `${scheme}${api.keys().reader}` },
        });
        expect({ scheme, status: file.status }).toEqual({ scheme, status: 200 });
        await file.text();
      }
    } finally {
      await server.stop();
    }
  });

  // RFC 6750 §3.1: no error code for another scheme (or none); invalid_request for a Bearer
  // header that is malformed; invalid_token for a well-formed token that is not valid.
  it.each([
    ['Bearer\t{key}', 'invalid_request'],
    ['Bearer', 'invalid_request'],
    ['Bearer {key} extra', 'invalid_request'],
    ['Bearer  "{key}"', 'invalid_request'],
    ['Bearer short', 'invalid_token'],
    ['Bearer{key}', ''],
    ['Basic dXNlcjpwYXNz', ''],
    ['{key}', ''],
    ['Bearer cgk_unknownunknownunknown', 'invalid_token'],
    ['bearer  cgk_unknownunknownunknown', 'invalid_token'],
  ])(
    '%j answers 401 with WWW-Authenticate (error=%j) on /graphql, /export and /metrics',
    async (template, error) => {
      const authorization = template.replace('{key}', api.keys().admin);
      for (const [path, init] of [
        ['/graphql', { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) }],
        ['/export/nodes.csv', {}],
        ['/metrics', {}],
      ] as const) {
        const res = await fetch(`${api.origin()}${path}`, {
          ...init,
          headers: { 'content-type': 'application/json', authorization },
        });
        const body = (await res.json()) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect({ path, status: res.status, code: body.errors[0]!.extensions.code }).toEqual({
          path,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
        expect({ path, header: res.headers.get('www-authenticate') }).toEqual({
          path,
          header: `Bearer realm="cluster-graph"${error ? `, error="${error}"` : ''}`,
        });
      }
    },
  );

  it('a request without credentials where they are needed answers 401 with a bare challenge', async () => {
    const metrics = await fetch(`${api.origin()}/metrics`);
    expect(metrics.status).toBe(401);
    expect(metrics.headers.get('www-authenticate')).toBe('Bearer realm="cluster-graph"');
    const again = await fetch(`${api.origin()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { deleteInteraction(id: "x") }' }),
    });
    expect(again.status).toBe(401);
    expect(again.headers.get('www-authenticate')).toBe('Bearer realm="cluster-graph"');
  });
});

describe('the subjects of presentations, proposals and questions', () => {
  const ALLOWED = /expected Topic or Project or Publication or Organisation or Place or Event\./;

  it.each([
    ['recordPresentation', 'RecordPresentationInput', 'presenters'],
    ['recordProposal', 'RecordProposalInput', 'proposers'],
    ['recordQuestion', 'RecordQuestionInput', 'askers'],
  ])(
    '%s refuses a person as a subject, naming input.subjects[i] and the kinds allowed',
    async (field, type, actors) => {
      const sitra = await idOf('ORGANISATION', 'sitra');
      const topic = await idOf('TOPIC', 'cleantech');
      const person = await idOf('PERSON', 'elena-belova');
      const error = await failing(`mutation($input: ${type}!) { ${field}(input: $input) { id } }`, {
        input: { summary: 'About a person.', [actors]: [sitra], subjects: [topic, person] },
      });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.subjects[1]',
      });
      expect(error.message).toMatch(/Person/);
      expect(error.message).toMatch(ALLOWED);
    },
  );

  it('a presenter who is a person cannot be their own subject', async () => {
    const person = await idOf('PERSON', 'elena-belova');
    const error = await failing(
      'mutation($input: RecordPresentationInput!) { recordPresentation(input: $input) { id } }',
      { input: { summary: 'About herself.', presenters: [person], subjects: [person] } },
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.subjects[0]',
    });
  });

  it('the schema says which kinds a subject may be, on every input and type that has subjects', async () => {
    const schema = readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8');
    const kinds = /topics, projects, publications, organisations, places or events/;
    const described = [...schema.matchAll(/"""([^"]*)"""\s*subjects: \[/g)].map((m) => m[1]!);
    // Presentation, Proposal, Question and their three record inputs.
    expect(described).toHaveLength(6);
    for (const text of described) expect(text).toMatch(kinds);
  });

  it('a person already stored as a subject breaks the integrity rule interaction-party-kinds', async () => {
    const person = await idOf('PERSON', 'elena-belova');
    const uuid = Buffer.from(person, 'base64url').toString('utf8').split(':')[1]!;
    const created = await api.db().write((tx) =>
      tx.run(
        `MATCH (x:Presentation), (p:Person {id: $uuid}) WITH x, p LIMIT 1
           CREATE (x)-[r:ABOUT]->(p) RETURN elementId(r) AS r`,
        { uuid },
      ),
    );
    const link = created.records[0]!.get('r') as string;
    try {
      expect((await graphViolations(api.db())).map((v) => v.rule)).toEqual([
        'interaction-party-kinds',
      ]);
    } finally {
      await api
        .db()
        .write((tx) => tx.run('MATCH ()-[r]->() WHERE elementId(r) = $link DELETE r', { link }));
    }
  });
});

describe('more than one Authorization header', () => {
  function send(
    origin: string,
    pathname: string,
    authorizations: string[],
  ): Promise<{ status: number; challenge: string | undefined; body: string }> {
    return new Promise((resolve, reject) => {
      const url = new URL(pathname, origin);
      const req = http.request(url, {
        method: pathname === '/graphql' ? 'POST' : 'GET',
      });
      req.setHeader('content-type', 'application/json');
      req.setHeader('authorization', authorizations);
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            challenge: res.headers['www-authenticate'],
            body,
          }),
        );
      });
      req.on('error', reject);
      req.end(pathname === '/graphql' ? JSON.stringify({ query: '{ __typename }' }) : undefined);
    });
  }

  it.each(['/graphql', '/export/nodes.csv?types=Topic', '/metrics'])(
    '%s refuses two Authorization headers (a valid admin key first) with 401 invalid_request',
    async (pathname) => {
      const admin = `Bearer ${api.keys().admin}`;
      for (const headers of [
        [admin, 'Bearer cgk_bogusbogusbogusbogus'],
        [admin, admin],
      ]) {
        const res = await send(api.origin(), pathname, headers);
        expect({ pathname, headers, status: res.status }).toEqual({
          pathname,
          headers,
          status: 401,
        });
        expect(res.challenge).toBe('Bearer realm="cluster-graph", error="invalid_request"');
        const body = JSON.parse(res.body) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
        expect(body.errors[0]!.message).toMatch(/one Authorization header/);
      }
      // One header still passes.
      const one = await send(api.origin(), pathname, [admin]);
      expect({ pathname, status: one.status }).toEqual({ pathname, status: 200 });
    },
  );
});

describe('a well-formed Bearer token that is no credential', () => {
  it.each(['Bearer cgk_nope', 'Bearer nope', 'bearer  cgk_x'])(
    '%j answers 401 with error="invalid_token" on /graphql, /export and /metrics',
    async (authorization) => {
      for (const [pathname, init] of [
        ['/graphql', { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) }],
        ['/export/nodes.csv', {}],
        ['/metrics', {}],
      ] as const) {
        const res = await fetch(`${api.origin()}${pathname}`, {
          ...init,
          headers: { 'content-type': 'application/json', authorization },
        });
        expect({ pathname, status: res.status }).toEqual({ pathname, status: 401 });
        expect({ pathname, header: res.headers.get('www-authenticate') }).toEqual({
          pathname,
          header: 'Bearer realm="cluster-graph", error="invalid_token"',
        });
        await res.text();
      }
    },
  );
});
