/**
 * `npm run bench -- [--size small|large] [--seed S] [--fresh] [--suite all|http|analytics|explorer|import]`:
 * generates a graph of the size (once; later runs reuse the data directory
 * .neo4j-local/bench-<size>), starts the API on it in a child process and runs the benchmarks:
 * `http` (the query mix against @neo4j/graphql and the bare driver) and `analytics`; `import`
 * (import.bench.ts) uses an empty graph of its own. Prints
 * tables and writes tests/bench/results/<suite>-<size>.json (and http-<size>.svg). Not part of
 * `npm test`: figures, not pass/fail.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../src/db/migrations';
import { generateGraph } from '../../src/generate/generate';
import { clearGraphInBatches, loadGenerated } from '../../src/generate/load';
import { betweennessSamples } from '../../src/modules/analytics/projection';
import { benchAnalytics } from './analytics.bench';
import { chartSvg } from './chart';
import { benchHttp, type HttpBench } from './http.bench';
import { benchExplorer } from './explorer.bench';
import { benchImport } from './import.bench';
import { ROOT, startApi, startBenchNeo4j, round } from './support';

const SIZES = {
  small: { nodes: 1_000, heap: '1g', pageCache: '256m' },
  large: { nodes: 100_000, heap: '3g', pageCache: '2g' },
} as const;
type Size = keyof typeof SIZES;

const SUITES = ['all', 'http', 'analytics', 'explorer', 'import'] as const;
type Suite = (typeof SUITES)[number];

function args(argv: string[]): {
  size: Size;
  seed: number;
  fresh: boolean;
  suite: Suite;
  only: string[] | undefined;
} {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = (get('--size') ?? 'small') as Size;
  if (!(size in SIZES)) throw new Error(`--size is small or large, got ${size}`);
  const seed = Number(get('--seed') ?? 1);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed is a whole number');
  const suite = (get('--suite') ?? 'all') as Suite;
  if (!SUITES.includes(suite)) throw new Error(`--suite is ${SUITES.join(', ')}, got ${suite}`);
  // --only entity,list: a subset of the query mix, for quick iterations (results not written).
  const only = get('--only')?.split(',');
  return { size, seed, fresh: argv.includes('--fresh'), suite, only };
}

const log = (line: string): void => {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

async function main(): Promise<void> {
  const { size, seed, fresh, suite, only } = args(process.argv.slice(2));
  // Bulk import starts from an empty graph of its own (.neo4j-local/bench-import).
  if (suite === 'import') return benchImport(log);
  const spec = SIZES[size];
  log(`size ${size} (${spec.nodes} nodes), seed ${seed}; starting Neo4j (heap ${spec.heap})`);
  const { neo4j, db } = await startBenchNeo4j(size, spec.heap, spec.pageCache);
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    await migrate(db);
    const marker = await db.query(
      'OPTIONAL MATCH (m:BenchDataset) RETURN m.nodes AS nodes, m.seed AS seed',
    );
    const have = marker.records[0];
    let load: Record<string, number> | null = null;
    if (fresh || Number(have?.get('nodes')) !== spec.nodes || Number(have?.get('seed')) !== seed) {
      log('generating and loading the graph (reused by later runs)');
      await clearGraphInBatches(db);
      await db.write((tx) => tx.run('MATCH (m:BenchDataset) DELETE m'));
      const t0 = performance.now();
      const graph = generateGraph({ nodes: spec.nodes, seed });
      const t1 = performance.now();
      const report = await loadGenerated(db, graph, { batchSize: 10_000 });
      const t2 = performance.now();
      await db.write((tx) =>
        tx.run('CREATE (:BenchDataset {nodes: $nodes, seed: $seed})', { nodes: spec.nodes, seed }),
      );
      load = { generateMs: Math.round(t1 - t0), loadMs: Math.round(t2 - t1), ...report };
      log(`loaded: ${JSON.stringify(load)}`);
    }
    const counts = await db.query(
      `MATCH (n:Entity|Interaction) WITH count(n) AS nodes
       MATCH (:Entity|Interaction)-[r]->(:Entity|Interaction) RETURN nodes, count(r) AS relationships`,
    );
    const graph = {
      nodes: Number(counts.records[0]!.get('nodes')),
      relationships: Number(counts.records[0]!.get('relationships')),
    };
    log(`graph: ${graph.nodes} nodes, ${graph.relationships} relationships`);
    const machine = {
      cpus: os.cpus().length,
      memoryGiB: round(os.totalmem() / 2 ** 30),
      node: process.version,
      neo4j: neo4j.version,
    };
    if (suite === 'explorer') {
      api = await startApi(neo4j.uri);
      const explorer = await benchExplorer(api, log);
      const dir = path.join(ROOT, 'tests', 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `explorer-${size}.json`);
      const at = new Date().toISOString();
      writeFileSync(
        file,
        `${JSON.stringify({ suite, size, seed, graph, machine, at, ...explorer }, null, 2)}\n`,
      );
      process.stdout.write(
        [
          '',
          `Explorer benchmark, ${size}: ${graph.nodes} nodes, ${graph.relationships} relationships (headless Chromium)`,
          '| browser | run | open to interactive | open to analytics styled | open to laid out | expanded nodes / links | expand drawn | expand laid out |',
          '|---|---|---|---|---|---|---|---|',
          ...explorer.runs.map(
            (r, i) =>
              `| ${r.mode} | ${(i % 2) + 1} | ${r.openInteractiveMs} ms | ${r.openSettledMs} ms | ${r.openLayoutMs} ms | ${r.expandNodes} / ${r.expandLinks} | ${r.expandDrawnMs} ms | ${r.expandLayoutMs} ms |`,
          ),
          '',
          `JavaScript: ${explorer.javascript.files} files, ${explorer.javascript.rawKiB} KiB raw, ${explorer.javascript.gzipKiB} KiB gzipped`,
          '',
          '| target | limit | measured | holds |',
          '|---|---|---|---|',
          ...explorer.targets.map(
            (t) => `| ${t.name} | ${t.limit} | ${t.measured} | ${t.holds ? 'yes' : 'NO'} |`,
          ),
          '',
          `written to ${path.relative(ROOT, file)}`,
          '',
        ].join('\n'),
      );
      return;
    }
    if (suite !== 'analytics') {
      const http = await benchHttp(db, neo4j.uri, neo4j.pid, HTTP_LOAD, log, only);
      reportHttp(
        size,
        {
          suite: 'http',
          size,
          seed,
          graph,
          machine,
          at: new Date().toISOString(),
          ...http,
        },
        !only,
      );
    }
    if (suite === 'http') return;
    api = await startApi(neo4j.uri);
    const analytics = await benchAnalytics(db, api, log);
    const result = {
      suite: 'analytics',
      size,
      seed,
      graph,
      load,
      machine,
      at: new Date().toISOString(),
      ...analytics,
    };
    const dir = path.join(ROOT, 'tests', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `analytics-${size}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    const n = analytics.neighbourhood;
    process.stdout.write(
      [
        '',
        `Analytics benchmark, ${size}: ${graph.nodes} nodes, ${graph.relationships} relationships`,
        `| measure | value |`,
        `|---|---|`,
        `| neighbourhood depth 2 (${n.requests} requests) p50 / p95 / p99 | ${n.p50Ms} / ${n.p95Ms} / ${n.p99Ms} ms (mean ${n.meanNodes} nodes, ${n.truncatedShare * 100}% capped) |`,
        `| projection build: ${analytics.projection.nodes} nodes, ${analytics.projection.links} links (first ranking, incl. build) | ${analytics.projectionBuildMs} ms (${analytics.firstRankingMs} ms) |`,
        `| PageRank on the projection | ${analytics.pagerankMs} ms |`,
        `| betweenness${analytics.betweennessApproximate ? ` (sampled, ${betweennessSamples(analytics.projection.links)} sources)` : ' (exact)'} | ${analytics.betweennessMs} ms |`,
        `| Louvain | ${analytics.louvainMs} ms |`,
        `| full GEXF export | ${analytics.export.ms} ms, ${round(analytics.export.bytes / 2 ** 20)} MiB |`,
        `| API memory: RSS before export / peak | ${analytics.export.apiRssBeforeMiB} / ${analytics.export.apiPeakMiB} MiB |`,
        '',
        '| target | limit | measured | holds |',
        '|---|---|---|---|',
        ...analytics.targets.map(
          (t) => `| ${t.name} | ${t.limit} | ${t.measured} | ${t.holds ? 'yes' : 'NO'} |`,
        ),
        '',
        `written to ${path.relative(ROOT, file)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await api?.stop();
    await db.close();
    await neo4j.stop();
  }
}

/** Fixed concurrency; a warm-up run first, then the measured run, for every target and query. */
const HTTP_LOAD = { connections: 10, warmupSeconds: 3, seconds: 10 };

