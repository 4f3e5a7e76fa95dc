/** A started API over the seeded test graph, and a small GraphQL client for it. */
import type { Database } from '../../src/db/database';
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
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<GraphQLResponse<T>>;
}

/** Registers hooks: seeded graph, then a server on a free port; both gone after the suite. */
export function useSeededApi(): TestApi {
  const graph = useSeededGraph();
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1' }),
      graph(),
      createLogger('silent'),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    db: graph,
    origin: () => `http://127.0.0.1:${server!.port}`,
    gql: async (query, variables) => {
      const res = await fetch(`http://127.0.0.1:${server!.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
  };
}
