/** schema/schema.graphql is generated from the code; this fails when someone forgot `npm run schema:emit`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createOfflineSchema, printSdl } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code', async () => {
    const file = readFileSync(
      path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql'),
      'utf8',
    );
    const fresh = printSdl(await createOfflineSchema());
    expect(file).toBe(fresh);
  });
});
