/**
 * schema/schema.graphql and schema/possible-types.json are generated from the code; this fails when
 * someone forgot `npm run schema:emit`.
 */
import { readFileSync } from 'node:fs';
import { isInterfaceType, isObjectType, type GraphQLObjectType } from 'graphql';
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

describe('schema shapes clients rely on', () => {
  it('types every count as Int and every relationship or link type as the LinkType enum', async () => {
    const schema = await createOfflineSchema();
    const fields = Object.values(schema.getTypeMap())
      .filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)))
      .flatMap((t) =>
        Object.values((t as GraphQLObjectType).getFields()).map((f) => ({
          at: `${t.name}.${f.name}`,
          name: f.name,
          type: String(f.type),
        })),
      );
    const countsNotInt = fields.filter(
      (f) =>
        /^(totalCount|count|size|contacts|length)$|Count$|Ms$/.test(f.name) &&
        !/^Int!?$/.test(f.type),
    );
    expect(countsNotInt).toEqual([]);
    const linkTypes = ['PathStep.type', 'SubgraphEdge.type', 'TimelineEntry.link'].map((at) => [
      at,
      fields.find((f) => f.at === at)?.type,
    ]);
    expect(linkTypes).toEqual([
      ['PathStep.type', 'LinkType!'],
      ['SubgraphEdge.type', 'LinkType!'],
      ['TimelineEntry.link', 'LinkType!'],
    ]);
  });
});
