/**
 * `npm test` on a machine without one of the README's requirements (Java 17+ and Maven for the
 * throw-away Neo4j, redis-server for the rate-limit tests, chromium for the GraphiQL test) stops at once with one sentence that
 * names what is missing and the Debian packages, before the TypeScript build or a Neo4j start.
 * Each case runs the real jest of this project in a child process with a PATH holding only the
 * tools the case allows. The unit tier (`npm run test:unit`) needs none of them.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

/**
 * What `java -version` and `mvn -version` print, for stand-ins of the tools: the unit tier runs
 * on machines without them, and the pre-check reads no more than this.
 */
const STAND_INS: Record<string, string> = {
  java: 'openjdk version "17.0.13" 2024-10-15',
  mvn: 'Apache Maven 3.8.7',
  'redis-server': 'Redis server v=7.0.15',
  chromium: 'Chromium 140.0.7339.185 built on Debian GNU/Linux 12 (bookworm)',
};

/** A directory holding stand-ins for these tools and nothing else. */
function binWith(tools: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-requirements-'));
  for (const tool of tools) {
    const file = path.join(dir, tool);
    writeFileSync(file, `#!/bin/sh\necho '${STAND_INS[tool]}' >&2\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

/**
 * Runs jest on one suite of a tier on the database (`npm test` runs it too), with only `env` in
 * its environment.
 */
function runJest(
  env: Record<string, string>,
  args = ['tests/e2e/lists.e2e.test.ts'],
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [JEST, ...args], {
      cwd: ROOT,
      env: { HOME: process.env.HOME ?? os.homedir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

/** The run failed fast, said `sentence` on a line of its own, and built and started nothing. */
function expectStoppedWith(
  run: { code: number | null; output: string; ms: number },
  sentence: string,
): void {
  expect(run.code).not.toBe(0);
  expect(run.output.split('\n')).toContain(sentence);
  expect(run.output).not.toMatch(/local test Neo4j started|Tests run against Neo4j|Tests:/);
  // The TypeScript build alone takes longer than this; a Neo4j start, a minute.
  expect(run.ms).toBeLessThan(30_000);
}

describe('npm test checks the README requirements first', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const bin = (tools: string[]): string => {
    const dir = binWith(tools);
    dirs.push(dir);
    return dir;
  };

  it('names redis-server when only it is missing', async () => {
    const run = await runJest({ PATH: bin(['java', 'mvn', 'chromium']) });
    expectStoppedWith(
      run,
      'npm test needs redis-server, which is not installed: install it (Debian, Ubuntu: sudo apt-get install redis-server; .ci/run installs it) and run npm test again.',
    );
  });

  it('names chromium when only it is missing', async () => {
    const run = await runJest({ PATH: bin(['java', 'mvn', 'redis-server']) });
    expectStoppedWith(
      run,
      'npm test needs chromium (for the GraphiQL browser test), which is not installed: install it (Debian, Ubuntu: sudo apt-get install chromium; .ci/run installs it) and run npm test again.',
    );
  });

  it('names Java, Maven, redis-server and chromium in one sentence when all are missing', async () => {
    const run = await runJest({ PATH: bin([]) });
    expectStoppedWith(
      run,
      'npm test needs Java 17+ (for the throw-away Neo4j), Maven 3.8+ (to fetch Neo4j once), redis-server and chromium (for the GraphiQL browser test), which are not installed: install them (Debian, Ubuntu: sudo apt-get install openjdk-17-jdk-headless maven redis-server chromium; .ci/run installs them) and run npm test again, or set NEO4J_TEST_URI and NEO4J_TEST_PASSWORD to a Neo4j 5.26 you run, which needs no Java or Maven here.',
    );
  });

  it('needs no Java or Maven when NEO4J_TEST_URI names the database', async () => {
    const run = await runJest({
      PATH: bin(['chromium']),
      NEO4J_TEST_URI: 'bolt://127.0.0.1:1',
      NEO4J_TEST_PASSWORD: 'irrelevant',
    });
    expectStoppedWith(
      run,
      'npm test needs redis-server, which is not installed: install it (Debian, Ubuntu: sudo apt-get install redis-server; .ci/run installs it) and run npm test again.',
    );
  });

  it('asks the integration tier for Java and Maven only, naming the tier command', async () => {
    const run = await runJest({ PATH: bin([]), JEST_TIER: 'integration' }, [
      'tests/integration/migrations.int.test.ts',
    ]);
    expectStoppedWith(
      run,
      'npm run test:integration needs Java 17+ (for the throw-away Neo4j) and Maven 3.8+ (to fetch Neo4j once), which are not installed: install them (Debian, Ubuntu: sudo apt-get install openjdk-17-jdk-headless maven; .ci/run installs them) and run npm run test:integration again, or set NEO4J_TEST_URI and NEO4J_TEST_PASSWORD to a Neo4j 5.26 you run, which needs no Java or Maven here.',
    );
  });

  it('asks for none of them for the unit tier', async () => {
    const run = await runJest({ PATH: bin([]) }, [
      'tests/unit/docker.test.ts',
      '--selectProjects=unit',
    ]);
    expect(run.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(run.code).toBe(0);
  });
});
