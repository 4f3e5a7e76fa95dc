/**
 * Exports over HTTP on the seeded graph, parsed back with independent parsers (an XML parser for
 * GEXF and GraphML, graphology for its JSON, a CSV parser for the CSV files): node and edge
 * counts equal the graph's in Neo4j, names keep their diacritics, filters cut what they say.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import { useSeededApi } from '../support/api';

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
