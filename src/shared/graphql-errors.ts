/**
 * The GraphQL side of the domain errors: an AppError becomes a GraphQLError whose extensions are
 * its code and details, plus the HTTP status and headers Apollo applies to the answer (and
 * takes out of the extensions). Resolvers' errors are translated after execution by
 * errorTranslationPlugin, so Apollo's other plugins and formatError see coded errors.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
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

/**
 * The GraphQL layer's translation of domain errors, as an Apollo plugin: for every error of an
 * answer that has an AppError behind it, its extensions get the code and details (graphql-js
 * copies them from the AppError already when it locates the error) and the HTTP status and
 * headers Apollo applies to the response (and takes out of the extensions). It runs once per
 * error, after execution and before the errors are formatted, so resolvers stay unwrapped: a
 * wrapper around every field resolver cost every field of every answer a call and a promise.
 * Register it first, so that the other plugins' didEncounterErrors see coded errors.
 */
export function errorTranslationPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ errors }) => {
        for (const error of errors) {
          const known = appErrorOf(error);
          if (!known) continue;
          Object.assign(error.extensions, toGraphQLError(known).extensions);
        }
      },
    }),
  };
}
