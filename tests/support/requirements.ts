/**
 * The README's requirements for `npm test`, checked before anything slow (the TypeScript build,
 * a Neo4j start): Java 17+ and Maven for the throw-away Neo4j (not needed when NEO4J_TEST_URI
 * names a database), redis-server for the rate-limit tests and chromium for the GraphiQL browser
 * test. What is missing is said in one sentence with the Debian packages that provide it.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { MIN_JAVA, parseJavaMajor } from '../../src/db/local-neo4j';

interface Missing {
  what: string;
  debian: string;
  /** Only the local Neo4j needs it; a database named by NEO4J_TEST_URI does not. */
  forNeo4j: boolean;
}

/** The executable file `command` in the first of `searchPath`'s directories that has one. */
export function executableOnPath(command: string, searchPath: string): string | undefined {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, command))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return statSync(file).isFile();
      } catch {
        return false;
      }
    });
}

function onPath(command: string, searchPath: string): boolean {
  return executableOnPath(command, searchPath) !== undefined;
}

function listed(items: string[]): string {
  return items.length === 1
    ? items[0]!
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One sentence naming what `npm test` lacks on this machine, or undefined when nothing. */
export function missingRequirements(options: {
  searchPath: string;
  externalNeo4j: boolean;
  /** Only the e2e tier runs Redis (the rate-limit tests); absent: every tier. */
  redis?: boolean;
  /** Only the e2e tier runs Chromium (the GraphiQL page); absent: every tier. */
  chromium?: boolean;
  /** What was run, as the sentence names it: `npm test` (default) or `npm run test:e2e` ... */
  command?: string;
}): string | undefined {
  const command = options.command ?? 'npm test';
  const missing: Missing[] = [];
  if (!options.externalNeo4j) {
    const java = onPath('java', options.searchPath)
      ? spawnSync('java', ['-version'], {
          encoding: 'utf8',
          timeout: 15_000,
          env: { ...process.env, PATH: options.searchPath },
        })
      : undefined;
    const major = java && !java.error ? parseJavaMajor(`${java.stderr}${java.stdout}`) : 0;
    if (major < MIN_JAVA)
      missing.push({
        what: `Java ${MIN_JAVA}+ (for the throw-away Neo4j${major > 0 ? `; java is ${major}` : ''})`,
        debian: 'openjdk-17-jdk-headless',
        forNeo4j: true,
      });
    if (!onPath('mvn', options.searchPath))
      missing.push({ what: 'Maven 3.8+ (to fetch Neo4j once)', debian: 'maven', forNeo4j: true });
  }
  if (options.redis !== false && !onPath('redis-server', options.searchPath))
    missing.push({ what: 'redis-server', debian: 'redis-server', forNeo4j: false });
  if (options.chromium !== false && !onPath('chromium', options.searchPath))
    missing.push({
      what: 'chromium (for the GraphiQL browser test)',
      debian: 'chromium',
      forNeo4j: false,
    });
  if (missing.length === 0) return undefined;

  const one = missing.length === 1;
  const packages = missing.map((m) => m.debian).join(' ');
  const external = missing.some((m) => m.forNeo4j)
    ? ', or set NEO4J_TEST_URI and NEO4J_TEST_PASSWORD to a Neo4j 5.26 you run, which needs no Java or Maven here'
    : '';
  return (
    `${command} needs ${listed(missing.map((m) => m.what))}, which ${one ? 'is' : 'are'} not installed: ` +
    `install ${one ? 'it' : 'them'} (Debian, Ubuntu: sudo apt-get install ${packages}; .ci/run installs ${one ? 'it' : 'them'}) ` +
    `and run ${command} again${external}.`
  );
}
