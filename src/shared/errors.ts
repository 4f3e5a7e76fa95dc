/**
 * The closed set of error codes the API speaks (see shared/API-CONTRACT.md). Services throw
 * these; formatError lets them through unchanged and masks everything else.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
    this.name = 'AppError';
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

export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is not reachable right now; try again shortly.') {
    // 503 with Retry-After: load balancers and clients know to come back.
    super('DATABASE_UNAVAILABLE', message, {
      http: {
        status: 503,
        headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]),
      },
    });
  }
}

/**
 * The server's bounded analytics pool (projection builds and graph algorithms) is full, or this
 * run would have waited too long for a place: HTTP 503 with Retry-After, asking again later helps.
 */
export class BusyError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('BUSY', message, {
      retryAfterSeconds,
      http: {
        status: 503,
        headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
      },
    });
  }
}

/**
 * An operation that passed the limits checked before it runs but needed more of the database
 * than one request may use (time or memory): HTTP 400, asking again unchanged will not help.
 */
export class TooExpensiveError extends AppError {
  constructor(measure: 'time' | 'memory', message: string) {
    super('QUERY_TOO_COMPLEX', message, { measure, http: { status: 400 } });
  }
}

/** An operation over a limit (depth, aliases, cost): refused before it runs, with HTTP 400. */
export class QueryTooComplexError extends AppError {
  constructor(measure: string, limit: number, measured: number) {
    super(
      'QUERY_TOO_COMPLEX',
      `This operation's ${measure} is ${measured}, above the limit of ${limit}; ask for less in one request.`,
      { measure, limit, measured, http: { status: 400 } },
    );
  }
}

/** Credentials that are valid but whose role may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message, { http: { status: 403 } });
  }
}
