/**
 * Analytics benchmark: neighbourhood depth 2 latency, projection build, PageRank, approximate
 * betweenness and Louvain times, and a full GEXF export (time, size, API peak memory), on a
 * generated graph, against the targets of the analytics issue.
 */
import { memoryOf, percentile, round, gql, type ApiProcess } from './support';
import type { Database } from '../../src/db/database';
import { toGlobalId, type NodeType } from '../../src/shared/global-id';

export interface AnalyticsResult {
  neighbourhood: {
    requests: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    meanNodes: number;
    truncatedShare: number;
  };
  projectionBuildMs: number;
  firstRankingMs: number;
  projection: { nodes: number; links: number };
  pagerankMs: number;
  betweennessMs: number;
  betweennessApproximate: boolean;
  louvainMs: number;
  export: { ms: number; bytes: number; apiPeakMiB: number; apiRssBeforeMiB: number };
  targets: { name: string; limit: string; measured: string; holds: boolean }[];
}

async function sampleIds(db: Database, count: number): Promise<string[]> {
  const result = await db.query(
    `MATCH (n:Organisation|Person|Event) WITH n ORDER BY n.id
     WITH collect(n) AS candidates
     WITH candidates, toInteger(ceil(size(candidates) / toFloat($count))) AS step
     UNWIND range(0, size(candidates) - 1, step) AS i
     WITH candidates[i] AS n
     RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type`,
    { count },
  );
  return result.records.map((r) => toGlobalId(r.get('type') as NodeType, r.get('id') as string));
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export async function benchAnalytics(
  db: Database,
  api: ApiProcess,
  log: (line: string) => void,
): Promise<AnalyticsResult> {
  // Warm-up and measurement use different nodes: nothing measured was asked before.
  const sample = await sampleIds(db, 300);
  const warmUp = sample.filter((_, i) => i % 3 === 0);
  const ids = sample.filter((_, i) => i % 3 !== 0);
  // What a graph drawing asks: ids, types and names of the nodes, the typed links among them.
  const query = `query($id: ID!) { neighbourhood(id: $id, depth: 2) {
    truncated nodes { id __typename ... on Entity { name } } edges { source target type } } }`;
  type Sub = { neighbourhood: { truncated: boolean; nodes: unknown[] } };
  log(`neighbourhood depth 2: ${warmUp.length} warm-up requests, then ${ids.length} measured`);
  for (const id of warmUp) await gql<Sub>(api.url, query, { id });
  const latencies: number[] = [];
  let nodes = 0;
  let truncated = 0;
  for (const id of ids) {
    const { ms, value } = await timed(() => gql<Sub>(api.url, query, { id }));
    latencies.push(ms);
    nodes += value.neighbourhood.nodes.length;
    if (value.neighbourhood.truncated) truncated += 1;
  }
  latencies.sort((a, b) => a - b);

  log('projection (first DEGREE ranking builds it), PageRank, betweenness, Louvain');
  const rank = (measure: string): Promise<unknown> =>
    gql(
      api.url,
      `{ centrality(measure: ${measure}, first: 10) { score approximate entity { id } } }`,
    );
  const projection = await timed(() => rank('DEGREE'));
  const status = await gql<{ analyticsStatus: { buildMs: number; nodes: number; links: number } }>(
    api.url,
    '{ analyticsStatus { buildMs nodes links } }',
  );
  const pagerank = await timed(() => rank('PAGERANK'));
  const betweenness = await timed(() =>
    gql<{ centrality: { approximate: boolean }[] }>(
      api.url,
      '{ centrality(measure: BETWEENNESS, first: 10) { approximate } }',
    ),
  );
  const louvain = await timed(() => gql(api.url, '{ communities(first: 5) { modularity count } }'));

  log('full GEXF export');
  const before = memoryOf(api.pid);
  const exported = await timed(async () => {
    const res = await fetch(`${api.url}/export/graph.gexf`);
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
    return bytes;
  });
  const after = memoryOf(api.pid);

  const p95 = percentile(latencies, 95);
  const result: AnalyticsResult = {
    neighbourhood: {
      requests: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(p95),
      p99Ms: round(percentile(latencies, 99)),
      meanNodes: round(nodes / ids.length),
      truncatedShare: round(truncated / ids.length, 3),
    },
    projectionBuildMs: status.analyticsStatus.buildMs,
    firstRankingMs: Math.round(projection.ms),
    projection: { nodes: status.analyticsStatus.nodes, links: status.analyticsStatus.links },
    pagerankMs: Math.round(pagerank.ms),
    betweennessMs: Math.round(betweenness.ms),
    betweennessApproximate: betweenness.value.centrality.some((c) => c.approximate),
    louvainMs: Math.round(louvain.ms),
    export: {
      ms: Math.round(exported.ms),
      bytes: exported.value,
      apiPeakMiB: after.peakMiB,
      apiRssBeforeMiB: before.rssMiB,
    },
    targets: [],
  };
  result.targets = [
    {
      name: 'neighbourhood depth 2 p95',
      limit: '< 50 ms',
      measured: `${round(p95)} ms`,
      holds: p95 < 50,
    },
    {
      name: 'PageRank on the current projection',
      limit: '< 5 s',
      measured: `${round(pagerank.ms / 1000, 2)} s`,
      holds: pagerank.ms < 5000,
    },
    {
      name: 'full GEXF export',
      limit: '< 30 s',
      measured: `${round(exported.ms / 1000, 2)} s`,
      holds: exported.ms < 30_000,
    },
    {
      name: 'API peak memory',
      limit: '< 1024 MiB',
      measured: `${after.peakMiB} MiB`,
      holds: after.peakMiB < 1024,
    },
  ];
  return result;
}
