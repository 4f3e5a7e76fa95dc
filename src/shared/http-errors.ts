/**
 * The HTTP side of the domain errors: the status and headers an error answers with. GraphQL
 * answers (Apollo applies them to the response) and the export routes use the same table.
 */
import { AppError, RETRY_AFTER_SECONDS, UnauthenticatedError, type ErrorCode } from './errors';

export interface ErrorBody {
  errors: { message: string; extensions: Record<string, unknown> }[];
}

export interface HttpOfError {
  status: number;
  /** Lower-case header names, e.g. retry-after, www-authenticate. */
  headers?: [string, string][];
}

/**
 * The HTTP status of a GraphQL answer carrying this code; a code not listed leaves the status
 * alone (200, the error in the body), as GraphQL over HTTP does for a field's failure.
 */
const GRAPHQL_STATUS: Partial<Record<ErrorCode, number>> = {
  // 503 with Retry-After: load balancers and clients know to come back.
  DATABASE_UNAVAILABLE: 503,
  BUSY: 503,
  // Asking again unchanged will not help.
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/** The status and headers an error sets on a GraphQL answer, if any. */
export function httpOf(error: AppError): HttpOfError | undefined {
  const status = GRAPHQL_STATUS[error.code];
  if (status === undefined) return undefined;
  if (error instanceof UnauthenticatedError)
    return { status, headers: [['www-authenticate', error.challenge]] };
  if (error.code === 'DATABASE_UNAVAILABLE')
    return { status, headers: [['retry-after', String(RETRY_AFTER_SECONDS)]] };
  if (error.code === 'BUSY')
    return { status, headers: [['retry-after', String(error.details.retryAfterSeconds)]] };
  return { status };
}

/** Statuses of the codes a plain HTTP route (the exports) answers with, besides the above. */
const ROUTE_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
};

/**
 * An error answered by a plain HTTP route in the GraphQL error shape: its status (as in GraphQL
 * answers, else by code, else 500), its headers, and its body.
 */
export function routeAnswerOf(error: AppError): {
  status: number;
  headers: [string, string][];
  body: ErrorBody;
} {
  const http = httpOf(error);
  return {
    status: http?.status ?? ROUTE_STATUS[error.code] ?? 500,
    headers: http?.headers ?? [],
    body: errorBody(error.code, error.message, error.details.argument as string | undefined),
  };
}

/** The body of an error answered outside GraphQL, in the GraphQL error shape. */
export function errorBody(code: ErrorCode, message: string, argument?: string): ErrorBody {
  return { errors: [{ message, extensions: argument ? { code, argument } : { code } }] };
}

/** Answers an HTTP route's refusal with its status and errorBody. */
export function sendError(
  res: { status(code: number): { json(body: unknown): unknown } },
  status: number,
  code: ErrorCode,
  message: string,
  argument?: string,
): void {
  res.status(status).json(errorBody(code, message, argument));
}
