/**
 * One jest run for every tier (unit, integration on the real Neo4j, end-to-end over HTTP).
 * The global setup starts a throw-away Neo4j (or uses NEO4J_TEST_URI) and the teardown stops
 * it. Suites run one at a time because they share that database.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/bench/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 120000,
  verbose: true,
};