/** Prints the table and targets; with `save`, writes the JSON and the chart too. */
function reportHttp(
  size: Size,
  result: HttpBench & {
    suite: string;
    size: Size;
    seed: number;
    at: string;
    graph: { nodes: number; relationships: number };
    machine: object;
  },
  save: boolean,
): void {
  const dir = path.join(ROOT, 'tests', 'bench', 'results');
  const file = path.join(dir, `http-${size}.json`);
  const caption = `${size} graph: ${result.graph.nodes} nodes, ${result.graph.relationships} relationships; ${result.load.connections} connections, ${result.load.seconds} s per run after ${result.load.warmupSeconds} s warm-up`;
  if (save) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(path.join(dir, `http-${size}.svg`), chartSvg(result.queries, caption));
  }
  const row = (q: HttpBench['queries'][number]): string => {
    const ratio = (a: number, b: number): string => (b > 0 ? `${round(a / b, 2)}` : '-');
    return `| ${q.name} | ${q.ours.requestsPerSecond} / ${q.peer.requestsPerSecond} / ${q.raw.requestsPerSecond} | ${ratio(q.ours.requestsPerSecond, q.peer.requestsPerSecond)} | ${q.ours.p50Ms} / ${q.peer.p50Ms} / ${q.raw.p50Ms} | ${ratio(q.ours.p50Ms, q.raw.p50Ms)} | ${q.ours.p99Ms} / ${q.peer.p99Ms} / ${q.raw.p99Ms} | ${q.ours.roundTripsPerRequest} (depth ${q.depth}) / ${q.peer.roundTripsPerRequest} / ${q.raw.roundTripsPerRequest} | ${q.ours.serverCpuMs} + ${q.ours.neo4jCpuMs} / ${q.peer.serverCpuMs} + ${q.peer.neo4jCpuMs} / ${q.raw.serverCpuMs} + ${q.raw.neo4jCpuMs} | ${q.ours.peakMiB} / ${q.peer.peakMiB} / ${q.raw.peakMiB} | ${q.equal ? 'yes' : 'NO'} |`;
  };
  process.stdout.write(
    [
      '',
      `Query mix, ${caption}`,
      '| query | req/s ours / peer / raw | ours:peer | p50 ms ours / peer / raw | ours:raw p50 | p99 ms ours / peer / raw | round trips ours / peer / raw | CPU ms per request, server + Neo4j, ours / peer / raw | peak RSS MiB ours / peer / raw | equal |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...result.queries.map(row),
      '',
      '| target | limit | measured | holds |',
      '|---|---|---|---|',
      ...result.targets.map(
        (t) => `| ${t.name} | ${t.limit} | ${t.measured} | ${t.holds ? 'yes' : 'NO'} |`,
      ),
      '',
      save
        ? `written to ${path.relative(ROOT, file)} and http-${size}.svg`
        : 'a subset of the mix (--only): nothing written',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
