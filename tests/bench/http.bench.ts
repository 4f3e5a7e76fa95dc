/**
 * The query-mix benchmark: the same eight questions asked of our API, of the Neo4j GraphQL
 * Library (@neo4j/graphql, type definitions equivalent to ours) and of the bare driver running
 * the Cypher our API runs, on the same Neo4j and data. Answers are compared before timing;
 * each target then gets autocannon at a fixed concurrency after a warm-up, in mirrored halves.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { startServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { buildMix, type MixQuery } from './mix';
import { encodeParams, type RecordedStatement } from './statements';
import {
  BENCH_METRICS_TOKEN,
  BENCH_PASSWORD,
  ROOT,
  childProcess,
  cpuMsOf,
  memoryOf,
  round,
  startApi,
  type ApiProcess,
} from './support';

export interface Load {
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface TargetFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  roundTripsPerRequest: number | null;
  rssMiB: number;
  peakMiB: number;
  /** CPU milliseconds per answered request during the timed run: the server's and Neo4j's. */
  serverCpuMs: number;
  neo4jCpuMs: number;
}

export interface QueryFigures {
  name: string;
  description: string;
  /** Nesting depth of our operation's selection (the round-trip target is depth + 1). */
  depth: number;
  equal: boolean;
  difference: string | null;
  ours: TargetFigures;
  peer: TargetFigures;
  raw: TargetFigures;
}

export interface HttpBench {
  load: Load;
  queries: QueryFigures[];
  targets: { name: string; limit: string; measured: string; holds: boolean }[];
}

/** Deepest chain of fields with selections (fragments add no level). */
export function depthOf(query: string): number {
  const walk = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD)
        deepest = Math.max(deepest, s.selectionSet ? 1 + walk(s.selectionSet) : 0);
      else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, walk(s.selectionSet));
    }
    return deepest;
  };
  const document = parse(query);
  return Math.max(
    ...document.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION ? walk(d.selectionSet) : 0,
    ),
  );
}

/** Starts a compiled benchmark entry and waits for its `<TAG>_READY <url>` line. */
export async function startChild(
  entry: string,
  tag: string,
  env: Record<string, string>,
): Promise<ApiProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'tests', 'bench', entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = new RegExp(`${tag}_READY (\\S+)`).exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}: ${out}`)));
  });
  return childProcess(url, child);
}

async function post(url: string, body: unknown): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

/** Our API in-process, once per query, to record the statements it sends (for the raw peer). */
async function recordStatements(
  db: Database,
  neo4jUri: string,
  mix: MixQuery[],
): Promise<Record<string, RecordedStatement[]>> {
  const server = await startServer(
    loadConfig({
      NODE_ENV: 'production',
      NEO4J_URI: neo4jUri,
      NEO4J_PASSWORD: BENCH_PASSWORD,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_KEY_PER_MINUTE: '0',
      ANALYTICS_REFRESH_SECONDS: '0',
    }),
    db,
    createLogger('silent'),
  );
  const recorded: Record<string, RecordedStatement[]> = {};
  try {
    for (const q of mix) {
      // What the API sends in steady state: a first, unrecorded request fills what it keeps
      // between requests (the MOST_CONNECTED ranking, until the graph changes).
      await post(`http://127.0.0.1:${server.port}/graphql`, q.ours);
      const statements: RecordedStatement[] = [];
      const stop = db.onStatement((cypher, params) =>
        statements.push({ cypher, params: encodeParams(params) }),
      );
      const answer = await post(`http://127.0.0.1:${server.port}/graphql`, q.ours);
      stop();
      if (answer.errors) throw new Error(`${q.name}: ${JSON.stringify(answer.errors)}`);
      recorded[q.name] = statements;
    }
  } finally {
    await server.stop();
  }
  return recorded;
}

/** Sums the samples of a Prometheus metric whose line matches `filter`. */
function metric(text: string, name: string, filter = ''): number {
  let sum = 0;
  for (const line of text.split('\n'))
    if (line.startsWith(name) && line.includes(filter)) sum += Number(line.split(' ').pop());
  return sum;
}

async function roundTripCounter(url: string): Promise<() => Promise<number>> {
  const read = async (): Promise<[number, number]> => {
    const text = await (
      await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
      })
    ).text();
    return [
      metric(text, 'neo4j_statements_total'),
      metric(text, 'http_request_duration_seconds_count', 'route="/graphql"'),
    ];
  };
  const [statements, requests] = await read();
  return async () => {
    const [s, r] = await read();
    return r > requests ? round((s - statements) / (r - requests), 2) : NaN;
  };
}

async function cannon(url: string, body: unknown, seconds: number, connections: number) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections,
    duration: seconds,
  });
}

