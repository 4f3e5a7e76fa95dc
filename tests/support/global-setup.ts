/**
 * Checks the README's requirements first: one missing (Java, Maven, redis-server, chromium) ends the run
 * at once with one sentence, before minutes of build and start-up. Then starts the test
 * database once per jest run: a throw-away local Neo4j on a free port with a
 * temporary data directory, or the server named by NEO4J_TEST_URI. Builds dist/ too, for the
 * suites that start the real process entry. Suites learn the database through NEO4J_* (read
 * by src/config.ts like any other run) and CLUSTER_GRAPH_TEST_DB, which marks it as ours.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { loadTestHarnessEnv } from '../../src/config';
import { Database } from '../../src/db/database';
import { installWriteHooks } from '../../src/modules/system/write-hooks';
import { freePort, startLocalNeo4j } from '../../src/db/local-neo4j';
import { migrate } from '../../src/db/migrations';
import globalTeardown from './global-teardown';
import { harness } from './harness-state';
import { missingRequirements } from './requirements';

/** The tier a setup call is for: jest calls this setup once per tier on the database that runs. */
function tierOf(project: { displayName?: string | { name: string } } | undefined): string {
  const name = project?.displayName;
  return typeof name === 'string' ? name : (name?.name ?? '');
}

export default async function globalSetup(
  _global?: unknown,
  project?: { displayName?: string | { name: string } },
): Promise<void> {
  // Each tier checks what it needs (only e2e runs Redis), before its first test and before
  // anything slow when it is the first tier of the run.
  const external = loadTestHarnessEnv();
  const tier = process.env.JEST_TIER;
  const missing = missingRequirements({
    searchPath: process.env.PATH ?? '',
    // A later tier of the run shares the Neo4j already started: Java and Maven were checked.
    externalNeo4j: external.uri !== undefined || harness.started === true,
    redis: tierOf(project) === 'e2e',
    chromium: tierOf(project) === 'e2e',
    command: tier === undefined ? 'npm test' : `npm run test:${tier}`,
  });
  if (missing !== undefined) {
    // Exit rather than throw: jest would wrap a thrown error in its own words and a stack trace.
    process.stderr.write(`\n${missing}\n`);
    await globalTeardown(); // a Neo4j an earlier tier of this run started
    process.exit(1);
  }
  // The first tier of a run does the work; the others share its Neo4j.
  if (harness.started) return;
  harness.started = true;

  const root = path.resolve(__dirname, '..', '..');
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  // What `npm run build` does after tsc: the browser pages (GraphiQL); skipped when up to date.
  execFileSync(process.execPath, [path.join(root, 'dist', 'src', 'cli', 'build-web.js')], {
    cwd: root,
    stdio: 'inherit',
  });

  let uri: string;
  let user = 'neo4j';
  let password: string;
  if (external.uri !== undefined) {
    if (external.password === undefined)
      throw new Error('NEO4J_TEST_URI needs NEO4J_TEST_PASSWORD.');
    ({ uri, user } = external);
    password = external.password;
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-test-neo4j-'));
    password = randomBytes(12).toString('hex');
    const neo4j = await startLocalNeo4j({
      boltPort: await freePort(),
      dataDir,
      heap: '1g',
      pageCache: '128m',
      password,
    });
    harness.neo4j = neo4j;
    harness.dataDir = dataDir;
    uri = neo4j.uri;
    process.stdout.write(`\nlocal test Neo4j started in ${neo4j.startMs} ms (pid ${neo4j.pid})\n`);
  }

  Object.assign(process.env, {
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: 'neo4j',
    CLUSTER_GRAPH_TEST_DB: uri,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Suites send hundreds of requests a minute; the limiter has its own test.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_PER_KEY_PER_MINUTE: '0',
    // No background projection builds racing the statement counts; one test turns it on.
    ANALYTICS_REFRESH_SECONDS: '0',
  });

  const db = installWriteHooks(new Database({ uri, user, password, database: 'neo4j' }));
  try {
    await db.verify();
    const info = await db.serverInfo();
    process.stdout.write(`Tests run against Neo4j ${info.version} (${info.edition}) at ${uri}\n`);
    await migrate(db);
  } finally {
    await db.close();
  }
}
