/**
 * `node dist/tests/bench/profile.js <query> [seconds]` (after `npm run bench -- --size small`
 * has built the graph): runs our API with --cpu-prof on the small bench graph, drives it with
 * one query of the mix, and leaves the V8 profile in .profiles/ (open it in Chrome DevTools).
 * Prints the functions with the most self time.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildMix } from './mix';
import { ROOT, startApi, startBenchNeo4j } from './support';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

async function main(): Promise<void> {
  const [name = 'entity', seconds = '10'] = process.argv.slice(2);
  const { neo4j, db } = await startBenchNeo4j('small', '1g', '256m');
  const dir = path.join(ROOT, '.profiles');
  try {
    // "typename": no Neo4j at all, the cost of our HTTP and GraphQL layers alone.
    const query =
      name === 'typename'
        ? { ours: { query: '{ __typename }', variables: {} } }
        : (await buildMix(db)).find((q) => q.name === name);
    if (!query) throw new Error(`no query ${name} in the mix`);
    const api = await startApi(neo4j.uri, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const result = await autocannon({
      url: `${api.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(query.ours),
      connections: 10,
      duration: Number(seconds),
    });
    await api.stop();
    process.stdout.write(
      `${name}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms\n`,
    );
    const newest = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()
      .pop()!;
    const profile = JSON.parse(readFileSync(path.join(dir, newest), 'utf8')) as {
      nodes: ProfileNode[];
    };
    const self = new Map<string, number>();
    let total = 0;
    for (const node of profile.nodes) {
      const frame = node.callFrame;
      const where = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '')}:${frame.lineNumber}`;
      self.set(where, (self.get(where) ?? 0) + node.hitCount);
      total += node.hitCount;
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
    for (const [where, hits] of top)
      process.stdout.write(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${where}\n`);
    process.stdout.write(`profile: ${path.join(dir, newest)}\n`);
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`profile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
