/**
 * The explorer's only way to the data: the public GraphQL API on the page's own origin, with the
 * API key the analyst gave (kept for the browser tab only), or anonymously. Every failure becomes
 * an ApiError with a sentence for the page: the API's own (with its code and argument), a refusal
 * by HTTP status, or an unreachable server.
 */

/** The API on the same origin: the bundle lives in /explore/assets/, the API at /graphql. */
const ENDPOINT = new URL('../../graphql', import.meta.url).href;
const KEY_STORAGE = 'cluster-graph.explorer.apiKey';

export class ApiError extends Error {
  constructor(
    message: string,
    /** extensions.code of the API, or UNREACHABLE / HTTP_<status> when it gave none. */
    readonly code: string,
    readonly argument?: string,
  ) {
    super(message);
  }
}

export function apiKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function setApiKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage refused (private mode): the key lasts as long as the page.
  }
  memoryKey = key;
}
let memoryKey = '';

interface GraphQLError {
  message: string;
  extensions?: { code?: string; argument?: string };
}

const STATUS_SENTENCES: Record<number, string> = {
  401: 'The API needs an API key for this: give one with “API key”.',
  403: 'The API key given may not read this.',
  413: 'The request is larger than the API accepts.',
  429: 'The API is receiving too many requests from you: wait a moment and try again.',
  503: 'The API cannot reach its database right now: try again in a moment.',
};

/** Runs one operation; resolves with its data or rejects with an ApiError. */
export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const key = apiKey() || memoryKey;
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(
      `The API at ${ENDPOINT} cannot be reached: check that the server runs and the network is up, then try again.`,
      'UNREACHABLE',
    );
  }
  let body: { data?: T | null; errors?: GraphQLError[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const error = body?.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? `HTTP_${response.status}`;
    const retry = response.headers.get('retry-after');
    const wait = code === 'RATE_LIMITED' && retry ? ` (retry in ${retry} s)` : '';
    throw new ApiError(`${error.message}${wait}`, code, error.extensions?.argument);
  }
  if (!response.ok || !body?.data)
    throw new ApiError(
      STATUS_SENTENCES[response.status] ??
        `The API answered ${response.status} ${response.statusText} without data.`,
      `HTTP_${response.status}`,
    );
  return body.data;
}
