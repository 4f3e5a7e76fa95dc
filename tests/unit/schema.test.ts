/**
 * schema/schema.graphql and schema/possible-types.json are generated from the code; this fails when
 * someone forgot `npm run schema:emit`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createOfflineSchema, printPossibleTypes, printSdl } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code', async () => {
    const file = readFileSync(
      path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql'),
      'utf8',
    );
    const fresh = printSdl(await createOfflineSchema());
    expect(file).toBe(fresh);
  });

  it('publishes the possible types of every interface and union, as the code has them', async () => {
    const file = readFileSync(
      path.resolve(__dirname, '..', '..', 'schema', 'possible-types.json'),
      'utf8',
    );
    const schema = await createOfflineSchema();
    expect(file).toBe(printPossibleTypes(schema));
    const map = JSON.parse(file) as Record<string, string[]>;
    // Every Node is an object type with an id; every entity type is a Node.
    expect(map.Node).toEqual(expect.arrayContaining(map.Entity!));
    expect(map.Entity).toEqual(expect.arrayContaining(['Organisation', 'Person', 'Event']));
  });
});
