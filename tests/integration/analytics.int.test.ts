/**
 * Analytics on a graph written into the real Neo4j with a known answer: two Finnish and Russian
 * clusters of four organisations each, fully linked inside, joined only through an Estonian
 * bridge organisation (plus a person affiliated with it). The service must read it back through
 * the projection and find the split, the hand-counted betweenness and the bridge as the broker.
 */
import type { Database } from '../../src/db/database';
import type { Context } from '../../src/modules/request/context';
import { createServices, type Services } from '../../src/schema';
import { createLogger } from '../../src/shared/logger';
import { CentralityMeasure, BrokerGrouping } from '../../src/modules/analytics/analytics.type';
import { stableId } from '../../src/shared/ids';
import type { AnalyticsPool } from '../../src/modules/analytics/analytics.pool';
import { clearGraph, openTestDatabase } from '../support/db';

const org = (key: string): string => stableId('analytics-test', key);
const ORGS = [
  ...['a1', 'a2', 'a3', 'a4'].map((k) => ({ key: k, country: 'FI' })),
  ...['b1', 'b2', 'b3', 'b4'].map((k) => ({ key: k, country: 'RU' })),
  { key: 'x', country: 'EE' },
];
const LINKS: [string, string][] = [
  ...['a', 'b'].flatMap((s) =>
    [1, 2, 3, 4].flatMap((i) =>
      [1, 2, 3, 4].filter((j) => j > i).map((j): [string, string] => [`${s}${i}`, `${s}${j}`]),
    ),
  ),
  ['a1', 'x'],
  ['x', 'b1'],
];

