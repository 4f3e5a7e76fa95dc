/**
 * Apollo's formatError: our coded errors (AppError, however wrapped, and driver errors mapped by
 * code) are answered with their code and details, and Apollo's own request errors pass
 * through; anything else is logged in full and answered as INTERNAL_SERVER_ERROR with no
 * internals (no stack, no Cypher, no driver message).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import { ArgumentValidationError, getMetadataStorage } from 'type-graphql';
import { translateError } from './db/database';
import { variableArgument, variableAt } from './shared/argument-path';
import type { ErrorCode } from './shared/errors';
import { appErrorOf } from './shared/graphql-errors';
import type { Logger } from './shared/logger';
import { scalarRefusal } from './shared/scalars';
import { firstViolation } from './shared/validation-errors';

/** Codes Apollo itself produces for malformed requests; their messages are safe to show. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
): GraphQLFormattedError {
  const answer = answerFor(formatted, error, logger);
  // A value a resolver refused came in a variable: name the variable too, as coercion errors do.
  const argument = answer.extensions?.argument;
  if (typeof argument === 'string' && answer.extensions?.variable === undefined) {
    const variable =
      error instanceof GraphQLError ? variableAt(error.nodes?.[0], argument) : undefined;
    if (variable) return { ...answer, extensions: { ...answer.extensions, variable } };
  }
  return answer;
}

function answerFor(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) return validationError(formatted, original);
  // A bad Date or DateTime, literal (a validation failure) or variable (a coercion failure).
  const badScalar = scalarRefusal(formatted, error);
  if (badScalar) return badScalar;
  const known = appErrorOf(original instanceof Neo4jError ? translateError(original) : original);
  if (known) {
    // `http` (status and headers) was applied to the response by Apollo; it is not for clients.
    const {
      stacktrace: _stack,
      http: _http,
      ...extensions
    } = {
      ...formatted.extensions,
      ...known.extensions,
    } as Record<string, unknown>;
    return {
      message: known.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions,
    };
  }
  const code = formatted.extensions?.code;
  // graphql-js parses nested lists and objects recursively: thousands of levels, within the
  // token limit, overflow its stack. Refused all the same; said in words a client can act on.
  if (code === 'GRAPHQL_PARSE_FAILED' && /Maximum call stack size exceeded/.test(formatted.message))
    return {
      message:
        'The document nests lists or objects too deeply to be read (thousands of levels); nest them less.',
      extensions: { code },
    };
  if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    // Apollo's sentence names a constructor option; a deployer sets a variable.
    if (extensions.validationErrorCode === 'INTROSPECTION_DISABLED')
      return {
        ...formatted,
        message:
          'GraphQL introspection is not allowed on this server (GRAPHQL_INTROSPECTION is off, as in production by default); the schema is published with the API as schema/schema.graphql.',
        extensions,
      };
    // A variable's value refused by graphql-js (an Int that is not one, an unknown enum value,
    // a missing required field): name the variable and the argument it feeds.
    const variable =
      code === 'BAD_USER_INPUT' && original instanceof GraphQLError
        ? variableArgument(original)
        : {};
    return { ...formatted, extensions: { ...extensions, ...variable } };
  }
  if (isRequestRefusal(original))
    return {
      message: original.message,
      locations: formatted.locations,
      extensions: { code: 'BAD_REQUEST' satisfies ErrorCode },
    };
  logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
  };
}

/**
 * Apollo refuses some requests with an uncoded GraphQLError and a 4xx status (a persisted-query
 * hash that does not match its query, an unsupported persisted-query version): the client's
 * fault, with a message that is safe to show, not an internal error.
 */
function isRequestRefusal(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined || error.path)
    return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The name of the argument an input class is given as (`filter` for a DocumentFilter), from
 * type-graphql's metadata; `input`, the convention, when it is not one name everywhere.
 */
function argumentNameOf(target: unknown): string {
  const type = (target as { constructor?: unknown } | undefined)?.constructor;
  const names = new Set(
    getMetadataStorage()
      .params.filter((p) => p.kind === 'arg' && p.getType() === type)
      .map((p) => (p as { name: string }).name),
  );
  return names.size === 1 ? [...names][0]! : 'input';
}

/**
 * class-validator failures (type-graphql validates @Arg inputs): BAD_USER_INPUT naming the
 * argument path, from the argument the failed input was given as (`input`, `filter` ...).
 */
function validationError(
  formatted: GraphQLFormattedError,
  error: ArgumentValidationError,
): GraphQLFormattedError {
  const errors = error.extensions.validationErrors;
  const violation = firstViolation(errors, argumentNameOf(errors[0]?.target));
  const argument = violation?.path ?? 'input';
  return {
    message: violation ? `${argument}: ${violation.message}.` : 'The input is not valid.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, argument },
  };
}
