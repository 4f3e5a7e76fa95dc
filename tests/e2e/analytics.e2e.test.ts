/**
 * Analytics over HTTP on the seeded graph: the path from Elena Belova to Sitra with its evidence,
 * Sitra's neighbourhood, rankings in descending order, timelines, brokers, the cache following
 * writes, and clear errors for every bad argument.
 */
import { startServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { useSeededApi } from '../support/api';
import { testConfig } from '../support/db';

const api = useSeededApi();

type Step = {
  from: string;
  to: string;
  type: string;
  reversed: boolean;
  evidence: { quote: string | null; translation: string | null }[];
};
type PathShape = { length: number; nodes: { id: string; name?: string }[]; steps: Step[] };

async function idOf(type: string, slug: string): Promise<string> {
  const res = await api.gql<{ entity: { id: string } }>(
    'query($t: EntityType!, $s: String!) { entity(type: $t, slug: $s) { id } }',
    { t: type, s: slug },
  );
  return res.data!.entity.id;
}

const PATH = `query($from: ID!, $to: ID!, $maxHops: Int, $linkTypes: [LinkType!], $window: DateWindowInput) {
  shortestPath(from: $from, to: $to, maxHops: $maxHops, linkTypes: $linkTypes, window: $window) {
    length
    nodes { id ... on Entity { name } }
    steps { from to type reversed evidence { quote translation } }
  }
}`;

describe('shortestPath', () => {
  it('leads from Elena Belova to Sitra in two steps, every step with the sentence that states it', async () => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const res = await api.gql<{ shortestPath: PathShape }>(PATH, { from: elena, to: sitra });
    expect(res.errors).toBeUndefined();
    const path = res.data!.shortestPath;
    expect(path.length).toBe(2);
    expect(path.nodes).toHaveLength(3);
    expect(path.nodes[0]!.id).toBe(elena);
    expect(path.nodes[2]!.id).toBe(sitra);
    // Steps chain from one node to the next.
    path.steps.forEach((step, i) => {
      expect(step.from).toBe(path.nodes[i]!.id);
      expect(step.to).toBe(path.nodes[i + 1]!.id);
      expect(step.evidence.length).toBeGreaterThan(0);
    });
    // Two walks of length 2 exist (SHORTEST 1 may give either): her invitation of Sitra, or the
    // 25 October meeting both attended.
    expect([
      ['EXTENDED', 'INVITES'],
      ['PARTICIPATED_IN', 'PARTICIPATED_IN'],
    ]).toContainEqual(path.steps.map((s) => s.type));
    const quotes = path.steps.flatMap((s) => s.evidence.map((e) => e.quote ?? ''));
    const translations = path.steps.flatMap((s) => s.evidence.map((e) => e.translation ?? ''));
    // The evidence is the source's own sentence (Finnish) with its English rendering.
    expect(quotes.join(' ')).toMatch(/Elena Belova|Sitra/);
    expect(translations.every((t) => t.length > 0)).toBe(true);
  });

  it('agrees with the relationships stored in Neo4j, step by step', async () => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const res = await api.gql<{ shortestPath: PathShape }>(PATH, { from: elena, to: sitra });
    const uuid = (id: string): string => Buffer.from(id, 'base64url').toString().split(':')[1]!;
    for (const step of res.data!.shortestPath.steps) {
      const [a, b] = step.reversed ? [step.to, step.from] : [step.from, step.to];
      const found = await api
        .db()
        .query('MATCH (a {id: $a})-[r]->(b {id: $b}) WHERE type(r) = $type RETURN count(r) AS n', {
          a: uuid(a),
          b: uuid(b),
          type: step.type,
        });
      expect(Number(found.records[0]!.get('n'))).toBe(1);
    }
  });

  it('gives several shortest paths, shortest first, each different', async () => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const res = await api.gql<{ shortestPaths: PathShape[] }>(
      'query($f: ID!, $t: ID!) { shortestPaths(from: $f, to: $t, k: 4) { length nodes { id } steps { type } } }',
      { f: elena, t: sitra },
    );
    const paths = res.data!.shortestPaths;
    expect(paths.length).toBeGreaterThan(1);
    const lengths = paths.map((p) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    const keys = paths.map(
      (p) => p.nodes.map((n) => n.id).join('>') + p.steps.map((s) => s.type).join(),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives walks of one length in a fixed order, by the ids along them', async () => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const res = await api.gql<{ shortestPaths: PathShape[] }>(
      'query($f: ID!, $t: ID!) { shortestPaths(from: $f, to: $t, k: 2) { length nodes { id } steps { type } } }',
      { f: elena, t: sitra },
    );
    const paths = res.data!.shortestPaths;
    // Two walks of length 2 tie (her invitation and the meeting both attended).
    expect(paths.map((p) => p.length)).toEqual([2, 2]);
    const uuid = (id: string): string => Buffer.from(id, 'base64').toString().split(':')[1]!;
    const keys = paths.map((p) => p.nodes.map((n) => uuid(n.id)).join(' '));
    expect(keys).toEqual([...keys].sort());
  });

  it('walks only the link types asked for', async () => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const res = await api.gql<{ shortestPath: PathShape | null }>(PATH, {
      from: elena,
      to: sitra,
      linkTypes: ['PARTICIPATED_IN'],
    });
    expect(res.data!.shortestPath!.steps.map((s) => s.type)).toEqual([
      'PARTICIPATED_IN',
      'PARTICIPATED_IN',
    ]);
    const none = await api.gql<{ shortestPath: PathShape | null }>(PATH, {
      from: elena,
      to: sitra,
      linkTypes: ['AWARDED_AT'],
    });
    expect(none.errors).toBeUndefined();
    expect(none.data!.shortestPath).toBeNull();
  });

  it('keeps to a date window: the 2019 meeting links exist in 2019 and not in 2016', async () => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const in2019 = await api.gql<{ shortestPath: PathShape | null }>(PATH, {
      from: elena,
      to: sitra,
      window: { from: '2019-01-01', to: '2019-12-31', includeUndated: false },
    });
    expect(in2019.data!.shortestPath).not.toBeNull();
    const in2016 = await api.gql<{ shortestPath: PathShape | null }>(PATH, {
      from: elena,
      to: sitra,
      window: { from: '2016-01-01', to: '2016-12-31', includeUndated: false },
    });
    expect(in2016.errors).toBeUndefined();
    expect(in2016.data!.shortestPath).toBeNull();
  });

  it.each([
    [{ maxHops: 11 }, 'maxHops'],
    [{ maxHops: 0 }, 'maxHops'],
    [{ window: { from: '2020-01-01', to: '2019-01-01' } }, 'window.from'],
  ])('refuses %j naming %s', async (extra, argument) => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const res = await api.gql(PATH, { from: elena, to: sitra, ...extra });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('answers NOT_FOUND for a well-formed id of nothing and BAD_USER_INPUT for garbage', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const ghost = Buffer.from('Person:00000000-0000-4000-8000-000000000000').toString('base64url');
    const missing = await api.gql(PATH, { from: ghost, to: sitra });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
    const garbage = await api.gql(PATH, { from: sitra, to: "') MATCH (n) DETACH DELETE n //" });
    expect(garbage.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'to',
    });
  });
});

