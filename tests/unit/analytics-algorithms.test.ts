/**
 * The in-memory algorithms on small graphs checked by hand: degree, exact and sampled
 * betweenness, PageRank order, Louvain on a known split with its modularity, brokers.
 */
import { UndirectedGraph } from 'graphology';
import { brokers } from '../../src/modules/analytics/brokers';
import {
  buildProjection,
  Projection,
  sampledBetweenness,
  seededRandom,
} from '../../src/modules/analytics/projection';
import type { NodeAttributes, ProjectionGraph } from '../../src/modules/analytics/projection-graph';

/** Two 4-cliques (FI: a1..a4, RU: b1..b4) joined through x (EE): a1 - x - b1. */
function bridgedCliques(): ProjectionGraph {
  const g = new UndirectedGraph<NodeAttributes>();
  const add = (key: string, country: string): void => {
    g.addNode(key, { uuid: key, type: 'Organisation', name: key, country });
  };
  for (const side of ['a', 'b'] as const) {
    for (let i = 1; i <= 4; i++) add(`${side}${i}`, side === 'a' ? 'FI' : 'RU');
    for (let i = 1; i <= 4; i++)
      for (let j = i + 1; j <= 4; j++) g.addEdge(`${side}${i}`, `${side}${j}`);
  }
  add('x', 'EE');
  g.addEdge('a1', 'x');
  g.addEdge('x', 'b1');
  return g;
}

