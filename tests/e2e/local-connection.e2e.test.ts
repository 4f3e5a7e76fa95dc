/**
 * The command-line tools next to a running `npm start`: without NEO4J_URI they find the local
 * Neo4j that the API started (through the connection file its launcher writes, mode 600, in the
 * data directory) and work on that database; with none running and the Bolt port taken, they
 * say exactly which variables to set. One real API with its own local Neo4j serves every case.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/local-neo4j';
import { baseEnv, runMain, waitFor, waitUntilDead, type Run } from '../support/process';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs dist/src/cli/<name>.js to its end with exactly `env`. */
function runCli(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'dist', 'src', 'cli', `${name}.js`), ...args],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI commands next to a running npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-cli-next-'));
  const password = `pw-${Date.now()}`;
  let boltPort: number;
  let url: string;
  let api: Run;
  /** What a user's shell has: the same local settings as npm start, no NEO4J_URI, no password. */
  let cliEnv: Record<string, string>;

  beforeAll(async () => {
    boltPort = await freePort();
    const httpPort = await freePort();
    api = runMain({
      ...baseEnv(),
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_BOLT_PORT: String(boltPort),
      NEO4J_PASSWORD: password,
      PORT: String(httpPort),
    });
    await waitFor(api, /Cluster Graph API ready/, 240_000);
    url = `http://127.0.0.1:${httpPort}/graphql`;
    cliEnv = {
      ...baseEnv(),
      LOG_LEVEL: 'warn',
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_BOLT_PORT: String(boltPort),
    };
  }, 300_000);

  afterAll(async () => {
    if (api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exit;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const post = async (query: string, key?: string): Promise<unknown> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return response.json();
  };

  it('the launcher wrote a connection file only its user can read', () => {
    const file = path.join(dataDir, 'connection.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const connection = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(connection).toMatchObject({
      uri: `bolt://127.0.0.1:${boltPort}`,
      user: 'neo4j',
      password,
    });
  });

  it('npm run migrate, seed and apikey create work on the running database', async () => {
    const migrate = await runCli('migrate', [], cliEnv);
    expect(migrate.stderr).toMatch(
      new RegExp(`^migrate: using the local Neo4j at bolt://127\\.0\\.0\\.1:${boltPort} that`),
    );
    expect(migrate.code).toBe(0);

    // The API started with SEED_ON_START=false: the seeds it serves now came from npm run seed.
    expect(await post('{ organisations(filter: { name: "Sitra" }) { totalCount } }')).toEqual({
      data: { organisations: { totalCount: 0 } },
    });
    const seed = await runCli('seed', [], cliEnv);
    expect(seed.code).toBe(0);
    expect(await post('{ organisations(filter: { name: "Sitra" }) { totalCount } }')).toEqual({
      data: { organisations: { totalCount: 1 } },
    });

    const apikey = await runCli(
      'apikey',
      ['create', '--name', 'next-to-start', '--role', 'editor'],
      cliEnv,
    );
    expect(apikey.code).toBe(0);
    const key = apikey.stdout.trim();
    expect(key).toMatch(/^cgk_/);
    // The API knows the key: an editor's write goes through.
    expect(
      await post(
        'mutation { upsertOrganisation(input: { slug: "cli-next-to-start", name: "CLI next to start", kind: OTHER }) { slug } }',
        key,
      ),
    ).toEqual({ data: { upsertOrganisation: { slug: 'cli-next-to-start' } } });
  });

  /** A second npm start on the running API's data: exit 1, one line, no stack trace. */
  async function secondStart(boltPortOfSecond: number): Promise<string[]> {
    const second = runMain({
      ...baseEnv(),
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_BOLT_PORT: String(boltPortOfSecond),
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE: '64m',
      NEO4J_PASSWORD: password,
      PORT: String(await freePort()),
    });
    const { code } = await second.exit;
    expect(code).toBe(1);
    expect(second.stderr()).not.toMatch(/^\s+at /m);
    return second.stderr().trim().split('\n');
  }

  it('a second npm start on the same data names the running one and what to do (issue 15)', async () => {
    const { pid } = JSON.parse(readFileSync(path.join(dataDir, 'connection.json'), 'utf8')) as {
      pid: number;
    };
    const expected = `cluster-graph: A local Neo4j already runs with data in ${dataDir} (pid ${pid}, bolt://127.0.0.1:${boltPort}, started by pid ${api.child.pid}): stop it, set NEO4J_LOCAL_DATA_DIR to another directory, or use it through NEO4J_URI=bolt://127.0.0.1:${boltPort} with its NEO4J_PASSWORD.`;
    // Found before any JVM starts, whether the second one asks for the same Bolt port or another.
    for (const port of [boltPort, await freePort()]) {
      const started = Date.now();
      expect(await secondStart(port)).toEqual([expected]);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
    // The first one still serves.
    expect(await post('{ organisations(filter: { name: "Sitra" }) { totalCount } }')).toMatchObject(
      {
        data: { organisations: {} },
      },
    );
  });

  it('a second start that meets the store lock anyway (a race) says so in one sentence (issue 15)', async () => {
    const file = path.join(dataDir, 'connection.json');
    // Hidden, the file cannot warn the second start: its JVM runs and meets the store lock.
    renameSync(file, `${file}.hidden`);
    try {
      expect(await secondStart(await freePort())).toEqual([
        `cluster-graph: Another process holds the store lock of the local Neo4j data in ${dataDir} (a local Neo4j starting or running on it): stop it, or set NEO4J_LOCAL_DATA_DIR to another directory.`,
      ]);
    } finally {
      renameSync(`${file}.hidden`, file);
    }
    expect(await post('{ organisations(filter: { name: "Sitra" }) { totalCount } }')).toMatchObject(
      {
        data: { organisations: {} },
      },
    );
  }, 120_000);

  it('a stopped API leaves no connection file, and the CLI says what to set when the port is taken', async () => {
    api.child.kill('SIGTERM');
    await api.exit;
    expect(existsSync(path.join(dataDir, 'connection.json'))).toBe(false);

    const blocker = net.createServer();
    await new Promise<void>((resolve) =>
      blocker.listen({ port: boltPort, host: '127.0.0.1' }, resolve),
    );
    try {
      const run = await runCli('migrate', [], cliEnv);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `migrate: Port ${boltPort} on 127.0.0.1 is already in use and no local Neo4j of this project runs with data in ${dataDir}: if it is a Neo4j of yours, set NEO4J_URI=bolt://127.0.0.1:${boltPort} and NEO4J_PASSWORD (and NEO4J_USER if it is not neo4j); otherwise stop what uses the port or set NEO4J_LOCAL_BOLT_PORT to a free one.`,
      ]);
    } finally {
      blocker.close();
    }
    expect(await waitUntilDead(api.child.pid!)).toBe(true);
  });
});
