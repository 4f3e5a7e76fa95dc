/**
 * The real process entry (dist/src/main.js, built by global setup): start-up failures end in
 * one sentence and a non-zero exit, a full start with its own local Neo4j serves GraphQL, and
 * SIGTERM or the parent's death leave no Java process behind.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/local-neo4j';
import {
  alive,
  baseEnv,
  runMain,
  testDbEnv,
  waitFor,
  waitUntilDead,
  type Run,
} from '../support/process';

/** Pids of the processes whose command line holds `text` (read from /proc). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Exit code 1 and exactly one line on stderr, without a stack trace. */
async function expectOneSentence(run: Run, expected: RegExp): Promise<void> {
  const { code } = await run.exit;
  expect(code).toBe(1);
  const lines = run.stderr().trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
  expect(run.stderr()).not.toMatch(/^\s+at /m);
}

describe('npm start failures say one sentence and exit non-zero', () => {
  it('a bad configuration value', async () => {
    await expectOneSentence(
      runMain({ ...baseEnv(), PORT: 'forty' }),
      /^cluster-graph: PORT must be a whole number from 0 to 65535, got "forty"\.$/,
    );
  });

  it('a NEO4J_URI where nothing answers', async () => {
    const port = await freePort();
    await expectOneSentence(
      runMain({
        ...baseEnv(),
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_PASSWORD: 'irrelevant',
      }),
      new RegExp(
        `^cluster-graph: Neo4j does not answer at bolt://127\\.0\\.0\\.1:${port}: check NEO4J_URI`,
      ),
    );
  });

  it('a wrong password', async () => {
    await expectOneSentence(
      runMain({ ...baseEnv(), ...testDbEnv(), NEO4J_PASSWORD: 'wrong-password' }),
      /^cluster-graph: Neo4j at bolt:\/\/\S+ refused user "neo4j": check NEO4J_USER and NEO4J_PASSWORD\.$/,
    );
  });

  it('a missing Java when the local Neo4j is needed', async () => {
    const emptyBin = mkdtempSync(path.join(os.tmpdir(), 'no-java-'));
    try {
      await expectOneSentence(
        runMain({ ...baseEnv(), PATH: emptyBin }),
        /^cluster-graph: Java 17 or newer is needed to run the local Neo4j, but "java" was not found: .* or set NEO4J_URI to a running Neo4j\.$/,
      );
    } finally {
      rmSync(emptyBin, { recursive: true, force: true });
    }
  });

  it('a busy HTTP port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ port: 0, host: '0.0.0.0' }, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expectOneSentence(
        runMain({ ...baseEnv(), ...testDbEnv(), PORT: String(port) }),
        new RegExp(
          `^cluster-graph: Port ${port} is already in use, so the API cannot listen there: .*set PORT to a free port\\.$`,
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('a busy Bolt port for the local Neo4j', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ port: 0, host: '127.0.0.1' }, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expectOneSentence(
        runMain({ ...baseEnv(), NEO4J_LOCAL_BOLT_PORT: String(port) }),
        new RegExp(
          `^cluster-graph: Port ${port} on 127\\.0\\.0\\.1 is already in use, so the local Neo4j cannot listen there: .*NEO4J_LOCAL_BOLT_PORT`,
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('a Bolt port taken after the check, before Neo4j binds it', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-late-port-'));
    const port = await freePort();
    const blocker = net.createServer();
    try {
      const run = runMain({
        ...baseEnv(),
        NEO4J_LOCAL_BOLT_PORT: String(port),
        NEO4J_LOCAL_DATA_DIR: dataDir,
        NEO4J_LOCAL_HEAP: '512m',
        NEO4J_LOCAL_PAGECACHE: '64m',
      });
      // The JVM is up, so the early check has passed; it binds Bolt only seconds later.
      while (
        processesMentioning(`--data-dir=${dataDir}`).length === 0 &&
        run.child.exitCode === null
      )
        await new Promise((r) => setTimeout(r, 50));
      await new Promise<void>((resolve) => blocker.listen({ port, host: '127.0.0.1' }, resolve));
      await expectOneSentence(
        run,
        new RegExp(
          `^cluster-graph: Port ${port} on 127\\.0\\.0\\.1 is already in use, so the local Neo4j cannot listen there: .*NEO4J_LOCAL_BOLT_PORT`,
        ),
      );
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('npm start with its own local Neo4j', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-start-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function startLocal(
    env: Record<string, string> = {},
    { asReadme = false } = {},
  ): Promise<{ run: Run; javaPid: number; port: number }> {
    const port = await freePort();
    const base = baseEnv();
    // The README's `npm start` leaves NODE_ENV unset (libraries behave differently under "test").
    if (asReadme) delete base.NODE_ENV;
    const run = runMain(
      {
        ...base,
        PORT: String(port),
        HOST: '127.0.0.1',
        NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
        NEO4J_LOCAL_DATA_DIR: dataDir,
        NEO4J_LOCAL_HEAP: '512m',
        NEO4J_LOCAL_PAGECACHE: '64m',
        SEED_ON_START: 'true',
        ...env,
      },
      // As a terminal runs it: a foreground process group of its own.
      { group: asReadme },
    );
    const [, pid] = await waitFor(run, /"pid":(\d+),"msg":"local Neo4j is ready"/);
    await waitFor(run, /Cluster Graph API ready at/);
    return { run, javaPid: Number(pid), port };
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves GraphQL and health; %s (NODE_ENV unset, as the README starts it) finishes the request in flight, then stops the API and its Neo4j',
    async (signal) => {
      const { run, javaPid, port } = await startLocal({}, { asReadme: true });
      expect(alive(javaPid)).toBe(true);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
      // The graph was empty, so start-up loaded the seeds.
      expect(run.stdout()).toMatch(/"msg":"graph was empty; seeds loaded"/);

      // A request in flight when the signal comes: its body is still arriving.
      const body = JSON.stringify({ query: '{ organisations(first: 1) { totalCount } }' });
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
      );
      await new Promise((r) => setTimeout(r, 200));
      if (signal === 'SIGINT') {
        // Ctrl-C in a terminal: the whole foreground group gets it (a local Neo4j in that group
        // would stop before the drain), then npm forwards its own copy to the API.
        process.kill(-run.child.pid!, 'SIGINT');
        setTimeout(() => run.child.kill('SIGINT'), 5);
      } else run.child.kill(signal);
      await waitFor(run, /"msg":"shutting down"/);
      // write, not end: a half-closed socket aborts its request in Node's HTTP server.
      socket.write(body.slice(10));
      await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
      expect(answer).toMatch(/"totalCount":\d+/);

      expect(await run.exit).toEqual({ code: 0, signal: null });
      expect(run.stdout()).toMatch(/"msg":"stopped"/);
      expect(await waitUntilDead(javaPid)).toBe(true);
      expect(run.stderr()).toBe('');
    },
  );

  it('restarts its local Neo4j when that dies (SIGKILL), and serves again by itself', async () => {
    const { run, javaPid, port } = await startLocal();
    // The API stays responsive while it restarts its database: /health/live every 100 ms.
    let slowestLive = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const sent = Date.now();
        await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.arrayBuffer());
        slowestLive = Math.max(slowestLive, Date.now() - sent);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    process.kill(javaPid, 'SIGKILL');
    expect(await waitUntilDead(javaPid)).toBe(true);
    const killedAt = Date.now();
    const [, restarted] = await waitFor(run, /"pid":(\d+),"msg":"local Neo4j restarted"/, 180_000);
    watching = false;
    await watch;
    // Nothing on the restart path blocks the event loop (spawnSync('java -version') did, 3-8 s).
    expect(slowestLive).toBeLessThan(1_000);
    expect(Number(restarted)).not.toBe(javaPid);
    expect(alive(Number(restarted))).toBe(true);
    expect(run.stdout()).toMatch(/"msg":"the local Neo4j exited unexpectedly; restarting it"/);
    let ready = 0;
    while (ready !== 200 && Date.now() - killedAt < 180_000) {
      ready = (await fetch(`http://127.0.0.1:${port}/health/ready`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toBe(200);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organisations(first: 1) { totalCount } }' }),
    });
    const json = (await res.json()) as { data?: { organisations: { totalCount: number } } };
    // The same data directory: the seeds loaded at the first start are still there.
    expect(json.data?.organisations.totalCount).toBeGreaterThan(0);

    run.child.kill('SIGTERM');
    expect((await run.exit).code).toBe(0);
    expect(await waitUntilDead(Number(restarted))).toBe(true);
  }, 400_000);

  it('exits non-zero when its local Neo4j dies and no restart is allowed', async () => {
    const { run, javaPid } = await startLocal({ NEO4J_LOCAL_RESTARTS: '0' });
    process.kill(javaPid, 'SIGKILL');
    const { code } = await run.exit;
    expect(code).toBe(1);
    expect(run.stdout()).toMatch(
      /"msg":"the local Neo4j exited and the restart budget is spent; stopping the API"/,
    );
  }, 300_000);

  it('SIGTERM during start-up stops the local Neo4j it was starting and exits 0', async () => {
    const run = runMain({
      ...baseEnv(),
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE: '64m',
    });
    await waitFor(run, /"msg":"starting the local Neo4j"/);
    let java: number[] = [];
    while (java.length === 0 && run.child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
      java = processesMentioning(`--data-dir=${dataDir}`);
    }
    expect(java).toHaveLength(1);
    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(await waitUntilDead(java[0]!)).toBe(true);
    expect(run.stderr()).toBe('');
  }, 120_000);

  it('npm start itself (the README command) exits 0 on a Ctrl-C to its process group', async () => {
    const port = await freePort();
    const env: Record<string, string> = { ...baseEnv(), ...testDbEnv(), PORT: String(port) };
    delete env.NODE_ENV;
    // A terminal's foreground job: npm, the shell it runs the script in, and node, all in one
    // group that Ctrl-C signals at once.
    // --ignore-scripts skips prestart's build: global setup built dist/, and rebuilding it under
    // tests that run it would race them.
    const npm = spawn('npm', ['start', '--silent', '--ignore-scripts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    npm.stdout.on('data', (c: Buffer) => (out += c.toString()));
    npm.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + 150_000;
    while (
      !/Cluster Graph API ready at/.test(out) &&
      Date.now() < deadline &&
      npm.exitCode === null
    )
      await new Promise((r) => setTimeout(r, 200));
    expect(out).toMatch(/Cluster Graph API ready at/);
    process.kill(-npm.pid!, 'SIGINT');
    // dash ran the script as a child and then died of the same SIGINT: npm reported 130.
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(out).toMatch(/"msg":"stopped"/);
  }, 200_000);

  it('a killed API (SIGKILL) takes its Neo4j down with it', async () => {
    const { run, javaPid } = await startLocal();
    run.child.kill('SIGKILL');
    await run.exit;
    expect(await waitUntilDead(javaPid)).toBe(true);
  });
});
