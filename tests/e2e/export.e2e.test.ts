/**
 * Exports over HTTP on the seeded graph, parsed back with independent parsers (an XML parser for
 * GEXF and GraphML, graphology for its JSON, a CSV parser for the CSV files): node and edge
 * counts equal the graph's in Neo4j, names keep their diacritics, filters cut what they say.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import { useSeededApi } from '../support/api';
import { graphState } from '../support/db';

const api = useSeededApi();

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${api.origin()}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

async function graphCounts(): Promise<{ nodes: number; edges: number }> {
  const db = api.db();
  const nodes = await db.query('MATCH (n:Entity|Interaction) RETURN count(n) AS c');
  const edges = await db.query(
    'MATCH (:Entity|Interaction)-[r]->(:Entity|Interaction) RETURN count(r) AS c',
  );
  return {
    nodes: Number(nodes.records[0]!.get('c')),
    edges: Number(edges.records[0]!.get('c')),
  };
}

/** Names with letters beyond ASCII, straight from Neo4j. */
async function diacriticNames(): Promise<string[]> {
  const result = await api
    .db()
    .query(
      "MATCH (n:Entity) WHERE n.name =~ '.*[^\\\\x00-\\\\x7F].*' RETURN n.name AS name ORDER BY name",
    );
  return result.records.map((r) => r.get('name') as string);
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['node', 'edge', 'attvalue', 'data', 'attribute', 'key'].includes(name),
});

