/**
 * The GraphQL-over-HTTP specification, audited by graphql-http's own server audits against the
 * running API: every MUST passes, and every SHOULD passes for a client that asks for the
 * specification's media type, `application/graphql-response+json`.
 *
 * What is left, on purpose: for a client that accepts only `application/json`, the
 * specification's legacy rule that request errors answer 200 (we answer 400, as Apollo Server
 * does, which clients of either kind read); and the MAYs for GET requests without a header that
 * forces a CORS preflight (CSRF prevention refuses them: a page on another origin could
 * otherwise make a browser run queries with its user's cookies or network position).
 */
import { serverAudits } from 'graphql-http';
import { useSeededApi } from '../support/api';

const api = useSeededApi();

describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  it('passes every MUST, and every SHOULD for application/graphql-response+json', async () => {
    const failed: string[] = [];
    let musts = 0;
    let shoulds = 0;
    for (const audit of serverAudits({ url: () => `${api.origin()}/graphql` })) {
      const legacy = / when accepting application\/json$/.test(audit.name);
      const required =
        audit.name.startsWith('MUST') || (audit.name.startsWith('SHOULD') && !legacy);
      if (!required) continue;
      if (audit.name.startsWith('MUST')) musts += 1;
      else shoulds += 1;
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
    // The audit list is the package's: a version that dropped most of it would pass vacuously.
    expect(musts).toBeGreaterThanOrEqual(10);
    expect(shoulds).toBeGreaterThanOrEqual(15);
  });
});
