/**
 * formatError as clients meet it: a small schema whose resolvers throw each kind of error, run
 * by a real ApolloServer in-process (executeOperation: no HTTP, no database) with our
 * formatError. Checked is what leaves the server: message, extensions.code, extensions.argument
 * and .variable, no stack traces, and nothing of an unexpected error but "Internal server
 * error" (its details go to the log only). Stack traces are switched on in Apollo here, so that
 * their removal is formatError's doing.
 */
import { ApolloServer } from '@apollo/server';
import {
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import { ArgumentValidationError } from 'type-graphql';
import { formatError } from '../../src/format-error';
import { errorTranslationPlugin } from '../../src/shared/graphql-errors';
import {
  BadUserInputError,
  ConflictError,
  DatabaseUnavailableError,
  NotFoundError,
  QueryTooComplexError,
} from '../../src/shared/errors';
import { DateScalar } from '../../src/shared/scalars';

/** Internals that must never reach a client. */
const SECRET = 'MATCH (n:ApiKey) RETURN n.hash // bolt://10.0.0.7:7687 password=hunter2';

const neo4jError = (message: string, code: string): Neo4jError =>
  new Neo4jError(message, code as never, '50N42', 'error: general processing exception');

/** What each `fail(kind:)` throws. */
const FAILURES: Record<string, (args: Record<string, unknown>) => unknown> = {
  badInput: () => new BadUserInputError('input.name must not be empty.', 'input.name'),
  badAlias: () =>
    new BadUserInputError(
      'input.aliases[1].language is not a language.',
      'input.aliases[1].language',
    ),
  badNoArgument: () => new BadUserInputError('Say what you want.'),
  notFound: () => new NotFoundError('No organisation has the slug "nope".', 'slug'),
  conflict: () => new ConflictError('The slug "sitra" is taken.', 'input.slug'),
  unavailable: () => new DatabaseUnavailableError(),
  tooComplex: () => new QueryTooComplexError('depth', 12, 40),
  neo4jDown: () => neo4jError(`connection to ${SECRET} refused`, 'ServiceUnavailable'),
  neo4jTimeout: () =>
    neo4jError(SECRET, 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'),
  neo4jSyntax: () =>
    neo4jError(`Invalid input: ${SECRET}`, 'Neo.ClientError.Statement.SyntaxError'),
  unknown: () => new Error(SECRET),
  typeError: () => new TypeError(`Cannot read properties of undefined (reading '${SECRET}')`),
  uncodedGraphQLError: () => new GraphQLError(SECRET),
  notAnError: () => SECRET,
  validation: () =>
    new ArgumentValidationError([
      {
        property: 'aliases',
        children: [
          {
            property: '1',
            children: [
              {
                property: 'language',
                constraints: { isLanguage: 'language must be an ISO 639-1 code' },
                children: [],
              },
            ],
          },
        ],
      },
    ]),
  validationWithoutConstraint: () => new ArgumentValidationError([{ property: 'x', children: [] }]),
};

const Alias = new GraphQLInputObjectType({
  name: 'AliasIn',
  fields: { name: { type: GraphQLString }, language: { type: GraphQLString } },
});
const Input = new GraphQLInputObjectType({
  name: 'In',
  fields: {
    name: { type: GraphQLString },
    day: { type: DateScalar },
    aliases: { type: new GraphQLList(new GraphQLNonNull(Alias)) },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      fail: {
        type: GraphQLString,
        args: {
          kind: { type: new GraphQLNonNull(GraphQLString) },
          input: { type: Input },
          slug: { type: GraphQLString },
        },
        resolve: (_root, args: Record<string, unknown>) => {
          throw FAILURES[args.kind as string]!(args);
        },
      },
      count: {
        type: GraphQLInt,
        args: { n: { type: new GraphQLNonNull(GraphQLInt) }, input: { type: Input } },
        resolve: (_root, args: { n: number }) => args.n,
      },
    },
  }),
});

const logged: string[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });

// As in src/server.ts: the plugin gives domain errors their HTTP status, formatError the rest.
const apollo = new ApolloServer({
  schema,
  plugins: [errorTranslationPlugin()],
  formatError: (formatted, error) => formatError(formatted, error, logger),
  includeStacktraceInErrorResponses: true,
  stopOnTerminationSignals: false,
});