type Sub = {
  truncated: boolean;
  nodes: { id: string; __typename: string; name?: string }[];
  edges: { source: string; target: string; type: string; evidence: { quote: string | null }[] }[];
};
const NEIGHBOURHOOD = `query($id: ID!, $depth: Int, $limit: Int, $types: [EntityType!]) {
  neighbourhood(id: $id, depth: $depth, limit: $limit, types: $types) {
    truncated
    nodes { id __typename ... on Entity { name } }
    edges { source target type evidence { quote } }
  }
}`;

describe('neighbourhood', () => {
  it('holds Sitra, the people and organisations next to it, and only links among those nodes', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const res = await api.gql<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { id: sitra });
    expect(res.errors).toBeUndefined();
    const sub = res.data!.neighbourhood;
    expect(sub.truncated).toBe(false);
    const names = sub.nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['Sitra', 'Daniel Kaufmann']));
    expect(sub.nodes.map((n) => n.__typename)).toEqual(expect.arrayContaining(['Invitation']));
    const ids = new Set(sub.nodes.map((n) => n.id));
    expect(ids.size).toBe(sub.nodes.length);
    for (const e of sub.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
      expect(e.evidence.length).toBeGreaterThan(0);
    }
    // Every node but Sitra is linked to Sitra at depth 1.
    for (const node of sub.nodes.filter((n) => n.id !== sitra)) {
      expect(
        sub.edges.some(
          (e) =>
            (e.source === sitra && e.target === node.id) ||
            (e.target === sitra && e.source === node.id),
        ),
      ).toBe(true);
    }
    // The count agrees with Neo4j.
    const uuid = Buffer.from(sitra, 'base64url').toString().split(':')[1];
    const direct = await api.db().query(
      `MATCH (s:Entity {id: $id})-[r]-(n) WHERE NOT type(r) IN ['MENTIONS', 'BASED_IN', 'HELD_IN', 'AUDIENCE_FROM']
         AND (n:Interaction OR (n:Entity AND NOT n:Document)) RETURN count(DISTINCT n) AS c`,
      { id: uuid },
    );
    expect(sub.nodes.length).toBe(Number(direct.records[0]!.get('c')) + 1);
  });

  it('grows with depth, keeps nearer nodes when the cap cuts, and says it was cut', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const one = (await api.gql<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { id: sitra })).data!
      .neighbourhood;
    const two = (await api.gql<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { id: sitra, depth: 2 }))
      .data!.neighbourhood;
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(two.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(one.nodes.map((n) => n.id)));
    const cut = (
      await api.gql<{ neighbourhood: Sub }>(NEIGHBOURHOOD, {
        id: sitra,
        depth: 2,
        limit: one.nodes.length,
      })
    ).data!.neighbourhood;
    expect(cut.truncated).toBe(true);
    expect(new Set(cut.nodes.map((n) => n.id))).toEqual(new Set(one.nodes.map((n) => n.id)));
  });

  it('answers ids and names from the walk alone exactly as from full records', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const light = await api.gql<{ neighbourhood: Sub }>(
      'query($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id __typename ... on Entity { name } } } }',
      { id: sitra },
    );
    const full = await api.gql<{ neighbourhood: Sub }>(
      'query($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id __typename ... on Entity { name slug } } } }',
      { id: sitra },
    );
    expect(light.errors).toBeUndefined();
    const strip = (nodes: Sub['nodes']): unknown[] =>
      nodes.map((n) => ({ id: n.id, __typename: n.__typename, name: n.name }));
    expect(strip(light.data!.neighbourhood.nodes)).toEqual(strip(full.data!.neighbourhood.nodes));
    expect(light.data!.neighbourhood.nodes.some((n) => n.name === 'Daniel Kaufmann')).toBe(true);
  });

  it('keeps only the entity types asked for (interaction nodes stay)', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const res = await api.gql<{ neighbourhood: Sub }>(NEIGHBOURHOOD, {
      id: sitra,
      depth: 2,
      types: ['ORGANISATION'],
    });
    const kinds = new Set(res.data!.neighbourhood.nodes.map((n) => n.__typename));
    expect(kinds.has('Organisation')).toBe(true);
    for (const k of kinds)
      expect(['Organisation', 'Invitation', 'Presentation', 'Proposal', 'Question']).toContain(k);
  });

  it.each([
    [{ depth: 4 }, 'depth'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 100000 }, 'limit'],
  ])('refuses %j naming %s', async (extra, argument) => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const res = await api.gql(NEIGHBOURHOOD, { id: sitra, ...extra });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

type Ranked = {
  rank: number;
  score: number;
  approximate: boolean;
  entity: { __typename: string; name: string; id: string };
};

describe('centrality', () => {
  it.each(['DEGREE', 'BETWEENNESS', 'PAGERANK'])(
    '%s ranks highest first, tied scores sharing a rank (1, 2, 2, 4)',
    async (measure) => {
      const res = await api.gql<{ centrality: Ranked[] }>(
        'query($m: CentralityMeasure!) { centrality(measure: $m, first: 15) { rank score approximate entity { __typename name id } } }',
        { m: measure },
      );
      expect(res.errors).toBeUndefined();
      const ranked = res.data!.centrality;
      expect(ranked).toHaveLength(15);
      const scores = ranked.map((r) => r.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      // Competition ranking: one more than the number of scores above.
      expect(ranked.map((r) => r.rank)).toEqual(
        scores.map((x) => 1 + scores.filter((y) => y > x).length),
      );
      // The seed graph has ties in degree (the St Petersburg cluster and the 5th European Cluster
      // Conference both have 11 neighbours): they share a rank.
      if (measure === 'DEGREE') expect(new Set(ranked.map((r) => r.rank)).size).toBeLessThan(15);
      expect(ranked.every((r) => !r.approximate)).toBe(true);
      expect(ranked.some((r) => r.entity.__typename === 'Document')).toBe(false);
    },
  );

  it('DEGREE equals the number of distinct neighbours in Neo4j', async () => {
    const res = await api.gql<{ centrality: Ranked[] }>(
      '{ centrality(measure: DEGREE, types: [ORGANISATION], first: 5) { score entity { __typename id } } }',
    );
    for (const r of res.data!.centrality) {
      expect(r.entity.__typename).toBe('Organisation');
      const uuid = Buffer.from(r.entity.id, 'base64url').toString().split(':')[1];
      const found = await api.db().query(
        `MATCH (s:Entity {id: $id})-[r]-(n) WHERE NOT type(r) IN ['MENTIONS', 'BASED_IN', 'HELD_IN', 'AUDIENCE_FROM']
           AND (n:Interaction OR (n:Entity AND NOT n:Document)) AND n <> s RETURN count(DISTINCT n) AS c`,
        { id: uuid },
      );
      expect(r.score).toBe(Number(found.records[0]!.get('c')));
    }
  });

  it('follows writes: a new link raises a degree at once (the cache keys on the graph version)', async () => {
    const top = async (): Promise<Ranked[]> =>
      (
        await api.gql<{ centrality: Ranked[] }>(
          '{ centrality(measure: DEGREE, types: [ORGANISATION], first: 100) { score entity { id name } } }',
        )
      ).data!.centrality;
    const before = await top();
    const sitra = await idOf('ORGANISATION', 'sitra');
    const lowest = before.at(-1)!;
    const degreeOf = (list: Ranked[], id: string): number =>
      list.find((r) => r.entity.id === id)!.score;
    const write = await api.gql('mutation($i: LinkInput!) { linkEntities(input: $i) }', {
      i: { type: 'COLLABORATES_WITH', from: lowest.entity.id, to: sitra, role: 'analytics test' },
    });
    expect(write.errors).toBeUndefined();
    const stale = await api.gql<{ analyticsStatus: { current: boolean } }>(
      '{ analyticsStatus { current } }',
    );
    expect(stale.data!.analyticsStatus.current).toBe(false);
    const after = await top();
    expect(degreeOf(after, sitra)).toBe(degreeOf(before, sitra) + 1);
    const fresh = await api.gql<{
      analyticsStatus: { current: boolean; nodes: number; buildMs: number };
    }>('{ analyticsStatus { current nodes buildMs } }');
    expect(fresh.data!.analyticsStatus).toMatchObject({ current: true });
    expect(fresh.data!.analyticsStatus.nodes).toBeGreaterThan(50);
    await api.gql('mutation($i: UnlinkInput!) { unlinkEntities(input: $i) }', {
      i: { type: 'COLLABORATES_WITH', from: lowest.entity.id, to: sitra },
    });
    expect(degreeOf(await top(), sitra)).toBe(degreeOf(before, sitra));
  });
});

describe('communities, brokers, timeline', () => {
  it('partitions the seed graph with a positive modularity, the two articles largely apart', async () => {
    const res = await api.gql<{
      communities: {
        modularity: number;
        count: number;
        communities: {
          id: number;
          size: number;
          countries: string[];
          members: { name: string }[];
        }[];
      };
    }>(
      '{ communities(first: 50, membersFirst: 100) { modularity count communities { id size countries members { name } } } }',
    );
    expect(res.errors).toBeUndefined();
    const result = res.data!.communities;
    expect(result.modularity).toBeGreaterThan(0.3);
    const sizes = result.communities.map((c) => c.size);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    const communityOf = (name: string): number =>
      result.communities.find((c) => c.members.some((m) => m.name === name))!.id;
    // The Estonian cluster conference and the St Petersburg meeting are different stories.
    expect(communityOf('EJKL Competence Centre')).not.toBe(
      communityOf('St Petersburg Cleantech Cluster for Urban Environment'),
    );
  });

  it('finds the brokers between the Finnish and Russian clusters, Sitra among them', async () => {
    const res = await api.gql<{
      brokers: {
        score: number;
        groups: string[];
        crossGroupContacts: number;
        entity: { name: string };
      }[];
    }>(
      '{ brokers(countries: ["FI", "RU"], first: 5) { score groups crossGroupContacts entity { name } } }',
    );
    expect(res.errors).toBeUndefined();
    const brokers = res.data!.brokers;
    expect(brokers.length).toBeGreaterThan(0);
    for (const b of brokers) expect(b.groups).toEqual(expect.arrayContaining(['FI', 'RU']));
    expect(brokers.map((b) => b.entity.name)).toContain('Sitra');
    const refused = await api.gql('{ brokers(countries: ["Finland"]) { score } }');
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'countries[0]',
    });
  });

  it("lists Elena Belova's events and interactions in date order", async () => {
    const elena = await idOf('PERSON', 'elena-belova');
    const res = await api.gql<{
      timeline: { date: string | null; link: string; node: { __typename: string } }[];
    }>('query($id: ID!) { timeline(id: $id) { date link node { __typename } } }', { id: elena });
    expect(res.errors).toBeUndefined();
    const entries = res.data!.timeline;
    expect(entries.map((e) => e.link)).toEqual(
      expect.arrayContaining(['EXTENDED', 'PARTICIPATED_IN']),
    );
    const dates = entries.map((e) => e.date).filter((d): d is string => d !== null);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]).toMatch(/^2019-10-/);
  });
});

