/**
 * How domain errors (plain Errors with a code) reach clients, with no database: as GraphQL
 * errors from resolvers (code, details, HTTP status and headers; the argument's variable named),
 * driver errors mapped by code, anything else masked, and as answers of plain HTTP routes.
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { formatError } from '../../src/format-error';
import {
  AppError,
  BadUserInputError,
  BusyError,
  ConflictError,
  DatabaseUnavailableError,
  ForbiddenError,
  QueryTooComplexError,
  UnauthenticatedError,
} from '../../src/shared/errors';
import {
  appErrorOf,
  errorTranslationPlugin,
  toGraphQLError,
} from '../../src/shared/graphql-errors';
import { routeAnswerOf } from '../../src/shared/http-errors';
import { createLogger } from '../../src/shared/logger';

const SDL = `type Query { fail(name: String): String  failLater(name: String): String }`;

/** A server whose resolvers throw (or reject with) `error`; answers as a client sees them. */
async function answer(
  error: unknown,
  query = '{ fail }',
  variables?: Record<string, unknown>,
): Promise<{ status: number | undefined; headers: HeaderMap; body: unknown }> {
  const logger = createLogger('silent');
  const schema = buildSchema(SDL);
  const fields = schema.getQueryType()!.getFields();
  fields.fail!.resolve = () => {
    throw error;
  };
  fields.failLater!.resolve = () => Promise.reject(error);
  const server = new ApolloServer({
    schema,
    plugins: [errorTranslationPlugin()],
    formatError: (formatted, e) => formatError(formatted, e, logger),
    includeStacktraceInErrorResponses: false,
  });
  await server.start();
  try {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: variables ? { query, variables } : { query },
      },
      context: async () => ({}),
    });
    const body = response.body.kind === 'complete' ? JSON.parse(response.body.string) : undefined;
    return { status: response.status, headers: response.headers, body };
  } finally {
    await server.stop();
  }
}

describe('domain errors in GraphQL answers', () => {
  it('answers a refused argument with its code, argument and variable, status 200', async () => {
    const refused = await answer(
      new BadUserInputError('The name is empty.', 'name'),
      'query ($n: String) { fail(name: $n) }',
      { n: '' },
    );
    expect(refused.status).toBeUndefined();
    expect(refused.body).toEqual({
      data: { fail: null },
      errors: [
        {
          message: 'The name is empty.',
          locations: [{ line: 1, column: 22 }],
          path: ['fail'],
          extensions: { code: 'BAD_USER_INPUT', argument: 'name', variable: 'n' },
        },
      ],
    });
  });

  it('sets the status and headers of the codes that carry them, from promises too', async () => {
    const down = await answer(new DatabaseUnavailableError(), '{ failLater }');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.body).toMatchObject({
      errors: [{ extensions: { code: 'DATABASE_UNAVAILABLE' } }],
    });

    const busy = await answer(new BusyError('The pool is full.', 7));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('7');
    expect(busy.body).toMatchObject({
      errors: [{ extensions: { code: 'BUSY', retryAfterSeconds: 7 } }],
    });

    const anonymous = await answer(new UnauthenticatedError('No key.', 'invalid_token'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe(
      'Bearer realm="cluster-graph", error="invalid_token"',
    );

    expect((await answer(new ForbiddenError('Admins only.'))).status).toBe(403);
    const tooMuch = await answer(new QueryTooComplexError('depth', 12, 13));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body).toMatchObject({
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 12 } }],
    });
    // No `http` leaks into what clients see.
    expect(JSON.stringify(tooMuch.body)).not.toContain('http');
  });

  it('maps a driver error by its code and masks anything else', async () => {
    const driver = await answer(new Neo4jError('gone', 'ServiceUnavailable', '08000', ''));
    expect(driver.body).toMatchObject({
      errors: [{ extensions: { code: 'DATABASE_UNAVAILABLE' } }],
    });
    const bug = await answer(new TypeError('x is undefined (Cypher: MATCH ...)'));
    expect(bug.body).toMatchObject({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(JSON.stringify(bug.body)).not.toContain('Cypher');
  });

  it('keeps the domain error behind the GraphQL error', () => {
    const conflict = new ConflictError('Taken.', 'input.slug');
    const translated = toGraphQLError(conflict);
    expect(translated).toBeInstanceOf(GraphQLError);
    expect(translated.extensions).toEqual({ code: 'CONFLICT', argument: 'input.slug' });
    expect(appErrorOf(new GraphQLError('located', { originalError: translated }))).toBe(conflict);
    expect(appErrorOf(new Error('plain'))).toBeUndefined();
  });
});

describe('domain errors in plain HTTP answers', () => {
  it('answers with the status by code, the headers and the GraphQL error shape', () => {
    expect(routeAnswerOf(new BadUserInputError('limit is not a number.', 'limit'))).toEqual({
      status: 400,
      headers: [],
      body: {
        errors: [
          {
            message: 'limit is not a number.',
            extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
          },
        ],
      },
    });
    expect(routeAnswerOf(new DatabaseUnavailableError())).toMatchObject({
      status: 503,
      headers: [['retry-after', '5']],
    });
    expect(routeAnswerOf(new UnauthenticatedError('No key.'))).toMatchObject({
      status: 401,
      headers: [['www-authenticate', 'Bearer realm="cluster-graph"']],
    });
    expect(routeAnswerOf(new AppError('CONFLICT', 'Used.')).status).toBe(500);
  });
});