beforeAll(() => apollo.start());
afterAll(() => apollo.stop());
beforeEach(() => {
  logged.length = 0;
});

interface Answer {
  status: number | undefined;
  errors: { message: string; path?: unknown; extensions?: Record<string, unknown> }[];
  text: string;
}

async function ask(
  query: string,
  variables?: Record<string, unknown>,
  extensions?: Record<string, unknown>,
): Promise<Answer> {
  const response = await apollo.executeOperation({ query, variables, extensions });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const errors = (response.body.singleResult.errors ?? []) as Answer['errors'];
  return { status: response.http.status, errors, text: JSON.stringify(errors) };
}

/** The one error of `{ fail(kind: ...) }`. */
async function failure(kind: string) {
  const answer = await ask(`{ fail(kind: "${kind}") }`);
  expect(answer.errors).toHaveLength(1);
  return { ...answer, error: answer.errors[0]! };
}

describe('formatError: our coded errors pass through', () => {
  it('keeps the message, code, argument and path of a BAD_USER_INPUT', async () => {
    const { error, status } = await failure('badInput');
    expect(error).toEqual({
      message: 'input.name must not be empty.',
      locations: [{ line: 1, column: 3 }],
      path: ['fail'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.name' },
    });
    expect(status).toBeUndefined();
    expect(logged).toEqual([]);
  });

  it('sends no argument when the error names none', async () => {
    const { error } = await failure('badNoArgument');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it.each([
    ['notFound', 'No organisation has the slug "nope".', { code: 'NOT_FOUND', argument: 'slug' }],
    ['conflict', 'The slug "sitra" is taken.', { code: 'CONFLICT', argument: 'input.slug' }],
  ])('keeps %s with its code and argument', async (kind, message, extensions) => {
    const { error } = await failure(kind);
    expect(error.message).toBe(message);
    expect(error.extensions).toEqual(extensions);
  });

  it('answers DATABASE_UNAVAILABLE with HTTP 503 and Retry-After, and no http in extensions', async () => {
    const response = await apollo.executeOperation({ query: '{ fail(kind: "unavailable") }' });
    expect(response.http.status).toBe(503);
    expect(response.http.headers.get('retry-after')).toBe('5');
    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'The graph database is not reachable right now; try again shortly.',
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      }),
    ]);
  });

  it('keeps the measures of QUERY_TOO_COMPLEX', async () => {
    const { error } = await failure('tooComplex');
    expect(error.message).toBe(
      "This operation's depth is 40, above the limit of 12; ask for less in one request.",
    );
    expect(error.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'depth',
      limit: 12,
      measured: 40,
    });
  });
});

describe('formatError: driver errors are translated by code, their words never shown', () => {
  it('answers an unreachable database as DATABASE_UNAVAILABLE', async () => {
    const { error, text } = await failure('neo4jDown');
    expect(error.message).toBe('The graph database is not reachable right now; try again shortly.');
    expect(error.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    expect(text).not.toContain('hunter2');
  });

  it('answers a transaction timeout as QUERY_TOO_COMPLEX (time)', async () => {
    const { error, text } = await failure('neo4jTimeout');
    expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', measure: 'time' });
    expect(error.message).toMatch(/^This operation ran longer than the graph database allows/);
    expect(text).not.toContain('MATCH');
  });

  it('masks a driver error of no known code (a Cypher syntax error) as an internal error', async () => {
    const { error, text } = await failure('neo4jSyntax');
    expect(error).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: 3 }],
      path: ['fail'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(text).not.toContain('MATCH');
    // Logged in full for whoever runs the server.
    expect(logged.join('')).toContain('MATCH (n:ApiKey)');
  });
});

describe('formatError: anything else is masked', () => {
  it.each(['unknown', 'typeError', 'uncodedGraphQLError', 'notAnError'])(
    'answers a thrown %s as "Internal server error", logs it, shows no stack',
    async (kind) => {
      const { error, text } = await failure(kind);
      expect(error).toEqual({
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['fail'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('stacktrace');
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0]!)).toMatchObject({
        level: 50,
        msg: 'unexpected error while resolving',
        path: ['fail'],
      });
      expect(logged[0]).toContain('hunter2');
    },
  );
});