describe('background refresh', () => {
  it('builds the projection after start without any ranking asked (ANALYTICS_REFRESH_SECONDS)', async () => {
    // A write makes any projection built so far stale.
    await api
      .db()
      .write((tx) => tx.run("MATCH (o:Organisation {slug: 'sitra'}) SET o.touched = true"));
    const server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ANALYTICS_REFRESH_SECONDS: '1' }),
      api.db(),
      createLogger('silent'),
    );
    try {
      let status: { current: boolean; nodes: number | null } | undefined;
      for (let i = 0; i < 50 && !status?.current; i++) {
        const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ analyticsStatus { current nodes } }' }),
        });
        status = ((await res.json()) as { data: { analyticsStatus: typeof status } }).data
          .analyticsStatus;
        if (!status?.current) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toMatchObject({ current: true });
      expect(status!.nodes).toBeGreaterThan(50);
    } finally {
      await server.stop();
      await api
        .db()
        .write((tx) => tx.run("MATCH (o:Organisation {slug: 'sitra'}) REMOVE o.touched"));
    }
  });
});

type DatedEdge = {
  source: string;
  target: string;
  type: string;
  startDate: string | null;
  endDate: string | null;
};
const DATED_NEIGHBOURHOOD = `query($id: ID!, $depth: Int, $window: DateWindowInput) {
  neighbourhood(id: $id, depth: $depth, window: $window) {
    edges { source target type startDate endDate }
  }
}`;
const edgeKey = (e: DatedEdge): string => `${e.source} ${e.type} ${e.target}`;
/** The day before or after a YYYY-MM-DD day. */
const shift = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('link dates', () => {
  it("dates Sitra's links to the 25 October 2019 meeting, and leaves undated links null", async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const res = await api.gql<{ neighbourhood: { edges: DatedEdge[] } }>(DATED_NEIGHBOURHOOD, {
      id: sitra,
    });
    expect(res.errors).toBeUndefined();
    const edges = res.data!.neighbourhood.edges;
    expect(edges).toContainEqual(
      expect.objectContaining({ startDate: '2019-10-25', endDate: '2019-10-25' }),
    );
    expect(edges).toContainEqual(expect.objectContaining({ startDate: null, endDate: null }));
    for (const e of edges)
      if (e.startDate !== null && e.endDate !== null) expect(e.startDate <= e.endDate).toBe(true);
  });

  it('gives every link the period the window compares: a window that misses it drops the link', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const all = (
      await api.gql<{ neighbourhood: { edges: DatedEdge[] } }>(DATED_NEIGHBOURHOOD, {
        id: sitra,
        depth: 2,
      })
    ).data!.neighbourhood.edges;
    expect(all.length).toBeGreaterThan(10);
    // One neighbourhood per window, each checked against every link it should drop.
    const windows = new Map<string, { window: object; drops: DatedEdge[] }>();
    const drop = (window: object, e: DatedEdge): void => {
      const key = JSON.stringify(window);
      const entry = windows.get(key) ?? { window, drops: [] };
      entry.drops.push(e);
      windows.set(key, entry);
    };
    for (const e of all) {
      if (e.startDate === null && e.endDate === null)
        drop({ from: '1900-01-01', includeUndated: false }, e);
      if (e.startDate !== null) drop({ to: shift(e.startDate, -1) }, e);
      if (e.endDate !== null) drop({ from: shift(e.endDate, 1) }, e);
    }
    expect(windows.size).toBeGreaterThan(2);
    for (const { window, drops } of windows.values()) {
      const res = await api.gql<{ neighbourhood: { edges: DatedEdge[] } }>(DATED_NEIGHBOURHOOD, {
        id: sitra,
        depth: 2,
        window,
      });
      expect(res.errors).toBeUndefined();
      const kept = res.data!.neighbourhood.edges;
      const keys = new Set(kept.map(edgeKey));
      for (const e of drops) expect([window, keys.has(edgeKey(e))]).toEqual([window, false]);
      // What a window keeps has a period overlapping it, with the same dates as unwindowed.
      const dates = new Map(all.map((e) => [edgeKey(e), [e.startDate, e.endDate]]));
      for (const e of kept) expect([e.startDate, e.endDate]).toEqual(dates.get(edgeKey(e)));
    }
  });

  it('dates the steps of a path as the window sees them', async () => {
    const [elena, sitra] = [
      await idOf('PERSON', 'elena-belova'),
      await idOf('ORGANISATION', 'sitra'),
    ];
    const res = await api.gql<{
      shortestPaths: {
        steps: { type: string; startDate: string | null; endDate: string | null }[];
      }[];
    }>(
      `query($f: ID!, $t: ID!, $w: DateWindowInput) {
        shortestPaths(from: $f, to: $t, k: 4, window: $w) { steps { type startDate endDate } }
      }`,
      { f: elena, t: sitra, w: { from: '2019-10-01', to: '2019-10-31', includeUndated: false } },
    );
    expect(res.errors).toBeUndefined();
    const steps = res.data!.shortestPaths.flatMap((p) => p.steps);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps).toContainEqual({
      type: 'PARTICIPATED_IN',
      startDate: '2019-10-25',
      endDate: '2019-10-25',
    });
    for (const s of steps) {
      expect(s.startDate === null && s.endDate === null).toBe(false);
      expect(s.startDate === null || s.startDate <= '2019-10-31').toBe(true);
      expect(s.endDate === null || s.endDate >= '2019-10-01').toBe(true);
    }
  });
});