describe('GET /export/*', () => {
  it('graph.gexf holds every node and relationship, with Gephi attributes and intact diacritics', async () => {
    const res = await get('/export/graph.gexf');
    expect(res.status).toBe(200);
    expect(res.type).toContain('gexf');
    const doc = xml.parse(res.text) as {
      gexf: {
        graph: {
          nodes: {
            node: {
              id: string;
              label: string;
              attvalues: { attvalue: { for: string; value: string }[] };
            }[];
          };
          edges: { edge: { source: string; target: string; label: string }[] };
        };
      };
    };
    const { nodes, edges } = doc.gexf.graph;
    const counts = await graphCounts();
    expect(nodes.node).toHaveLength(counts.nodes);
    expect(edges.edge).toHaveLength(counts.edges);
    const labels = new Set(nodes.node.map((n) => n.label));
    const names = await diacriticNames();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(labels.has(name)).toBe(true);
    const ids = new Set(nodes.node.map((n) => n.id));
    for (const e of edges.edge) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    const sitra = nodes.node.find((n) => n.label === 'Sitra')!;
    const attrs = Object.fromEntries(sitra.attvalues.attvalue.map((a) => [a.for, a.value]));
    expect(attrs).toMatchObject({ type: 'Organisation', kind: 'FUND', country: 'FI' });
    expect(Number(attrs.community)).toBeGreaterThanOrEqual(0);
  });

  it('graph.graphml parses back with the same counts', async () => {
    const res = await get('/export/graph.graphml');
    expect(res.status).toBe(200);
    const doc = xml.parse(res.text) as { graphml: { graph: { node: unknown[]; edge: unknown[] } } };
    const counts = await graphCounts();
    expect(doc.graphml.graph.node).toHaveLength(counts.nodes);
    expect(doc.graphml.graph.edge).toHaveLength(counts.edges);
  });

  it('graph.json is graphology’s format: Graph.from reads it with the same counts', async () => {
    const res = await get('/export/graph.json');
    expect(res.status).toBe(200);
    const graph = Graph.from(JSON.parse(res.text));
    const counts = await graphCounts();
    expect(graph.order).toBe(counts.nodes);
    expect(graph.size).toBe(counts.edges);
    const labels = new Set(graph.mapNodes((_, a) => a.label as string));
    for (const name of await diacriticNames()) expect(labels.has(name)).toBe(true);
  });

  it('nodes.csv and edges.csv parse back with Gephi’s columns and the same counts', async () => {
    const nodes = parseCsv((await get('/export/nodes.csv')).text, { columns: true }) as Record<
      string,
      string
    >[];
    const edges = parseCsv((await get('/export/edges.csv')).text, { columns: true }) as Record<
      string,
      string
    >[];
    const counts = await graphCounts();
    expect(nodes).toHaveLength(counts.nodes);
    expect(edges).toHaveLength(counts.edges);
    expect(Object.keys(nodes[0]!)).toEqual(
      expect.arrayContaining(['Id', 'Label', 'type', 'country', 'community']),
    );
    expect(Object.keys(edges[0]!)).toEqual(
      expect.arrayContaining(['Source', 'Target', 'Type', 'Label']),
    );
    const labels = new Set(nodes.map((n) => n.Label));
    for (const name of await diacriticNames()) expect(labels.has(name)).toBe(true);
    // Aliases in Russian and Finnish survive the round trip too.
    expect(nodes.some((n) => /[А-Яа-я]/.test(n.aliases ?? ''))).toBe(true);
  });

  // Edge ids are places in the file: in the store's order, the same records restored elsewhere
  // got other edge ids, and a diff of two exports showed changes where there were none.
  it('lists nodes and edges in id order, so the same records give the same file anywhere', async () => {
    const rows = async (file: string): Promise<Record<string, string>[]> =>
      parseCsv((await get(`/export/${file}`)).text, { columns: true }) as Record<string, string>[];
    const uuid = (global: string): string =>
      Buffer.from(global, 'base64url').toString().split(':')[1]!;
    const ascending = (keys: string[][]): boolean =>
      keys.every((k, i) => i === 0 || k.join('\u0000') >= keys[i - 1]!.join('\u0000'));
    const nodes = await rows('nodes.csv');
    expect(ascending(nodes.map((n) => [uuid(n.Id!)]))).toBe(true);
    const edges = await rows('edges.csv');
    expect(edges.map((e) => e.Id)).toEqual(edges.map((_, i) => `e${i}`));
    const keys = edges.map((e) => [uuid(e.Source!), uuid(e.Target!), e.type!, e.role ?? '']);
    expect(ascending(keys)).toBe(true);
  });

  it('filters: types keeps those nodes and the links among them', async () => {
    const nodes = parseCsv((await get('/export/nodes.csv?types=Organisation,Person')).text, {
      columns: true,
    }) as Record<string, string>[];
    expect(new Set(nodes.map((n) => n.type))).toEqual(new Set(['Organisation', 'Person']));
    const expected = await api.db().query('MATCH (n:Organisation|Person) RETURN count(n) AS c');
    expect(nodes).toHaveLength(Number(expected.records[0]!.get('c')));
    const edges = parseCsv(
      (await get('/export/edges.csv?types=Organisation,Person&linkTypes=AFFILIATED_WITH')).text,
      { columns: true },
    ) as Record<string, string>[];
    const expectedEdges = await api
      .db()
      .query(
        'MATCH (:Organisation|Person)-[r:AFFILIATED_WITH]->(:Organisation|Person) RETURN count(r) AS c',
      );
    expect(edges).toHaveLength(Number(expectedEdges.records[0]!.get('c')));
    expect(new Set(edges.map((e) => e.Label))).toEqual(new Set(['AFFILIATED_WITH']));
  });

  it('filters: the neighbourhood of an id is the subgraph the GraphQL neighbourhood gives', async () => {
    const sitra = (
      await api.gql<{ entity: { id: string } }>(
        '{ entity(type: ORGANISATION, slug: "sitra") { id } }',
      )
    ).data!.entity.id;
    const sub = await api.gql<{ neighbourhood: { nodes: { id: string }[] } }>(
      'query($id: ID!) { neighbourhood(id: $id) { nodes { id } } }',
      { id: sitra },
    );
    const nodes = parseCsv((await get(`/export/nodes.csv?around=${sitra}&depth=1`)).text, {
      columns: true,
    }) as Record<string, string>[];
    expect(new Set(nodes.map((n) => n.Id))).toEqual(
      new Set(sub.data!.neighbourhood.nodes.map((n) => n.id)),
    );
  });

  it('filters: a date window keeps the 2016 conference links and drops the 2019 meeting', async () => {
    const edges = parseCsv(
      (await get('/export/edges.csv?from=2016-01-01&to=2016-12-31&includeUndated=false')).text,
      { columns: true },
    ) as Record<string, string>[];
    expect(edges.length).toBeGreaterThan(0);
    const all = parseCsv((await get('/export/edges.csv')).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(edges.length).toBeLessThan(all.length);
    for (const e of edges.filter((x) => x.startDate))
      expect(e.startDate! <= '2016-12-31').toBe(true);
  });

  it.each([
    ['/export/graph.gexf?types=Nothing', 400, 'types'],
    ['/export/graph.gexf?from=2019-13-45', 400, 'from'],
    ['/export/graph.gexf?to=2019-02-31', 400, 'to'],
    ['/export/graph.gexf?from=2020-01-01&to=2019-01-01', 400, 'from'],
    ['/export/graph.gexf?linkTypes=DROP', 400, 'linkTypes'],
    ['/export/graph.gexf?depth=9&around=x', 400, 'depth'],
    ['/export/graph.gexf?around=x', 400, 'around'],
    ['/export/graph.gexf?colour=red', 400, 'colour'],
    ['/export/graph.gexf?community=maybe', 400, 'community'],
  ])('%s answers %i naming %s', async (path, status, argument) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const body = JSON.parse(res.text) as {
      errors: { message: string; extensions: { code: string; argument: string } }[];
    };
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors[0]!.message.length).toBeGreaterThan(10);
  });

  it('answers 404 for an export that does not exist', async () => {
    const res = await get('/export/graph.exe');
    expect(res.status).toBe(404);
  });
});

