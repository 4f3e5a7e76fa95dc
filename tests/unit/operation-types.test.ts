/**
 * KnownOperationTypesRule: an operation of a type the schema lacks is a validation error with a
 * sentence naming what the API does answer, instead of an execution failure.
 */
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { KnownOperationTypesRule } from '../../src/shared/operation-types';

const check = (sdl: string, document: string): string[] =>
  validate(buildSchema(sdl), parse(document), [...specifiedRules, KnownOperationTypesRule]).map(
    (e) => e.message,
  );

const QUERIES_AND_MUTATIONS = 'type Query { a: Int } type Mutation { b: Int }';

describe('KnownOperationTypesRule', () => {
  it('passes operations of the types the schema has', () => {
    expect(check(QUERIES_AND_MUTATIONS, '{ a }')).toEqual([]);
    expect(check(QUERIES_AND_MUTATIONS, 'mutation { b }')).toEqual([]);
  });

  it('refuses a subscription where there is no Subscription type, naming what there is', () => {
    expect(check(QUERIES_AND_MUTATIONS, 'subscription { a }')).toEqual([
      'This API has no subscription type: it answers queries and mutations only.',
    ]);
  });

  it('names the operation when it has a name, and reports it once per operation', () => {
    expect(
      check(
        QUERIES_AND_MUTATIONS,
        'subscription Watch { a } subscription Follow { a } query Q { a }',
      ),
    ).toEqual([
      'This API has no subscription type: it answers queries and mutations only (operation "Watch").',
      'This API has no subscription type: it answers queries and mutations only (operation "Follow").',
    ]);
    expect(check(QUERIES_AND_MUTATIONS, 'subscription { a }')).toHaveLength(1);
  });

  it('lists what a query-only schema answers', () => {
    expect(check('type Query { a: Int }', 'mutation { a }')).toEqual([
      'This API has no mutation type: it answers queries only.',
    ]);
  });

  it('refuses nothing of a schema with all three, and names the two a schema has', () => {
    const sdl = `${QUERIES_AND_MUTATIONS} type Subscription { c: Int }`;
    expect(check(sdl, 'subscription { c }')).toEqual([]);
    expect(check('type Query { a: Int } type Subscription { c: Int }', 'mutation { a }')).toEqual([
      'This API has no mutation type: it answers queries and subscriptions only.',
    ]);
  });
});
