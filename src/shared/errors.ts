/**
 * The closed set of error codes the API speaks (listed under "Errors" in the README), and the domain
 * errors that carry them: plain Errors with a code and the details a client is told (the
 * argument at fault, the measure over a limit ...). Services throw these; the GraphQL layer
 * (graphql-errors.ts, format-error.ts) and the HTTP layer (http-errors.ts: status and headers)
 * translate them, and everything else is masked.
 */

/** Seconds a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'DATABASE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'BUSY',
  'INTERNAL_SERVER_ERROR',
  /** HTTP-level: a request body that is not JSON or cannot be read, a refused persisted query. */
  'BAD_REQUEST',
  /** A persisted operation named by an id the server does not know (Apollo's APQ code too). */
  'PERSISTED_QUERY_NOT_FOUND',
  /** An operation outside the trusted documents, when only those may run. */
  'PERSISTED_QUERY_NOT_IN_LIST',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What a client is told besides the code and message (extensions in GraphQL answers). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** What a client is told besides the message: the code first, then the details. */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

export class BadUserInputError extends AppError {
  /** argument: the argument path at fault, e.g. "input.slug" or "first". */
  constructor(message: string, argument?: string) {
    super('BAD_USER_INPUT', message, argument === undefined ? {} : { argument });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, argument?: string) {
    super('NOT_FOUND', message, argument === undefined ? {} : { argument });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, argument?: string) {
    super('CONFLICT', message, argument === undefined ? {} : { argument });
  }
}

/** Answered with 503 and Retry-After (RETRY_AFTER_SECONDS): load balancers and clients come back. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is not reachable right now; try again shortly.') {
    super('DATABASE_UNAVAILABLE', message);
  }
}

/**
 * The server's bounded analytics pool (projection builds and graph algorithms) is full, or this
 * run would have waited too long for a place: HTTP 503 with Retry-After, asking again later helps.
 */
export class BusyError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('BUSY', message, { retryAfterSeconds });
  }
}

/**
 * An operation that passed the limits checked before it runs but needed more of the database
 * than one request may use (time or memory): HTTP 400, asking again unchanged will not help.
 */
export class TooExpensiveError extends AppError {
  constructor(measure: 'time' | 'memory', message: string) {
    super('QUERY_TOO_COMPLEX', message, { measure });
  }
}

/** An operation over a limit (depth, aliases, cost): refused before it runs, with HTTP 400. */
export class QueryTooComplexError extends AppError {
  constructor(measure: string, limit: number, measured: number) {
    super(
      'QUERY_TOO_COMPLEX',
      `This operation's ${measure} is ${measured}, above the limit of ${limit}; ask for less in one request.`,
      { measure, limit, measured },
    );
  }
}

/** Credentials that are valid but whose role may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** What a 401's challenge says went wrong (RFC 6750 §3.1); none when no credentials came. */
export type ChallengeError = 'invalid_request' | 'invalid_token';

/**
 * The WWW-Authenticate header of a 401 (RFC 9110 §11.6.1, RFC 6750 §3): the Bearer scheme and
 * our realm, and an error code only when Bearer credentials came but were refused.
 */
export function challenge(error?: ChallengeError): string {
  return `Bearer realm="cluster-graph"${error ? `, error="${error}"` : ''}`;
}

export class UnauthenticatedError extends AppError {
  /** Its WWW-Authenticate header, sent with the 401 (GraphQL and exports alike). */
  readonly challenge: string;

  constructor(message: string, error?: ChallengeError) {
    super('UNAUTHENTICATED', message);
    this.challenge = challenge(error);
  }
}
