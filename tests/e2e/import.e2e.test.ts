/**
 * POST /import on the real server over the seeded graph: a dry run names every bad line (line,
 * field, sentence, code) and writes nothing; a good file imports with references to earlier lines
 * and to slugs already in the graph; the same file again is all unchanged; a client that goes
 * away leaves whole batches only, and importJob says how far it got; rights, content type,
 * oversize lines and bodies, and malformed JSON are refused clearly.
 */
import http from 'node:http';
import { useSeededApi, withServer } from '../support/api';
import { graphState } from '../support/db';
import { toGlobalId } from '../../src/shared/global-id';

const api = useSeededApi({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_PER_KEY_PER_MINUTE: '0' });

interface Report {
  status: number;
  lines: Record<string, unknown>[];
  text: string;
}

async function post(
  body: string,
  query = '',
  token: string | null | undefined = undefined,
  type = 'application/x-ndjson',
): Promise<Report> {
  const credential = token === undefined ? api.keys().editor : token;
  const res = await fetch(`${api.origin()}/import${query}`, {
    method: 'POST',
    headers: {
      'content-type': type,
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body,
  });
  const text = await res.text();
  const lines =
    res.headers.get('content-type')?.includes('ndjson') === true
      ? text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : [JSON.parse(text) as Record<string, unknown>];
  return { status: res.status, lines, text };
}

const ndjson = (records: unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n');
const byLine = (report: Report): Map<number, Record<string, unknown>> =>
  new Map(report.lines.filter((l) => typeof l.line === 'number').map((l) => [l.line as number, l]));
const summary = (report: Report): Record<string, unknown> =>
  report.lines.find((l) => l.summary)!.summary as Record<string, unknown>;

const GOOD = [
  {
    entity: 'Organisation',
    input: { name: 'Import Test Cluster', kind: 'CLUSTER', country: 'FI' },
  },
  {
    entity: 'Person',
    input: {
      name: 'Ilona Importer',
      aliases: [{ name: 'Илона Импортер', language: 'ru' }],
      evidence: [{ url: 'https://example.org/ilona' }],
    },
  },
  {
    entity: 'Project',
    input: {
      name: 'Import Pilot',
      slug: 'import-pilot',
      startYear: 2020,
      endYear: 2021,
    },
  },
  // References to earlier lines of the file.
  {
    link: 'AFFILIATED_WITH',
    input: { from: 'Person/ilona-importer', to: 'Organisation/import-test-cluster', role: 'chair' },
  },
  {
    link: 'WORKS_ON',
    input: {
      from: 'Organisation/import-test-cluster',
      to: 'Project/import-pilot',
      startDate: '2020-02-01',
    },
  },
  // A reference to a slug already in the graph (seeded).
  {
    link: 'COLLABORATES_WITH',
    input: { from: 'Organisation/import-test-cluster', to: 'Organisation/sitra' },
  },
];

describe('POST /import', () => {
  it('dry run: names each bad line (line, field, sentence, code) and writes nothing', async () => {
    const before = await graphState(api.db());
    const body = [
      JSON.stringify({ entity: 'Organisation', input: { name: 'Dry Good Org', kind: 'FUND' } }),
      JSON.stringify({
        entity: 'Organisation',
        input: { name: 'Bad Kind Org', kind: 'SPACESHIP' },
      }),
      '{"entity": "Organisation", "input": {"name": ',
      JSON.stringify({
        entity: 'Organisation',
        input: { name: 'Bad Country Org', kind: 'FUND', country: 'XX' },
      }),
      JSON.stringify({
        entity: 'Person',
        input: { name: 'Aliased Person', aliases: [{ name: 'Aliased Person' }] },
      }),
      JSON.stringify({
        link: 'AFFILIATED_WITH',
        input: { from: 'Person/nobody-at-all', to: 'Organisation/sitra' },
      }),
      JSON.stringify({
        link: 'BASED_IN',
        input: { from: 'Organisation/dry-good-org', to: 'Organisation/sitra' },
      }),
      JSON.stringify({
        entity: 'Event',
        input: {
          name: 'Backwards Event',
          kind: 'CONFERENCE',
          startDate: '2021-01-01',
          endDate: '2020-01-01',
        },
      }),
      JSON.stringify({ entity: 'Spaceship', input: { name: 'x' } }),
      JSON.stringify({
        link: 'COLLABORATES_WITH',
        input: { from: 'Organisation/dry-good-org', to: 'Organisation/sitra' },
      }),
    ].join('\n');
    const report = await post(body, '?dryRun=true');
    expect(report.status).toBe(200);
    const lines = byLine(report);
    expect(lines.get(1)).toMatchObject({ status: 'created', type: 'Organisation' });
    expect(lines.get(2)).toMatchObject({
      status: 'refused',
      code: 'BAD_USER_INPUT',
      field: 'input.kind',
    });
    expect(String(lines.get(2)!.message)).toMatch(/SPACESHIP/);
    expect(lines.get(3)).toMatchObject({
      status: 'refused',
      code: 'BAD_USER_INPUT',
      field: 'line',
    });
    expect(String(lines.get(3)!.message)).toMatch(/Line 3 is not valid JSON/);
    expect(lines.get(4)).toMatchObject({ status: 'refused', field: 'input.country' });
    expect(String(lines.get(4)!.message)).toMatch(/ISO 3166-1/);
    expect(lines.get(5)).toMatchObject({ status: 'refused', field: 'input.aliases[0]' });
    expect(lines.get(6)).toMatchObject({
      status: 'refused',
      code: 'NOT_FOUND',
      field: 'input.from',
    });
    expect(String(lines.get(6)!.message)).toMatch(/nobody-at-all/);
    // The endpoints must fit the type, also for an entity only an earlier line creates.
    expect(lines.get(7)).toMatchObject({ status: 'refused', field: 'input.type' });
    expect(String(lines.get(7)!.message)).toMatch(/BASED_IN cannot end at an Organisation/);
    expect(lines.get(8)).toMatchObject({ status: 'refused', field: 'input.endDate' });
    expect(lines.get(9)).toMatchObject({ status: 'refused', field: 'entity' });
    // A link to an entity of an earlier line: checked, would be created.
    expect(lines.get(10)).toMatchObject({ status: 'created', type: 'COLLABORATES_WITH' });
    expect(summary(report)).toMatchObject({
      state: 'DONE',
      dryRun: true,
      refused: 8,
      created: 2,
      batchesCommitted: 0,
    });
    expect(await graphState(api.db())).toEqual(before);
  });

  it('imports a good file (references to earlier lines and to slugs in the graph), audited', async () => {
    const report = await post(ndjson(GOOD));
    expect(report.status).toBe(200);
    const lines = byLine(report);
    for (let n = 1; n <= GOOD.length; n++)
      expect(lines.get(n)).toMatchObject({ status: 'created' });
    expect(summary(report)).toMatchObject({
      state: 'DONE',
      created: 6,
      refused: 0,
      batchesCommitted: 1,
      committedThroughLine: 6,
    });
    const check = await api.db().query(
      `MATCH (p:Person {slug: 'ilona-importer'})-[a:AFFILIATED_WITH]->(o:Organisation {slug: 'import-test-cluster'})
       MATCH (o)-[:COLLABORATES_WITH]->(:Organisation {slug: 'sitra'})
       MATCH (o)-[w:WORKS_ON]->(:Project {slug: 'import-pilot'})
       RETURN a.role AS role, p.aliasNames AS aliases, toString(w.startDate) AS start, o.country AS country`,
    );
    expect(check.records[0]?.toObject()).toEqual({
      role: 'chair',
      aliases: ['Илона Импортер'],
      start: '2020-02-01',
      country: 'FI',
    });
    const audit = await api
      .db()
      .query(
        "MATCH (a:AuditEntry {operation: 'import'}) WHERE a.input CONTAINS $job RETURN a.who AS who, a.items AS items",
        { job: String(report.lines[0]!.job) },
      );
    expect(audit.records).toHaveLength(1);
    expect(audit.records[0]!.get('who')).toBe('key:test-editor');
    const items = JSON.parse(audit.records[0]!.get('items') as string) as {
      type: string;
      op: string;
    }[];
    expect(items).toHaveLength(6);
    expect(items.every((i) => i.op === 'CREATE')).toBe(true);
  });

  it('the same file again: every line unchanged, nothing written', async () => {
    const before = await graphState(api.db());
    const report = await post(ndjson(GOOD));
    const lines = byLine(report);
    for (let n = 1; n <= GOOD.length; n++)
      expect(lines.get(n)).toMatchObject({ status: 'unchanged' });
    expect(summary(report)).toMatchObject({ unchanged: 6, created: 0, updated: 0 });
    expect(await graphState(api.db())).toEqual(before);
  });

  it('a record given twice in one file is refused on its second line, in a dry run as for real', async () => {
    const twice = [
      { entity: 'Organisation', input: { slug: 'twice-org', name: 'Twice Org', kind: 'CLUSTER' } },
      { entity: 'Organisation', input: { slug: 'twice-org', name: 'Twice Org B', kind: 'FUND' } },
      {
        link: 'COLLABORATES_WITH',
        input: { from: 'Organisation/twice-org', to: 'Organisation/sitra' },
      },
      {
        link: 'COLLABORATES_WITH',
        input: { from: 'Organisation/twice-org', to: 'Organisation/sitra' },
      },
    ];
    // A byte order mark before the first line (as Windows tools write) is not data.
    const body = `\uFEFF${ndjson(twice)}`;
    // A dry run, the import, the same file again: the first lines created, created, unchanged.
    for (const [query, expected] of [
      ['?dryRun=true', 'created'],
      ['', 'created'],
      ['', 'unchanged'],
    ]) {
      const lines = byLine(await post(body, query));
      expect(lines.get(2)).toMatchObject({
        status: 'refused',
        code: 'CONFLICT',
        field: 'input.slug',
      });
      expect(lines.get(2)!.message).toContain('of line 1');
      expect(lines.get(4)).toMatchObject({ status: 'refused', code: 'CONFLICT', field: 'input' });
      expect(lines.get(1)).toMatchObject({ status: expected });
      expect(lines.get(3)).toMatchObject({ status: expected });
    }
    const stored = await api
      .db()
      .query(`MATCH (o:Organisation {slug: 'twice-org'}) RETURN o.name AS name`);
    expect(stored.records.map((r) => r.get('name'))).toEqual(['Twice Org']);
  });

  it('a changed field is an update naming the field; a refused line does not stop the others', async () => {
    const report = await post(
      ndjson([
        {
          entity: 'Organisation',
          input: { name: 'Import Test Cluster', kind: 'CLUSTER', country: 'EE' },
        },
        { entity: 'Organisation', input: { name: 'Broken', kind: 'NOPE' } },
        { entity: 'Organisation', input: { name: 'Import Second Cluster', kind: 'CLUSTER' } },
      ]),
    );
    const lines = byLine(report);
    expect(lines.get(1)).toMatchObject({ status: 'updated', fields: ['country'] });
    expect(lines.get(2)).toMatchObject({ status: 'refused', field: 'input.kind' });
    expect(lines.get(3)).toMatchObject({ status: 'created' });
    const country = await api
      .db()
      .query("MATCH (o:Organisation {slug: 'import-test-cluster'}) RETURN o.country AS c");
    expect(country.records[0]!.get('c')).toBe('EE');
  });

  it('atomic: one refused line and nothing is written; without one, everything is', async () => {
    const before = await graphState(api.db());
    const refused = await post(
      ndjson([
        { entity: 'Topic', input: { name: 'Atomic Topic One' } },
        { entity: 'Topic', input: { name: 'Atomic Topic Two', slug: 'Not A Slug' } },
      ]),
      '?atomic=true',
    );
    expect(refused.status).toBe(200);
    expect(byLine(refused).get(2)).toMatchObject({ status: 'refused', field: 'input.slug' });
    // Only refused lines are told by the check; nothing is written.
    expect(byLine(refused).get(1)).toBeUndefined();
    expect(refused.lines.find((l) => typeof l.atomic === 'object')).toEqual({
      atomic: { written: false, refused: 1 },
    });
    expect(await graphState(api.db())).toEqual(before);
    const good = await post(
      ndjson([
        { entity: 'Topic', input: { name: 'Atomic Topic One' } },
        { entity: 'Topic', input: { name: 'Atomic Topic Two' } },
      ]),
      '?atomic=true',
    );
    const summaries = good.lines
      .filter((l) => l.summary)
      .map((l) => l.summary as Record<string, unknown>);
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toMatchObject({ dryRun: true, refused: 0, state: 'DONE' });
    expect(summaries[1]).toMatchObject({ dryRun: false, created: 2, state: 'DONE' });
    const stored = await api
      .db()
      .query(
        "MATCH (t:Topic) WHERE t.slug IN ['atomic-topic-one', 'atomic-topic-two'] RETURN count(t) AS n",
      );
    expect(Number(stored.records[0]!.get('n'))).toBe(2);
  });

  it('rights: anonymous UNAUTHENTICATED (401), reader FORBIDDEN (403), nothing read', async () => {
    const body = ndjson([{ entity: 'Organisation', input: { name: 'Rights Org', kind: 'FUND' } }]);
    const anonymous = await post(body, '', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.lines[0]).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const reader = await post(body, '', api.keys().reader);
    expect(reader.status).toBe(403);
    expect(reader.lines[0]).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const found = await api.db().query("MATCH (o:Organisation {slug: 'rights-org'}) RETURN o");
    expect(found.records).toHaveLength(0);
  });

  it('answers another method than POST with 405 and the error shape, not an HTML page', async () => {
    const res = await fetch(`${api.origin()}/import`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a body that is not NDJSON, and bad parameters, before reading it', async () => {
    const json = await post('{"entity":"Organisation"}', '', undefined, 'application/json');
    expect(json.status).toBe(415);
    expect(json.lines[0]).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const flag = await post('', '?dryRun=maybe');
    expect(flag.status).toBe(400);
    expect(flag.lines[0]).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'dryRun' } }],
    });
  });

  it('an oversize line is refused by number (the rest goes on); an oversize body is refused clearly', async () => {
    await withServer(
      api.db(),
      { IMPORT_MAX_LINE_BYTES: '1024', IMPORT_MAX_BYTES: '4096', RATE_LIMIT_PER_MINUTE: '0' },
      async (origin) => {
        const send = async (body: string): Promise<Report> => {
          const res = await fetch(`${origin}/import?dryRun=true`, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-ndjson',
              authorization: `Bearer ${api.keys().editor}`,
            },
            body,
          });
          const text = await res.text();
          const lines = res.headers.get('content-type')?.includes('ndjson')
            ? text
                .split('\n')
                .filter(Boolean)
                .map((l) => JSON.parse(l) as Record<string, unknown>)
            : [JSON.parse(text) as Record<string, unknown>];
          return { status: res.status, lines, text };
        };
        const long = JSON.stringify({
          entity: 'Organisation',
          input: { name: 'Long', kind: 'FUND', description: 'x'.repeat(2000) },
        });
        const ok = JSON.stringify({
          entity: 'Organisation',
          input: { name: 'Short One', kind: 'FUND' },
        });
        const report = await send([long, ok].join('\n'));
        const lines = byLine(report);
        expect(lines.get(1)).toMatchObject({ status: 'refused', field: 'line' });
        expect(String(lines.get(1)!.message)).toMatch(/over the limit of 1024 bytes/);
        expect(lines.get(2)).toMatchObject({ status: 'created' });
        const big = await send(Array.from({ length: 60 }, () => ok).join('\n'));
        expect(big.status).toBe(413);
        expect(big.lines[0]).toMatchObject({
          errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
        });
        expect(String((big.lines[0]!.errors as { message: string }[])[0]!.message)).toMatch(
          /IMPORT_MAX_BYTES/,
        );
      },
    );
  });

  it('a client that goes away midway leaves whole batches only; importJob tells how far it got', async () => {
    await withServer(
      api.db(),
      { IMPORT_BATCH_SIZE: '50', RATE_LIMIT_PER_MINUTE: '0' },
      async (origin) => {
        const total = 400;
        const record = (n: number): string =>
          JSON.stringify({ entity: 'Topic', input: { name: `Cutoff Topic ${n}` } });
        let jobId = '';
        // Sends 200 lines, waits for a committed batch in the report, then cuts the connection.
        await new Promise<void>((resolve, reject) => {
          const req = http.request(`${origin}/import`, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-ndjson',
              authorization: `Bearer ${api.keys().editor}`,
            },
          });
          req.on('error', () => resolve());
          req.on('response', (res) => {
            jobId = String(res.headers['x-import-job']);
            res.on('data', (chunk: Buffer) => {
              if (chunk.toString().includes('"committed":true')) {
                req.destroy();
                resolve();
              }
            });
            res.on('error', () => resolve());
          });
          req.write(Array.from({ length: total / 2 }, (_, i) => record(i + 1)).join('\n') + '\n');
          const timer = setTimeout(
            () => reject(new Error('no batch committed within 30 s')),
            30_000,
          );
          timer.unref();
        });
        // The job settles as ABORTED once the server notices.
        // importJob is answered by the instance that ran the import: ask that one.
        const ask = async (): Promise<Record<string, unknown>> => {
          const res = await fetch(`${origin}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${api.keys().editor}`,
            },
            body: JSON.stringify({
              query:
                'query($id: ID!) { importJob(id: $id) { state linesRead created batchesCommitted committedThroughLine error } }',
              variables: { id: jobId },
            }),
          });
          return ((await res.json()) as { data: { importJob: Record<string, unknown> } }).data
            .importJob;
        };
        let state = await ask();
        for (let i = 0; i < 50 && state.state === 'RUNNING'; i++) {
          await new Promise((r) => setTimeout(r, 100));
          state = await ask();
        }
        expect(state.state).toBe('ABORTED');
        const batches = Number(state.batchesCommitted);
        expect(batches).toBeGreaterThanOrEqual(1);
        const stored = await api
          .db()
          .query("MATCH (t:Topic) WHERE t.slug STARTS WITH 'cutoff-topic-' RETURN count(t) AS n");
        // Whole batches only: exactly the committed batches' records, nothing of a half batch.
        expect(Number(stored.records[0]!.get('n'))).toBe(batches * 50);
        expect(state.committedThroughLine).toBe(batches * 50);
      },
    );
  });
});