type Metrics = {
  id: string;
  degree: number;
  pageRank: number;
  betweenness: number;
  community: number | null;
  country: string | null;
};
const NODE_METRICS = `query($ids: [ID!]!, $window: DateWindowInput) {
  nodeMetrics(ids: $ids, window: $window) { id degree pageRank betweenness community country }
}`;

describe('nodeMetrics', () => {
  it.each([
    ['PAGERANK', 'pageRank'],
    ['DEGREE', 'degree'],
    ['BETWEENNESS', 'betweenness'],
  ] as const)('gives the top of centrality(%s) the same scores', async (measure, field) => {
    const top = (
      await api.gql<{ centrality: Ranked[] }>(
        'query($m: CentralityMeasure!) { centrality(measure: $m, first: 3) { score entity { id } } }',
        { m: measure },
      )
    ).data!.centrality;
    const ids = top.map((r) => r.entity.id).reverse();
    const res = await api.gql<{ nodeMetrics: Metrics[] }>(NODE_METRICS, { ids });
    expect(res.errors).toBeUndefined();
    // In the order asked, one entry each.
    expect(res.data!.nodeMetrics.map((m) => m.id)).toEqual(ids);
    for (const m of res.data!.nodeMetrics)
      expect(m[field]).toBe(top.find((r) => r.entity.id === m.id)!.score);
  });

  it('gives each node the community the communities listing has it in, and its country', async () => {
    const listing = (
      await api.gql<{
        communities: { communities: { id: number; members: { id: string }[] }[] };
      }>('{ communities(first: 5, membersFirst: 5) { communities { id members { id } } } }')
    ).data!.communities.communities;
    const members = listing.flatMap((c) => c.members.map((m) => ({ id: m.id, community: c.id })));
    expect(new Set(members.map((m) => m.community)).size).toBeGreaterThan(1);
    const res = await api.gql<{ nodeMetrics: Metrics[] }>(NODE_METRICS, {
      ids: members.map((m) => m.id),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodeMetrics.map((m) => ({ id: m.id, community: m.community }))).toEqual(
      members,
    );
    const sitra = await idOf('ORGANISATION', 'sitra');
    const [metrics] = (await api.gql<{ nodeMetrics: Metrics[] }>(NODE_METRICS, { ids: [sitra] }))
      .data!.nodeMetrics;
    expect(metrics).toMatchObject({ id: sitra, country: 'FI' });
    expect(metrics!.degree).toBeGreaterThan(5);
  });

  it('computes on the window asked, like centrality', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const window = { from: '2019-10-25', to: '2019-10-25', includeUndated: false };
    const ranked = (
      await api.gql<{ centrality: Ranked[] }>(
        'query($w: DateWindowInput) { centrality(measure: DEGREE, first: 100, window: $w) { score entity { id } } }',
        { w: window },
      )
    ).data!.centrality;
    const inWindow = ranked.find((r) => r.entity.id === sitra)!.score;
    const all = (await api.gql<{ nodeMetrics: Metrics[] }>(NODE_METRICS, { ids: [sitra] })).data!
      .nodeMetrics[0]!.degree;
    const res = await api.gql<{ nodeMetrics: Metrics[] }>(NODE_METRICS, { ids: [sitra], window });
    expect(res.data!.nodeMetrics[0]!.degree).toBe(inWindow);
    expect(inWindow).toBeLessThan(all);
  });

  it('leaves out well-formed ids of nothing, and refuses documents and ids not of this API', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const ghost = Buffer.from('Person:00000000-0000-4000-8000-000000000000').toString('base64url');
    const res = await api.gql<{ nodeMetrics: Metrics[] }>(NODE_METRICS, {
      ids: [ghost, sitra, sitra],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodeMetrics.map((m) => m.id)).toEqual([sitra, sitra]);
    const garbage = await api.gql(NODE_METRICS, { ids: [sitra, 'nope'] });
    expect(garbage.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'ids[1]',
    });
    expect(garbage.errors![0]!.message).toContain('"nope"');
    const doc = await idOf('DOCUMENT', 'gnf-2019-10-25-sitra-st-petersburg-meeting');
    const refused = await api.gql(NODE_METRICS, { ids: [doc] });
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'ids[0]',
    });
  });

  it('answers 2000 ids within the cost limit and refuses 2001, or none, naming ids', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const ids = (n: number): string[] =>
      Array.from({ length: n }, (_, i) =>
        i === 0
          ? sitra
          : Buffer.from(`Person:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).toString(
              'base64url',
            ),
      );
    const many = await api.gql<{ nodeMetrics: Metrics[] }>(NODE_METRICS, { ids: ids(2000) });
    expect(many.errors).toBeUndefined();
    expect(many.data!.nodeMetrics.map((m) => m.id)).toEqual([sitra]);
    for (const n of [2001, 0]) {
      const refused = await api.gql(NODE_METRICS, { ids: ids(n) });
      expect(refused.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'ids',
      });
    }
    // Twice 2000 in one operation is priced as 4000 rows: over the cost limit.
    const twice = await api.gql(
      `query($ids: [ID!]!) {
        a: nodeMetrics(ids: $ids) { id degree pageRank betweenness community country }
        b: nodeMetrics(ids: $ids) { id degree pageRank betweenness community country }
      }`,
      { ids: ids(2000) },
    );
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });
});
