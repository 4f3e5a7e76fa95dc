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
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../config';

export interface TrustedDocuments {
  /** Texts by the ids clients send. */
  byId: ReadonlyMap<string, string>;
  /**
   * Texts by their sha256 (hex): what a request sent as text is checked against, and what an
   * APQ hash finds whatever ids the manifest uses (Relay's are md5, codegen's "sha256:<hex>").
   */
  byHash: ReadonlyMap<string, string>;
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
  if (entries.length === 0) throw fault('a manifest of at least one operation');
  const byId = new Map<string, string>();
  const byHash = new Map<string, string>();
  for (const [id, text] of entries) {
    let errors: readonly Error[];
    let name: string | undefined;
    try {
      const document = parse(text);
      name = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)?.name?.value;
      errors = validate(schema, document);
    } catch (error) {
      errors = [error as Error];
    }
    if (errors.length > 0)
      throw fault(
        `a manifest of operations valid against this schema; operation "${id}"${name ? ` (${name})` : ''} is not: ${errors[0]!.message}`,
      );
    byId.set(id, text);
    byHash.set(sha256(text), text);
  }
  return { byId, byHash, only };
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
      code: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_NOT_IN_LIST' | 'BAD_REQUEST';
      message: string;
    };

/** The APQ hash a request sends, if any (in a GET, extensions come as JSON text). */
function apqHashOf(request: OperationRequest): string | undefined {
  let extensions = request.extensions;
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

const NOT_IN_LIST: TrustedOutcome = {
  kind: 'refused',
  code: 'PERSISTED_QUERY_NOT_IN_LIST',
  message:
    'This server runs only the operations registered in its trusted documents; send a registered operation by its documentId.',
};

/**
 * What to do with a request under a manifest: run a registered operation named by its
 * documentId or APQ hash, let a registered text (or, when not `only`, anything) through,
 * refuse the rest.
 */
export function resolveTrusted(docs: TrustedDocuments, request: OperationRequest): TrustedOutcome {
  const text = typeof request.query === 'string' ? request.query : undefined;
  const documentId = request.documentId;
  if (documentId !== undefined && documentId !== null) {
    // Both would leave which one runs to the reader of the code.
    if (text !== undefined)
      return {
        kind: 'refused',
        code: 'BAD_REQUEST',
        message: 'Send an operation either by documentId or as query text, not both.',
      };
    if (typeof documentId !== 'string')
      return {
        kind: 'refused',
        code: 'BAD_REQUEST',
        message: 'documentId must be a string: the id of a trusted document.',
      };
    const registered = docs.byId.get(documentId);
    if (registered !== undefined) return { kind: 'resolved', query: registered };
    return {
      kind: 'refused',
      code: 'PERSISTED_QUERY_NOT_FOUND',
      message: `No trusted document has the id "${documentId.slice(0, 100)}".`,
    };
  }
  if (text !== undefined) {
    if (!docs.only || docs.byHash.has(sha256(text))) return { kind: 'pass' };
    return NOT_IN_LIST;
  }
  const hash = apqHashOf(request);
  if (hash !== undefined) {
    const registered = docs.byHash.get(hash) ?? docs.byId.get(hash);
    if (registered !== undefined) return { kind: 'resolved', query: registered };
    // Not ours: Apollo's automatic persisted queries may know it (when anything may run).
    if (!docs.only) return { kind: 'pass' };
    return {
      kind: 'refused',
      code: 'PERSISTED_QUERY_NOT_FOUND',
      message: `No trusted document has the hash "${hash.slice(0, 100)}".`,
    };
  }
  return { kind: 'pass' };
}