describe('formatError: argument paths and variables', () => {
  it('names the variable that supplied a value a resolver refused', async () => {
    const { errors } = await ask('query Q($in: In) { fail(kind: "badInput", input: $in) }', {
      in: { name: '' },
    });
    expect(errors[0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.name',
      variable: 'in',
    });
  });

  it('names a variable that supplied a container of the value (a list in the input)', async () => {
    const { errors } = await ask(
      'query Q($a: [AliasIn!]) { fail(kind: "badAlias", input: { name: "x", aliases: $a }) }',
      { a: [{ name: 'a' }, { name: 'b', language: '??' }] },
    );
    expect(errors[0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.aliases[1].language',
      variable: 'a',
    });
  });

  it('names no variable when the value was written in the document', async () => {
    const { errors } = await ask(
      '{ fail(kind: "badAlias", input: { aliases: [{ name: "a" }, { language: "??" }] }) }',
    );
    expect(errors[0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.aliases[1].language',
    });
  });

  it('answers class-validator failures as BAD_USER_INPUT at the first violation', async () => {
    const { error } = await failure('validation');
    expect(error.message).toBe('input.aliases[1].language: language must be an ISO 639-1 code.');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.aliases[1].language',
    });
    const vague = await failure('validationWithoutConstraint');
    expect(vague.error.message).toBe('The input is not valid.');
    expect(vague.error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'input' });
  });

  it('names the variable and the argument of a value graphql-js refused', async () => {
    const { status, errors } = await ask('query Q($n: Int!) { count(n: $n) }', { n: 'seven' });
    expect(status).toBe(400);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^Variable "\$n" got invalid value "seven"/);
    expect(errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', variable: 'n', argument: 'n' });
  });

  it('follows a refused variable into the argument it feeds, at its place inside', async () => {
    const { errors } = await ask('query Q($in: In) { count(n: 1, input: $in) }', {
      in: { aliases: [{ name: 'a' }, { name: 7 }] },
    });
    expect(errors[0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      variable: 'in',
      argument: 'input.aliases[1].name',
    });
  });

  it('answers an impossible Date literal as BAD_USER_INPUT at its argument path', async () => {
    const { errors } = await ask('{ count(n: 1, input: { day: "2019-02-30" }) }');
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'input.day: 2019-02-30 is not a real calendar date (month 2 of 2019 has 28 days).',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.day' },
      }),
    ]);
  });

  it('answers an impossible Date in a variable as BAD_USER_INPUT naming the variable', async () => {
    const { errors } = await ask('query Q($in: In) { count(n: 1, input: $in) }', {
      in: { day: '2019-13-01' },
    });
    expect(errors[0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      variable: 'in',
      argument: 'input.day',
    });
    expect(errors[0]!.message).toContain('there is no month 13');
  });
});

describe("formatError: Apollo's own request errors keep their words, lose their stacks", () => {
  it('keeps a parse failure', async () => {
    const { status, errors } = await ask('{ fail(kind: ');
    expect(status).toBe(400);
    expect(errors).toEqual([
      {
        message: 'Syntax Error: Unexpected <EOF>.',
        locations: [{ line: 1, column: 14 }],
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    ]);
  });

  it('says in words what nesting too deep to parse is', async () => {
    const depth = 50_000;
    const { errors } = await ask(`{ count(n: ${'['.repeat(depth)}1${']'.repeat(depth)}) }`);
    expect(errors).toEqual([
      {
        message:
          'The document nests lists or objects too deeply to be read (thousands of levels); nest them less.',
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    ]);
  });

  it('keeps a validation failure', async () => {
    const { status, errors } = await ask('{ nope }');
    expect(status).toBe(400);
    expect(errors).toEqual([
      {
        message: 'Cannot query field "nope" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('answers an uncoded 4xx refusal of Apollo (a persisted-query hash that does not match) as BAD_REQUEST', async () => {
    const { status, errors } = await ask('{ count(n: 1) }', undefined, {
      persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) },
    });
    expect(status).toBe(400);
    expect(errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });
});
