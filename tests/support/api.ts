/** A started API over the seeded test graph, and a small GraphQL client for it. */
import type { Database } from '../../src/db/database';
import { ApiKeyRepository } from '../../src/modules/auth/api-key.repository';
import type { Role } from '../../src/shared/principal';
import { startServer, type RunningServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { testConfig, useSeededGraph } from './db';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions: Record<string, unknown> }[];
}

export interface TestApi {
  db: () => Database;
  /** http://127.0.0.1:<port> of the running server, for plain HTTP routes. */
  origin: () => string;
  /**
   * Sends an operation. Mutations go with the suite's editor key unless `token` says otherwise
   * (`null`: no credentials); queries go anonymously unless a token is given.
   */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ) => Promise<GraphQLResponse<T>>;
  /** API keys of each role, created for the suite. */
  keys: () => Record<Role, string>;
}

/**
 * Registers hooks: seeded graph, then a server on a free port; both gone after the suite.
 * `env` overrides configuration for this suite's server (e.g. a larger analytics share).
 */
export function useSeededApi(env: Record<string, string> = {}): TestApi {
  let server: RunningServer | undefined;
  let keys: Record<Role, string> | undefined;
  // Declared before the graph's hooks, so it runs before them (jest runs afterAll hooks in the
  // order declared): the server stops while its database is still open, as in production (the
  // webhook dispatcher's last statements never reach a closed driver, where they would hang).
  afterAll(async () => {
    await server?.stop();
  });
  const graph = useSeededGraph();
  beforeAll(async () => {
    const repo = new ApiKeyRepository(graph());
    keys = {
      reader: (await repo.create('test-reader', 'reader')).key,
      editor: (await repo.create('test-editor', 'editor')).key,
      admin: (await repo.create('test-admin', 'admin')).key,
    };
    server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', ...env }),
      graph(),
      createLogger('silent'),
    );
  });
  return {
    db: graph,
    origin: () => `http://127.0.0.1:${server!.port}`,
    keys: () => keys!,
    gql: async (query, variables, token) => {
      const credential =
        token !== undefined ? token : /^\s*mutation\b/.test(query) ? keys!.editor : null;
      const res = await fetch(`http://127.0.0.1:${server!.port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
  };
}

/**
 * Runs `use` against a server of its own on the suite's database, with `env` overriding the test
 * configuration (another setting than the suite's server has), and stops it after.
 */
export async function withServer<T>(
  db: Database,
  env: Record<string, string>,
  use: (origin: string) => Promise<T>,
): Promise<T> {
  const server: RunningServer = await startServer(
    testConfig({ PORT: '0', HOST: '127.0.0.1', ANALYTICS_REFRESH_SECONDS: '0', ...env }),
    db,
    createLogger('silent'),
  );
  try {
    return await use(`http://127.0.0.1:${server.port}`);
  } finally {
    await server.stop();
  }
}
