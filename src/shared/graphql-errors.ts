/**
 * The GraphQL side of the domain errors: an AppError becomes a GraphQLError whose extensions are
 * its code and details, plus the HTTP status and headers Apollo applies to the answer (and
 * takes out of the extensions). Resolvers' errors are translated where they leave the resolver
 * (translateResolverErrors), so Apollo's plugins and formatError see coded errors.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { AppError } from './errors';
import { httpOf } from './http-errors';

export function toGraphQLError(error: AppError): GraphQLError {
  const http = httpOf(error);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      ...error.extensions,
      ...(http && {
        http: http.headers
          ? { status: http.status, headers: new HeaderMap(http.headers) }
          : { status: http.status },
      }),
    },
  });
}

/** An AppError as a GraphQLError; anything else unchanged. */
export function translated(error: unknown): unknown {
  return error instanceof AppError ? toGraphQLError(error) : error;
}

/** The AppError behind a GraphQL error (located, wrapped by Apollo or by us), if there is one. */
export function appErrorOf(error: unknown): AppError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e instanceof AppError) return e;
    e = (e as GraphQLError).originalError;
  }
  return undefined;
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | null)?.then === 'function';

const rethrow = (error: unknown): never => {
  throw translated(error);
};

/**
 * Wraps every field resolver of the schema so that an AppError it throws (or its promise
 * rejects with) leaves it as a GraphQLError carrying the code, details and HTTP status. Run
 * once on a built schema; the schema's text does not change.
 */
export function translateResolverErrors(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const wrapped: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        try {
          const value = resolve(source, args, context, info);
          return isPromise(value) ? value.then(undefined, rethrow) : value;
        } catch (error) {
          return rethrow(error);
        }
      };
      field.resolve = wrapped;
    }
  }
  return schema;
}