describe('analytics on a graph with a known split (real Neo4j)', () => {
  let db: Database;
  let services: Services;
  const ctx = (): Context => ({
    requestId: 'analytics-int',
    logger: createLogger('silent'),
    loaders: services.loaders('analytics-int'),
    client: 'test',
    principal: { id: 'test', role: 'reader' },
  });

  beforeAll(async () => {
    db = openTestDatabase();
    await clearGraph(db);
    await db.write(async (tx) => {
      await tx.run(
        `UNWIND $orgs AS o
         CREATE (:Entity:Organisation {id: o.id, slug: o.key, name: 'Org ' + o.key, kind: 'CLUSTER',
                 country: o.country, aliasNames: [], aliasLanguages: [], evidenceIds: []})`,
        { orgs: ORGS.map((o) => ({ ...o, id: org(o.key) })) },
      );
      await tx.run(
        `UNWIND $links AS l
         MATCH (a:Organisation {id: l[0]}), (b:Organisation {id: l[1]})
         CREATE (a)-[:COLLABORATES_WITH {evidenceIds: []}]->(b)`,
        { links: LINKS.map(([a, b]) => [org(a), org(b)]) },
      );
    });
    services = createServices(db);
  });
  afterAll(async () => {
    await services.analytics.close();
    await clearGraph(db);
    await db.close();
  });

  it('finds the two clusters as communities, with the modularity of that split', async () => {
    const result = await services.analytics.communities(ctx(), 10, 10, 1, {});
    expect(result.count).toBe(2);
    const sides = result.communities.map((c) => new Set(c.memberIds));
    const sideOf = (key: string): number => sides.findIndex((s) => s.has(org(key)));
    for (const k of ['a2', 'a3', 'a4']) expect(sideOf(k)).toBe(sideOf('a1'));
    for (const k of ['b2', 'b3', 'b4']) expect(sideOf(k)).toBe(sideOf('b1'));
    expect(sideOf('a1')).not.toBe(sideOf('b1'));
    expect(result.modularity).toBeCloseTo(7 / 14 - (15 / 28) ** 2 + 6 / 14 - (13 / 28) ** 2, 6);
  });

  it('ranks the bridge first by betweenness, with the hand-counted scores', async () => {
    const ranked = await services.analytics.centrality(
      ctx(),
      CentralityMeasure.BETWEENNESS,
      null,
      3,
      {},
    );
    expect(ranked.map((r) => r.uuid)).toEqual([org('x'), ...[org('a1'), org('b1')].sort()]);
    expect(ranked[0]!.score).toBeCloseTo(16 / 28, 10);
    expect(ranked[1]!.score).toBeCloseTo(15 / 28, 10);
  });

  it('names the Estonian bridge the broker between FI and RU', async () => {
    const found = await services.analytics.brokers(
      ctx(),
      BrokerGrouping.COUNTRY,
      ['FI', 'RU'],
      null,
      10,
      {},
    );
    expect(found.map((b) => b.uuid)).toEqual([org('x')]);
    expect(found[0]).toMatchObject({ groups: ['EE', 'FI', 'RU'], score: 3 });
  });

  it('walks the bridge: the shortest path from a2 to b2 has four steps through a1, x and b1', async () => {
    const toId = (key: string): string =>
      Buffer.from(`Organisation:${org(key)}`).toString('base64url');
    const [path] = await services.analytics.shortestPaths(ctx(), toId('a2'), toId('b2'), 1, 6, {});
    expect(path!.length).toBe(4);
    expect(path!.nodes.map((n) => (n as unknown as { slug: string }).slug)).toEqual([
      'a2',
      'a1',
      'x',
      'b1',
      'b2',
    ]);
  });

  it('finds the same shortest lengths with one path (bidirectional search) as with several', async () => {
    const toId = (key: string): string =>
      Buffer.from(`Organisation:${org(key)}`).toString('base64url');
    const pairs: [string, string][] = [
      ['a2', 'b2'],
      ['a1', 'b4'],
      ['x', 'a3'],
      ['b3', 'a4'],
      ['a1', 'a2'],
    ];
    for (const [from, to] of pairs) {
      const [one] = await services.analytics.shortestPaths(ctx(), toId(from), toId(to), 1, 6, {});
      const several = await services.analytics.shortestPaths(ctx(), toId(from), toId(to), 3, 6, {});
      expect([from, to, one!.length]).toEqual([from, to, several[0]!.length]);
      // Too few hops allowed: neither form finds a walk.
      const short = one!.length - 1;
      if (short > 0) {
        expect(
          await services.analytics.shortestPaths(ctx(), toId(from), toId(to), 1, short, {}),
        ).toEqual([]);
        expect(
          await services.analytics.shortestPaths(ctx(), toId(from), toId(to), 2, short, {}),
        ).toEqual([]);
      }
    }
  });

  it('answers an ask that waited for its worker while a write made its projection stale', async () => {
    const single = createServices(db, undefined, {
      workers: 1,
      queue: 8,
      waitSeconds: 60,
      runSeconds: 60,
    });
    const pool = (single.analytics as unknown as { workers(): AnalyticsPool }).workers();
    try {
      // The projection at the current version, built and cached.
      await single.analytics.centrality(ctx(), CentralityMeasure.BETWEENNESS, null, 3, {});
      // The one worker is taken, so the next ask on that projection waits for it...
      let release!: () => void;
      const held = pool.run(() => new Promise<void>((resolve) => (release = resolve)));
      const waiting = single.analytics.centrality(ctx(), CentralityMeasure.PAGERANK, null, 3, {});
      await new Promise((r) => setTimeout(r, 200));
      // ...while a write moves the version and a newer ask replaces the projection.
      await db.write((tx) =>
        tx.run('MATCH (o:Organisation {id: $id}) SET o.touched = true', { id: org('x') }),
      );
      const newer = single.analytics.centrality(ctx(), CentralityMeasure.DEGREE, null, 3, {});
      await new Promise((r) => setTimeout(r, 200));
      release();
      await held;
      const [ranked] = await Promise.all([waiting, newer]);
      expect(ranked).toHaveLength(3);
    } finally {
      await single.analytics.close();
    }
  });
});
