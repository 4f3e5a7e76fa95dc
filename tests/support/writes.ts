/** Helpers of the write suites: an entity's id by slug, and a write that must fail and change nothing. */
import type { TestApi } from './api';
import { graphState } from './db';

export interface WriteHelpers {
  idOf: (type: string, slug: string) => Promise<string>;
  /** Runs a mutation that must fail: returns its first error, and checks nothing changed. */
  failing: (
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<{ message: string; extensions: Record<string, unknown> }>;
}

export function writeHelpers(api: TestApi): WriteHelpers {
  return {
    idOf: async (type, slug) => {
      const res = await api.gql<{ entity: { id: string } }>(
        'query($t: EntityType!, $s: String!) { entity(type: $t, slug: $s) { id } }',
        { t: type, s: slug },
      );
      return res.data!.entity.id;
    },
    failing: async (query, variables = {}) => {
      const before = await graphState(api.db());
      const res = await api.gql(query, variables);
      const after = await graphState(api.db());
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(after.fingerprint).toBe(before.fingerprint);
      return res.errors![0]!;
    },
  };
}
