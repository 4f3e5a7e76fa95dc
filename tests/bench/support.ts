/**
 * Benchmark plumbing: a local Neo4j with a data directory per graph size (generated once, then
 * reused), the API in a child process (so its memory is its own: peak RSS is read from
 * /proc/<pid>/status VmHWM), percentiles, and a small GraphQL client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Database } from '../../src/db/database';
import { installWriteHooks } from '../../src/modules/system/write-hooks';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BENCH_PASSWORD = 'bench-password';
/** The bearer token the benchmark reads /metrics with (METRICS_TOKEN of the API it starts). */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef';

export interface BenchNeo4j {
  neo4j: LocalNeo4j;
  db: Database;
}

export async function startBenchNeo4j(
  size: string,
  heap: string,
  pageCache: string,
): Promise<BenchNeo4j> {
  const neo4j = await startLocalNeo4j({
    boltPort: await freePort(),
    dataDir: path.join(ROOT, '.neo4j-local', `bench-${size}`),
    heap,
    pageCache,
    password: BENCH_PASSWORD,
  });
  const db = installWriteHooks(
    new Database({
      uri: neo4j.uri,
      user: 'neo4j',
      password: BENCH_PASSWORD,
      database: 'neo4j',
      defaultTimeoutMs: 600_000,
    }),
  );
  await db.verify();
  return { neo4j, db };
}

export interface ApiProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts dist/src/main.js against the bench Neo4j and waits for /health/ready. */
export async function startApi(
  neo4jUri: string,
  extraEnv: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<ApiProcess> {
  const port = await freePort();
  // Exactly what `npm start` runs (its node flags included), without the build step.
  const start = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start
    // `exec` only takes npm's shell out of the way.
    .replace(/^exec /, '')
    .split(' ');
  if (start[0] !== 'node') throw new Error('the start script no longer begins with node');
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, ...start.slice(1)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEO4J_URI: neo4jUri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: BENCH_PASSWORD,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_ON_START: 'false',
      // The benchmark times each analytics step itself; no background build in the way.
      ANALYTICS_REFRESH_SECONDS: '0',
      // The load generator is one client sending thousands of requests a second.
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_KEY_PER_MINUTE: '0',
      // /metrics is private: the benchmark counts round trips through it with this token.
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return childProcess(url, child);
}

/** A started server process: its address, pid, and a stop that sends SIGTERM and waits. */
export function childProcess(url: string, child: ChildProcess): ApiProcess {
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number =>
    Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kb('VmRSS') / 1024), peakMiB: Math.round(kb('VmHWM') / 1024) };
}

/** CPU time a process has used so far (user + system), in milliseconds (Linux /proc). */
export function cpuMsOf(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
/** USER_HZ: 100 on every Linux the project runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors)
    throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data!;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