/** Cells a spreadsheet would run as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

describe('spreadsheet formulas and unsafe text', () => {
  const FORMULAS = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '=HYPERLINK("http://x.example","y")'];
  const ORG = 'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }';

  it('escapes every text cell of nodes.csv and edges.csv that a spreadsheet would run', async () => {
    const ids: string[] = [];
    for (const [n, name] of FORMULAS.entries()) {
      const res = await api.gql<{ createOrganisation: { id: string } }>(ORG, {
        i: {
          name,
          slug: `formula-org-${n}`,
          kind: 'FUND',
          aliases: [{ name: '=cmd|"/C calc"!A0', language: 'en' }, { name: '-alias' }],
        },
      });
      expect(res.errors).toBeUndefined();
      ids.push(res.data!.createOrganisation.id);
    }
    const person = await api.gql<{ createPerson: { id: string } }>(
      'mutation { createPerson(input: { name: "Formula Tester", slug: "formula-tester" }) { id } }',
    );
    expect(person.errors).toBeUndefined();
    const link = await api.gql('mutation($i: LinkInput!) { linkEntities(input: $i) }', {
      i: {
        type: 'AFFILIATED_WITH',
        from: person.data!.createPerson.id,
        to: ids[0],
        role: '@SUM(1+1)*cmd',
      },
    });
    expect(link.errors).toBeUndefined();

    for (const file of ['nodes.csv', 'edges.csv']) {
      const rows = parseCsv((await get(`/export/${file}`)).text) as string[][];
      for (const row of rows)
        for (const cell of row)
          expect([file, cell, FORMULA_START.test(cell)]).toEqual([file, cell, false]);
    }
    const nodes = parseCsv((await get('/export/nodes.csv')).text, { columns: true }) as Record<
      string,
      string
    >[];
    // The text survives, behind the single quote that tells a spreadsheet it is text.
    for (const name of FORMULAS) expect(nodes.map((n) => n.Label)).toContain(`'${name}`);
    const org = nodes.find((n) => n.Id === ids[0])!;
    expect(org.aliases).toBe(`'=cmd|"/C calc"!A0 | -alias`);
    const edges = parseCsv((await get('/export/edges.csv')).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(edges.find((e) => e.Target === ids[0])!.role).toBe(`'@SUM(1+1)*cmd`);
    // Formats that are not spreadsheets keep the text as it is.
    const json = JSON.parse((await get('/export/graph.json')).text) as {
      nodes: { key: string; attributes: { label: string } }[];
    };
    expect(json.nodes.find((n) => n.key === ids[0])!.attributes.label).toBe('=1+1');
  });

  const BAD_TEXT: [string, string, Record<string, unknown>, string][] = [
    [
      'createOrganisation',
      'CreateOrganisationInput',
      { name: 'Evil\u202Egnp.exe', kind: 'FUND' },
      'input.name',
    ],
    ['createOrganisation', 'CreateOrganisationInput', { name: '\t=1', kind: 'FUND' }, 'input.name'],
    ['createOrganisation', 'CreateOrganisationInput', { name: '\r=1', kind: 'FUND' }, 'input.name'],
    [
      'createOrganisation',
      'CreateOrganisationInput',
      { name: 'Two\nlines', kind: 'FUND' },
      'input.name',
    ],
    [
      'createPerson',
      'CreatePersonInput',
      { name: 'Fine', aliases: [{ name: 'fine' }, { name: 'nul\u0000' }] },
      'input.aliases[1].name',
    ],
    [
      'createTopic',
      'CreateTopicInput',
      { name: 'Fine', description: 'bell\u0007' },
      'input.description',
    ],
    ['upsertAward', 'CreateAwardInput', { name: 'next\u0085line' }, 'input.name'],
    [
      'linkEntities',
      'LinkInput',
      { type: 'AFFILIATED_WITH', from: 'UGVyc29uOng', to: 'T3JnYW5pc2F0aW9uOng', role: 'r\u202Ex' },
      'input.role',
    ],
    [
      'recordQuestion',
      'RecordQuestionInput',
      { summary: 'esc\u001B[31m', askers: ['UGVyc29uOng'] },
      'input.summary',
    ],
    [
      'recordInvitation',
      'RecordInvitationInput',
      {
        summary: 'Fine',
        inviter: 'UGVyc29uOng',
        invitees: ['UGVyc29uOng'],
        target: 'RXZlbnQ6eA',
        inviteeNote: 'two\nlines',
      },
      'input.inviteeNote',
    ],
    [
      'createPublication',
      'CreatePublicationInput',
      { name: 'del\u007F', kind: 'REPORT' },
      'input.name',
    ],
    ['createPlace', 'CreatePlaceInput', { name: 'iso\u2066late', kind: 'CITY' }, 'input.name'],
    [
      'createProject',
      'CreateProjectInput',
      { name: 'Fine', programme: 'rt\u200Fl' },
      'input.programme',
    ],
    ['createEvent', 'CreateEventInput', { name: 'emb\u202Aed', kind: 'MEETING' }, 'input.name'],
    [
      'createTopic',
      'CreateTopicInput',
      { name: 'Fine', evidence: [{ document: 'RG9jdW1lbnQ6eA', quote: 'over\u202Dride' }] },
      'input.evidence[0].quote',
    ],
    [
      'createTopic',
      'CreateTopicInput',
      {
        name: 'Fine',
        evidence: [{ document: 'RG9jdW1lbnQ6eA', quote: 'fine', translation: 'soh\u0001' }],
      },
      'input.evidence[0].translation',
    ],
  ];

  it.each(BAD_TEXT)(
    '%s refuses control and bidi characters in variables (%#), naming the argument',
    async (mutation, type, input, argument) => {
      const before = await graphState(api.db());
      const selection = ['linkEntities'].includes(mutation) ? '' : ' { id }';
      const res = await api.gql(`mutation($i: ${type}!) { ${mutation}(input: $i)${selection} }`, {
        i: input,
      });
      expect(res.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        argument,
        variable: 'i',
      });
      expect(res.errors![0]!.message).toMatch(/control or bidirectional.*U\+[0-9A-F]{4}/);
      expect(await graphState(api.db())).toEqual(before);
    },
  );

  // Blank names (spaces, an ideographic space, a zero-width space) were stored as "".
  const BLANK_TEXT: [string, string, Record<string, unknown>, string][] = [
    [
      'createEvent',
      'CreateEventInput',
      { name: '   ', kind: 'MEETING', slug: 'blank-event' },
      'input.name',
    ],
    [
      'createOrganisation',
      'CreateOrganisationInput',
      { name: ' \u3000 ', kind: 'FUND', slug: 'blank-org' },
      'input.name',
    ],
    [
      'createPerson',
      'CreatePersonInput',
      { name: 'Fine', aliases: [{ name: '\u200B' }] },
      'input.aliases[0].name',
    ],
  ];

  it.each(BLANK_TEXT)(
    '%s refuses a blank name in variables (%#), naming the argument',
    async (mutation, type, input, argument) => {
      const before = await graphState(api.db());
      const res = await api.gql(`mutation($i: ${type}!) { ${mutation}(input: $i) { id } }`, {
        i: input,
      });
      expect(res.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        argument,
        variable: 'i',
      });
      expect(res.errors![0]!.message).toMatch(/must hold a visible character/);
      expect(await graphState(api.db())).toEqual(before);
    },
  );

  it('refuses them in literal arguments too, and on update', async () => {
    const literal = await api.gql(
      'mutation { createOrganisation(input: { name: "Evil\\u202Egnp.exe", kind: FUND }) { id } }',
    );
    expect(literal.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.name',
    });
    const tab = await api.gql(
      'mutation { createOrganisation(input: { name: "Fine", kind: FUND, aliases: [{ name: "ok" }, { name: "\\t=1" }] }) { id } }',
    );
    expect(tab.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.aliases[1].name',
    });
    const update = await api.gql(
      'mutation { updateOrganisation(id: "T3JnYW5pc2F0aW9uOng", input: { name: "a\\u0000b" }) { id } }',
    );
    expect(update.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.name',
    });
  });

  it('lets prose keep its line breaks and tabs', async () => {
    const res = await api.gql<{ createTopic: { description: string } }>(
      'mutation($i: CreateTopicInput!) { createTopic(input: $i) { description } }',
      { i: { name: 'Prose topic', description: 'Line one\r\nLine two\twith a tab' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createTopic.description).toBe('Line one\r\nLine two\twith a tab');
  });

  it('applies the same rule to the seeds', async () => {
    const { entitySchema } = await import('../../src/seed/seed.schema');
    const seed = (name: string): boolean =>
      entitySchema.safeParse({
        type: 'Topic',
        slug: 'x',
        name,
        evidence: [{ kind: 'EXTERNAL', url: 'https://example.org' }],
      }).success;
    expect(seed('Fine name')).toBe(true);
    expect(seed('Evil\u202Egnp')).toBe(false);
    expect(seed('tab\there')).toBe(false);
  });
});
