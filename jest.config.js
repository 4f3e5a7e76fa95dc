/**
 * Test tiers as jest projects, all run by `npm test` (plain `jest`):
 * - unit: pure tests (no Neo4j, no Java, no network), `npm run test:unit`, fast and parallel;
 * - integration: repositories, migrations, seeds and the generator on the real Neo4j;
 * - e2e: the API over HTTP, the process entry and the CLIs, on the real Neo4j;
 * - cypher: the exact statements the hot questions send, pinned as snapshots (review them when
 *   they change; `npm run test:cypher -- -u` to accept a change made on purpose).
 * The tiers on the database share one global setup, which starts a throw-away Neo4j (or uses
 * NEO4J_TEST_URI) once per jest run, whichever of them runs first, and one teardown that stops it.
 * ts-jest only transpiles (tsconfig.jest.json: isolatedModules): `npm run lint` type-checks src/
 * and tests/ with tsc, and checking each test file again in jest cost minutes on a fresh clone.
 * Suites on the database run one at a time because they share it (maxWorkers 1 for any run that
 * includes them; test:unit alone may use every core).
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  setupFiles: ['reflect-metadata'],
};
const onDatabase = {
  ...common,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
};

/**
 * `npm run test:<tier>` names its tier in JEST_TIER rather than with --selectProjects, whose list
 * would swallow the file patterns and flags given after it (`npm run test:cypher -- -u`).
 */
const tier = process.env.JEST_TIER;
const projects = [
  {
    ...common,
    displayName: 'unit',
    roots: ['<rootDir>/tests/unit'],
    testMatch: ['**/*.test.ts'],
  },
  {
    ...onDatabase,
    displayName: 'integration',
    roots: ['<rootDir>/tests/integration'],
    testMatch: ['**/*.test.ts'],
  },
  {
    ...onDatabase,
    displayName: 'e2e',
    roots: ['<rootDir>/tests/e2e'],
    testMatch: ['**/*.test.ts'],
  },
  {
    ...onDatabase,
    displayName: 'cypher',
    roots: ['<rootDir>/tests/cypher'],
    testMatch: ['**/*.test.ts'],
  },
];
if (tier !== undefined && !projects.some((p) => p.displayName === tier))
  throw new Error(
    `JEST_TIER=${tier} is not a tier: ${projects.map((p) => p.displayName).join(', ')}.`,
  );

/** @type {import('jest').Config} */
module.exports = {
  projects: tier === undefined ? projects : projects.filter((p) => p.displayName === tier),
  maxWorkers: 1,
  testTimeout: 120000,
  verbose: true,
};