describe('centrality on two cliques and a bridge (n = 9)', () => {
  const projection = new Projection(bridgedCliques(), 'v1');

  it('degree counts distinct neighbours', () => {
    const degree = projection.degree().values;
    expect(degree.get('a1')).toBe(4);
    expect(degree.get('x')).toBe(2);
    expect(degree.get('a2')).toBe(3);
  });

  it('betweenness matches the hand count: x carries 16 pairs, a1 and b1 15 each', () => {
    // Normalised for an undirected graph: pairs / ((n - 1)(n - 2) / 2) = pairs / 28.
    const { values, approximate } = projection.betweenness();
    expect(approximate).toBe(false);
    expect(values.get('x')).toBeCloseTo(16 / 28, 10);
    expect(values.get('a1')).toBeCloseTo(15 / 28, 10);
    expect(values.get('b1')).toBeCloseTo(15 / 28, 10);
    expect(values.get('a2')).toBeCloseTo(0, 10);
  });

  it('sampled betweenness with every node as a source equals the exact one', () => {
    const exact = projection.betweenness().values;
    const sampled = sampledBetweenness(projection.graph, 9);
    for (const [node, value] of exact) expect(sampled.get(node)).toBeCloseTo(value, 10);
  });

  it('PageRank sums to 1 and ranks the clique ends of the bridge above the plain members', () => {
    const rank = projection.pagerank().values;
    const total = [...rank.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(rank.get('a1')!).toBeGreaterThan(rank.get('a2')!);
    expect(rank.get('a1')).toBeCloseTo(rank.get('b1')!, 6);
  });

  it('Louvain finds the two cliques, with the modularity of that split', () => {
    const { of, count, modularity } = projection.communities();
    expect(count).toBe(2);
    const a = of.get('a1');
    const b = of.get('b1');
    expect(a).not.toBe(b);
    for (let i = 2; i <= 4; i++) {
      expect(of.get(`a${i}`)).toBe(a);
      expect(of.get(`b${i}`)).toBe(b);
    }
    // m = 14 links; the side holding x has 7 inner links and degree sum 15, the other 6 and 13:
    // Q = 7/14 - (15/28)^2 + 6/14 - (13/28)^2.
    expect(modularity).toBeCloseTo(7 / 14 - (15 / 28) ** 2 + 6 / 14 - (13 / 28) ** 2, 6);
  });

  it('names x the only broker between FI and RU', () => {
    const g = projection.graph;
    const found = brokers(g, (n) => g.getNodeAttribute(n, 'country'), {
      candidates: new Set(['Organisation']),
      required: ['FI', 'RU'],
    });
    expect(found.map((b) => b.uuid)).toEqual(['x']);
    expect(found[0]).toMatchObject({ score: 3, groups: ['EE', 'FI', 'RU'], contacts: 2 });
  });

  it('counts contacts met through a shared event, without the entity itself', () => {
    const g = bridgedCliques();
    g.addNode('forum', { uuid: 'forum', type: 'Event', name: 'forum', country: 'RU' });
    g.addEdge('a2', 'forum');
    g.addEdge('b2', 'forum');
    g.addEdge('b3', 'forum');
    const found = brokers(g, (n) => g.getNodeAttribute(n, 'country'), {
      candidates: new Set(['Organisation']),
      required: ['FI', 'RU'],
    });
    const a2 = found.find((b) => b.uuid === 'a2');
    // a2: three clique neighbours (FI) and two RU parties of the forum.
    expect(a2).toMatchObject({ groups: ['FI', 'RU'], contacts: 5, crossGroupContacts: 2 });
  });
});

describe('buildProjection', () => {
  it('merges parallel and opposite links, drops self-links and links to unknown nodes', async () => {
    const projection = await buildProjection('v1', async (onNode, onLinks) => {
      for (const uuid of ['p', 'q', 'r'])
        onNode({ uuid, type: 'Person', name: uuid.toUpperCase(), country: null });
      onLinks('p', ['q', 'q', 'p', 'ghost']);
      onLinks('q', ['p', 'r']);
      onLinks('ghost', ['r']);
    });
    expect(projection.graph.order).toBe(3);
    expect(projection.graph.size).toBe(2);
    expect(projection.degree().values).toEqual(
      new Map([
        ['p', 1],
        ['q', 2],
        ['r', 1],
      ]),
    );
    expect(projection.attributes('q')).toMatchObject({ uuid: 'q', name: 'Q', type: 'Person' });
    expect(projection.attributes('ghost')).toBeUndefined();
  });
});

/**
 * Neo4j streams nodes and links in the order of its store, which depends on what was written
 * and deleted before (a reseeded test database, a restored backup, a cluster member). The
 * measures must not: Louvain and the sampled betweenness follow the order nodes are added in.
 */
describe('a projection does not depend on the order its rows arrive in', () => {
  // A random graph (4,200 links) with no clear community structure: Louvain's moves depend on order.
  const n = 2_100; // above EXACT_BETWEENNESS_LIMIT: betweenness is sampled
  const next = seededRandom(42);
  const uuids = Array.from({ length: n }, (_, i) => `node-${(i * 7919) % n}`);
  const links: [string, string][] = [];
  for (let i = 0; i < n * 2; i++)
    links.push([uuids[Math.floor(next() * n)]!, uuids[Math.floor(next() * n)]!]);

  const shuffled = <T>(list: readonly T[], seed: number): T[] => {
    const r = seededRandom(seed);
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const build = (seed: number): Promise<Projection> =>
    buildProjection('v1', async (onNode, onLinks) => {
      for (const uuid of seed === 0 ? uuids : shuffled(uuids, seed))
        onNode({ uuid, type: 'Organisation', name: uuid, country: null });
      for (const [a, b] of seed === 0 ? links : shuffled(links, seed + 1))
        if (seed % 2 === 0) onLinks(a, [b]);
        else onLinks(b, [a]);
    });
  const sorted = <V>(values: Map<string, V>): [string, V][] =>
    [...values].sort(([a], [b]) => (a < b ? -1 : 1));

  it('gives the same communities, modularity and sampled betweenness in any order', async () => {
    const first = await build(0);
    expect(first.betweenness().approximate).toBe(true);
    for (const seed of [1, 2, 3]) {
      const other = await build(seed);
      expect(other.communities().modularity).toBe(first.communities().modularity);
      expect(sorted(other.communities().of)).toEqual(sorted(first.communities().of));
      expect(sorted(other.betweenness().values)).toEqual(sorted(first.betweenness().values));
      const rank = (p: Projection): string[] =>
        sorted(p.pagerank().values).map(([uuid, v]) => `${uuid} ${v.toPrecision(10)}`);
      expect(rank(other)).toEqual(rank(first));
    }
  });
});

describe('brokers that tie', () => {
  it('come in the order of their uuids, not of their keys in the projection', () => {
    // Keys are places in the projection ("9" sorts after "10" as text); uuids are the ids.
    const g = new UndirectedGraph<NodeAttributes>();
    const add = (key: string, uuid: string, country: string): void => {
      g.addNode(key, { uuid, type: 'Organisation', name: uuid, country });
    };
    add('9', 'broker-a', 'EE');
    add('10', 'broker-b', 'EE');
    add('f', 'fi', 'FI');
    add('r', 'ru', 'RU');
    for (const broker of ['9', '10']) {
      g.addEdge(broker, 'f');
      g.addEdge(broker, 'r');
    }
    const ranked = new Projection(g, 'v1').brokerRanking(
      'COUNTRY',
      { candidates: ['Organisation'], required: ['FI', 'RU'] },
      10,
    );
    expect(ranked.map((b) => b.uuid)).toEqual(['broker-a', 'broker-b']);
  });
});

describe('a node without links', () => {
  it('leaves the communities of the others as they were', async () => {
    const next = seededRandom(5);
    const uuids = Array.from({ length: 2_000 }, (_, i) => `n-${(i * 7919) % 2_000}`);
    const links: [string, string][] = Array.from({ length: 4_000 }, () => [
      uuids[Math.floor(next() * 2_000)]!,
      uuids[Math.floor(next() * 2_000)]!,
    ]);
    const build = (extra: string[]): Promise<Projection> =>
      buildProjection('v1', async (onNode, onLinks) => {
        for (const uuid of [...uuids, ...extra])
          onNode({ uuid, type: 'Organisation', name: uuid, country: null });
        for (const [a, b] of links) onLinks(a, [b]);
      });
    const before = (await build([])).communities();
    // Ids that sort first, in the middle and last: a new entity not linked yet.
    for (const lone of ['a-lone', 'n-1000x', 'z-lone']) {
      const after = (await build([lone])).communities();
      expect(after.modularity).toBeCloseTo(before.modularity, 12);
      expect(after.count).toBe(before.count + 1);
      // The same groups: each pair of nodes together before is together after, and only they.
      const together = (of: Map<string, number>): string[] =>
        uuids.map((u) => uuids.filter((v) => of.get(v) === of.get(u)).join(','));
      expect(together(after.of)).toEqual(together(before.of));
    }
  });
});