// Interaction lines: parties by "Label/slug" (an earlier line or the seeded graph) or global id.
const INTERACTIONS = [
  { entity: 'Person', input: { name: 'Ivan Inviter' } },
  {
    interaction: 'Invitation',
    input: {
      slug: 'import-invitation',
      summary: 'Ivan Inviter invited Sitra to WCEF.',
      date: '2021-05-01',
      inviter: 'Person/ivan-inviter',
      invitees: ['Organisation/sitra'],
      target: 'Event/wcef',
      evidence: [{ url: 'https://example.org/invitation' }],
    },
  },
  {
    interaction: 'Presentation',
    input: {
      slug: 'import-presentation',
      summary: 'Ivan Inviter presented Sitra at WCEF.',
      presenters: ['Person/ivan-inviter'],
      event: 'Event/wcef',
      subjects: ['Organisation/sitra'],
    },
  },
];

describe('POST /import: interaction lines', () => {
  const PARTIES = `MATCH (p:Person {slug: 'ivan-inviter'})-[:EXTENDED]->(i:Invitation {slug: 'import-invitation'})
    MATCH (i)-[:INVITES]->(:Organisation {slug: 'sitra'}), (i)-[:TO]->(:Event {slug: 'wcef'})
    MATCH (p)-[:GAVE]->(t:Presentation {slug: 'import-presentation'})-[:AT]->(:Event {slug: 'wcef'})
    MATCH (t)-[:ABOUT]->(:Organisation {slug: 'sitra'})
    RETURN i.summary AS summary, toString(i.date) AS date, size(i.evidenceIds) = 1 AS evidence`;

  it('dry run: reports interaction lines (parties on earlier lines too) and writes nothing', async () => {
    const before = await graphState(api.db());
    const report = await post(ndjson(INTERACTIONS), '?dryRun=true');
    const lines = byLine(report);
    expect(lines.get(1)).toMatchObject({ status: 'created', type: 'Person' });
    expect(lines.get(2)).toMatchObject({ status: 'created', type: 'Invitation' });
    expect(lines.get(3)).toMatchObject({ status: 'created', type: 'Presentation' });
    expect(summary(report)).toMatchObject({ created: 3, refused: 0 });
    expect(await graphState(api.db())).toEqual(before);
  });

  it('records an invitation and a presentation whose parties are on earlier lines and in the graph, audited', async () => {
    const report = await post(ndjson(INTERACTIONS));
    const lines = byLine(report);
    expect(lines.get(2)).toMatchObject({
      status: 'created',
      type: 'Invitation',
      fields: ['slug', 'summary', 'date', 'EXTENDED', 'INVITES', 'TO', 'evidence'],
    });
    expect(lines.get(3)).toMatchObject({ status: 'created', type: 'Presentation' });
    const check = await api.db().query(PARTIES);
    expect(check.records[0]?.toObject()).toEqual({
      summary: 'Ivan Inviter invited Sitra to WCEF.',
      date: '2021-05-01',
      evidence: true,
    });
    // The report's id is the invitation's global id, as invitation(id) answers it.
    const stored = await api
      .db()
      .query("MATCH (i:Invitation {slug: 'import-invitation'}) RETURN i.id AS id");
    expect(lines.get(2)!.id).toBe(toGlobalId('Invitation', stored.records[0]!.get('id') as string));
    const audit = await api
      .db()
      .query(
        "MATCH (a:AuditEntry {operation: 'import'}) WHERE a.input CONTAINS $job RETURN a.items AS items",
        { job: String(report.lines[0]!.job) },
      );
    const items = JSON.parse(audit.records[0]!.get('items') as string) as { type: string }[];
    expect(items.map((i) => i.type)).toEqual(['Person', 'Invitation', 'Presentation']);
  });

  it('the same file again: the interactions are unchanged and nothing is written', async () => {
    const before = await graphState(api.db());
    const report = await post(ndjson(INTERACTIONS));
    const lines = byLine(report);
    for (const n of [1, 2, 3])
      expect(lines.get(n)).toMatchObject({ status: 'unchanged', fields: [] });
    expect(summary(report)).toMatchObject({ unchanged: 3, created: 0, updated: 0 });
    expect(await graphState(api.db())).toEqual(before);
  });

  it('a global id as a party; a changed summary updates the same interaction', async () => {
    const sitra = await api.db().query("MATCH (o:Organisation {slug: 'sitra'}) RETURN o.id AS id");
    const id = toGlobalId('Organisation', sitra.records[0]!.get('id') as string);
    const changed = {
      interaction: 'Invitation',
      input: {
        ...INTERACTIONS[1]!.input,
        invitees: [id],
        summary: 'Ivan Inviter invited Sitra to WCEF again.',
      },
    };
    const report = await post(ndjson([changed]));
    expect(byLine(report).get(1)).toMatchObject({ status: 'updated', type: 'Invitation' });
    const check = await api.db().query(PARTIES);
    expect(check.records).toHaveLength(1);
    expect(check.records[0]!.get('summary')).toBe('Ivan Inviter invited Sitra to WCEF again.');
  });

  it('refuses a bad interaction line with its line, field and sentence; the others go on', async () => {
    const base = INTERACTIONS[1]!.input;
    const { inviter: _inviter, ...noInviter } = base;
    const report = await post(
      ndjson([
        { interaction: 'Invitation', input: { ...noInviter, slug: 'import-bad-1' } },
        {
          interaction: 'Invitation',
          input: { ...base, slug: 'import-bad-2', target: 'Person/ivan-inviter' },
        },
        {
          interaction: 'Invitation',
          input: { ...base, slug: 'import-bad-3', inviter: 'Person/nobody-at-all' },
        },
        { interaction: 'Meeting', input: base },
        { interaction: 'Question', input: { summary: 'Why?', askers: ['Person/ivan-inviter'] } },
      ]),
    );
    const lines = byLine(report);
    expect(lines.get(1)).toMatchObject({ status: 'refused', code: 'BAD_USER_INPUT' });
    expect(String(lines.get(1)!.message)).toContain('inviter');
    expect(lines.get(2)).toMatchObject({
      status: 'refused',
      code: 'BAD_USER_INPUT',
      field: 'input.target',
      message: 'input.target is a Person; expected Event or Project or Organisation.',
    });
    expect(lines.get(3)).toMatchObject({
      status: 'refused',
      code: 'NOT_FOUND',
      field: 'input.inviter',
      message:
        'input.inviter: no Person has the slug "nobody-at-all", in the graph or on an earlier line of the file.',
    });
    expect(lines.get(4)).toMatchObject({ status: 'refused', field: 'interaction' });
    expect(lines.get(5)).toMatchObject({ status: 'created', type: 'Question' });
    const bad = await api
      .db()
      .query("MATCH (i:Invitation) WHERE i.slug STARTS WITH 'import-bad' RETURN count(i) AS n");
    expect(Number(bad.records[0]!.get('n'))).toBe(0);
  });
});
