/**
 * Trusted documents (persisted operations registered ahead of time): a manifest of the
 * operations a deployment's own clients send, loaded at start. Clients may then send an
 * operation by its id (`documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`) instead
 * of its text, and with TRUSTED_DOCUMENTS_ONLY (the default once a manifest is given) nothing
 * else runs: an attacker's hand-written query is refused before it is parsed.
 *
 * Manifests in the formats the client tools write are read as they are:
 * - an object of id -> text (GraphQL Code Generator's client preset `persisted-documents.json`,
 *   Relay's `persistConfig.file`);
 * - Apollo's `{ "format": "apollo-persisted-query-manifest", "operations": [{ id, body }] }`.
 * Every document is parsed and validated against the schema at start: a manifest built for
 * another version of the schema stops the server with a sentence naming the document, instead
 * of failing its clients one request at a time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../config';

export interface TrustedDocuments {
  /** Texts by the ids clients send. */
  byId: ReadonlyMap<string, string>;
  /** sha256 (hex) of every registered text: what a request sent as text is checked against. */
  hashes: ReadonlySet<string>;
  /** Whether only registered operations run. */
  only: boolean;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Reads and checks a manifest; throws a ConfigError naming TRUSTED_DOCUMENTS and the fault. */
export function loadTrustedDocuments(
  file: string,
  only: boolean,
  schema: GraphQLSchema,
): TrustedDocuments {
  const fault = (expected: string): ConfigError =>
    new ConfigError('TRUSTED_DOCUMENTS', expected, file);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw fault(`a readable JSON manifest of operations (${(error as Error).message})`);
  }
  const entries = manifestEntries(manifest);
  if (!entries) throw fault('an object of id -> operation text, or an Apollo operation manifest');
  const byId = new Map<string, string>();
  const hashes = new Set<string>();
  for (const [id, text] of entries) {
    let errors: readonly Error[];
    try {
      errors = validate(schema, parse(text));
    } catch (error) {
      errors = [error as Error];
    }
    if (errors.length > 0)
      throw fault(
        `a manifest of operations valid against this schema; operation "${id}" is not: ${errors[0]!.message}`,
      );
    byId.set(id, text);
    hashes.add(sha256(text));
  }
  return { byId, hashes, only };
}

function manifestEntries(manifest: unknown): [string, string][] | undefined {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest))
    return undefined;
  const record = manifest as Record<string, unknown>;
  if (record.format === 'apollo-persisted-query-manifest') {
    if (!Array.isArray(record.operations)) return undefined;
    const entries: [string, string][] = [];
    for (const op of record.operations as { id?: unknown; body?: unknown }[]) {
      if (typeof op?.id !== 'string' || typeof op.body !== 'string') return undefined;
      entries.push([op.id, op.body]);
    }
    return entries;
  }
  const entries = Object.entries(record);
  return entries.every((e): e is [string, string] => typeof e[1] === 'string')
    ? entries
    : undefined;
}

/** The parts of a GraphQL-over-HTTP request this looks at (POST body or GET parameters). */
export interface OperationRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

export type TrustedOutcome =
  /** Nothing to change: the request goes on as sent. */
  | { kind: 'pass' }
  /** The request named a registered operation: run this text. */
  | { kind: 'resolved'; query: string }
  | {
      kind: 'refused';
      code: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_NOT_IN_LIST';
      message: string;
    };

/** The id a request names its operation by, if any. */
function idOf(request: OperationRequest): string | undefined {
  if (typeof request.documentId === 'string') return request.documentId;
  let extensions = request.extensions;
  // In a GET, extensions come as JSON text.
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions) as unknown;
    } catch {
      return undefined;
    }
  }
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * What to do with a request under a manifest: run a registered operation named by its id, let
 * a registered text (or, when not `only`, anything) through, refuse the rest.
 */
export function resolveTrusted(docs: TrustedDocuments, request: OperationRequest): TrustedOutcome {
  const id = idOf(request);
  const text = typeof request.query === 'string' ? request.query : undefined;
  if (text !== undefined) {
    if (!docs.only || docs.hashes.has(sha256(text))) return { kind: 'pass' };
    return {
      kind: 'refused',
      code: 'PERSISTED_QUERY_NOT_IN_LIST',
      message:
        'This server runs only the operations registered in its trusted documents; send a registered operation by its documentId.',
    };
  }
  if (id !== undefined) {
    const registered = docs.byId.get(id);
    if (registered !== undefined) return { kind: 'resolved', query: registered };
    // Not ours: Apollo's automatic persisted queries may know it (when anything may run).
    if (!docs.only) return { kind: 'pass' };
    return {
      kind: 'refused',
      code: 'PERSISTED_QUERY_NOT_FOUND',
      message: `No trusted document has the id "${id.slice(0, 100)}".`,
    };
  }
  return { kind: 'pass' };
}