const ROUND_TRIP_SAMPLE = 20;

/** The peer's statement total, from the header every one of its answers carries. */
async function peerRoundTrips(url: string): Promise<(requests: number) => Promise<number>> {
  const read = async (): Promise<number> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await res.arrayBuffer();
    return Number(res.headers.get('x-neo4j-statements'));
  };
  const before = await read();
  return async (requests) => round(((await read()) - before) / requests, 2);
}

type RoundTrips = () => Promise<(requests: number) => Promise<number | null>>;

/** What one server is timed with: its process, URL, body and round-trip counter. */
interface Target {
  process: ApiProcess;
  url: string;
  body: unknown;
  roundTrips: RoundTrips;
}

/** Warms a target up, then counts its round trips over requests sent one at a time. */
async function prepare(target: Target, load: Load): Promise<number | null> {
  await cannon(target.url, target.body, load.warmupSeconds, load.connections);
  // autocannon returns without waiting for the answers still on their way: let the server
  // finish them before counting.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  // Round trips from requests one at a time, so that none is cut off mid-way by the end of a
  // timed run and the count per request is exact.
  const count = await target.roundTrips();
  for (let i = 0; i < ROUND_TRIP_SAMPLE; i++) await post(target.url, target.body);
  return count(ROUND_TRIP_SAMPLE);
}

interface Half {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  serverCpuMs: number;
  neo4jCpuMs: number;
}

/** One timed half: autocannon for half the run, with the CPU both processes spent meanwhile. */
async function half(neo4jPid: number, target: Target, load: Load): Promise<Half> {
  const cpuBefore = [cpuMsOf(target.process.pid), cpuMsOf(neo4jPid)];
  const result = await cannon(target.url, target.body, load.seconds / 2, load.connections);
  const cpuAfter = [cpuMsOf(target.process.pid), cpuMsOf(neo4jPid)];
  return {
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    serverCpuMs: cpuAfter[0]! - cpuBefore[0]!,
    neo4jCpuMs: cpuAfter[1]! - cpuBefore[1]!,
  };
}

/**
 * The three servers of one question, timed in halves in the order ours, peer, raw, raw, peer,
 * ours: Neo4j keeps getting faster under load for minutes (its JVM compiles as it goes), and a
 * fixed order would give that drift to whoever comes last. Mirrored halves cancel it.
 * Requests and CPU add up; p50 and p99 are the halves' percentiles weighted by their requests.
 */
async function measureAll(
  neo4jPid: number,
  targets: [Target, Target, Target],
  load: Load,
): Promise<[TargetFigures, TargetFigures, TargetFigures]> {
  const roundTrips: (number | null)[] = [];
  for (const target of targets) roundTrips.push(await prepare(target, load));
  const halves: Half[][] = targets.map(() => []);
  for (const i of [0, 1, 2, 2, 1, 0]) halves[i]!.push(await half(neo4jPid, targets[i]!, load));
  return targets.map((target, i) => {
    const [a, b] = halves[i] as [Half, Half];
    const requests = a.requests + b.requests;
    const weighted = (key: 'p50Ms' | 'p99Ms'): number =>
      requests > 0 ? round((a[key] * a.requests + b[key] * b.requests) / requests, 1) : NaN;
    const perRequest = (key: 'serverCpuMs' | 'neo4jCpuMs'): number =>
      round((a[key] + b[key]) / Math.max(1, requests), 2);
    const memory = memoryOf(target.process.pid);
    return {
      requestsPerSecond: round(requests / load.seconds),
      p50Ms: weighted('p50Ms'),
      p99Ms: weighted('p99Ms'),
      requests,
      errors: a.errors + b.errors,
      roundTripsPerRequest: roundTrips[i]!,
      rssMiB: memory.rssMiB,
      peakMiB: memory.peakMiB,
      serverCpuMs: perRequest('serverCpuMs'),
      neo4jCpuMs: perRequest('neo4jCpuMs'),
    };
  }) as [TargetFigures, TargetFigures, TargetFigures];
}

export async function benchHttp(
  db: Database,
  neo4jUri: string,
  neo4jPid: number,
  load: Load,
  log: (line: string) => void,
  only?: string[],
): Promise<HttpBench> {
  const mix = (await buildMix(db)).filter((q) => !only || only.includes(q.name));
  log(`query mix: ${mix.map((q) => q.name).join(', ')}`);
  const recorded = await recordStatements(db, neo4jUri, mix);
  const statementsFile = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'bench-')),
    'statements.json',
  );
  writeFileSync(statementsFile, JSON.stringify(recorded));
  const neo4jEnv = { NEO4J_URI: neo4jUri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: BENCH_PASSWORD };
  const ours = await startApi(neo4jUri);
  const peer = await startChild('peer-server.js', 'PEER', { ...neo4jEnv, PORT: '0' });
  const raw = await startChild('raw-server.js', 'RAW', {
    ...neo4jEnv,
    PORT: '0',
    STATEMENTS: statementsFile,
  });
  const queries: QueryFigures[] = [];
  try {
    // Neo4j's JVM compiles its hot paths during the first minute of load (it spent five times
    // the CPU per statement in its first seconds than a minute later): whoever is timed first
    // would pay for that. So every query warms up on every target before anything is timed.
    log(`warming up: ${mix.length} queries x 3 targets x ${load.warmupSeconds} s`);
    for (const q of mix) {
      await cannon(`${ours.url}/graphql`, q.ours, load.warmupSeconds, load.connections);
      await cannon(peer.url, q.peer, load.warmupSeconds, load.connections);
      await cannon(`${raw.url}/q/${q.name}`, {}, load.warmupSeconds, load.connections);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const q of mix) {
      const oursAnswer = await post(`${ours.url}/graphql`, q.ours);
      const peerAnswer = await post(peer.url, q.peer);
      const difference =
        oursAnswer.errors || peerAnswer.errors
          ? `errors: ${JSON.stringify(oursAnswer.errors ?? peerAnswer.errors).slice(0, 300)}`
          : q.compare(oursAnswer.data, peerAnswer.data);
      log(`${q.name}: answers ${difference === null ? 'equal' : `DIFFER (${difference})`}`);
      const statements = recorded[q.name]!.length;
      const [oursFigures, peerFigures, rawFigures] = await measureAll(
        neo4jPid,
        [
          {
            process: ours,
            url: `${ours.url}/graphql`,
            body: q.ours,
            roundTrips: () => roundTripCounter(ours.url),
          },
          {
            process: peer,
            url: peer.url,
            body: q.peer,
            roundTrips: () => peerRoundTrips(peer.url),
          },
          {
            process: raw,
            url: `${raw.url}/q/${q.name}`,
            body: {},
            roundTrips: async () => async () => statements,
          },
        ],
        load,
      );
      const figures: QueryFigures = {
        name: q.name,
        description: q.description,
        depth: depthOf(q.ours.query),
        equal: difference === null,
        difference,
        ours: oursFigures,
        peer: peerFigures,
        raw: rawFigures,
      };
      log(
        `${q.name}: ours ${figures.ours.requestsPerSecond} req/s p50 ${figures.ours.p50Ms} ms, ` +
          `peer ${figures.peer.requestsPerSecond} req/s p50 ${figures.peer.p50Ms} ms, ` +
          `raw ${figures.raw.requestsPerSecond} req/s p50 ${figures.raw.p50Ms} ms`,
      );
      queries.push(figures);
    }
  } finally {
    await ours.stop();
    await peer.stop();
    await raw.stop();
  }
  return { load, queries, targets: targetsOf(queries) };
}

function targetsOf(queries: QueryFigures[]): HttpBench['targets'] {
  const out: HttpBench['targets'] = [];
  for (const q of queries) {
    out.push(
      {
        name: `${q.name}: throughput at least the peer's`,
        limit: `>= ${q.peer.requestsPerSecond} req/s`,
        measured: `${q.ours.requestsPerSecond} req/s`,
        holds: q.ours.requestsPerSecond >= q.peer.requestsPerSecond,
      },
      {
        name: `${q.name}: p99 at most the peer's`,
        limit: `<= ${q.peer.p99Ms} ms`,
        measured: `${q.ours.p99Ms} ms`,
        holds: q.ours.p99Ms <= q.peer.p99Ms,
      },
      {
        name: `${q.name}: p50 at most 1.5 x raw`,
        limit: `<= ${round(q.raw.p50Ms * 1.5)} ms`,
        measured: `${q.ours.p50Ms} ms`,
        holds: q.ours.p50Ms <= q.raw.p50Ms * 1.5,
      },
      {
        name: `${q.name}: round trips at most depth + 1`,
        limit: `<= ${q.depth + 1}`,
        measured: String(q.ours.roundTripsPerRequest),
        holds: (q.ours.roundTripsPerRequest ?? Infinity) <= q.depth + 1,
      },
      {
        name: `${q.name}: answers equal and no errors`,
        limit: '0 errors',
        measured: `${q.equal ? 'equal' : 'different'}, ${q.ours.errors} errors`,
        holds: q.equal && q.ours.errors === 0,
      },
    );
  }
  const peak = Math.max(...queries.map((q) => q.ours.peakMiB));
  out.push({
    name: 'API resident memory under load',
    limit: '< 300 MB',
    measured: `${peak} MiB peak`,
    holds: peak * 1.048576 < 300,
  });
  return out;
}
