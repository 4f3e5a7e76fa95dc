/**
 * Limits on what one GraphQL operation may ask, checked after validation and before any
 * resolver runs (so a refused operation never reaches Neo4j): depth, aliases, nesting of the
 * variables and cost. Refusals carry QUERY_TOO_COMPLEX with the limit and what was measured.
 * Cost comes from graphql-query-complexity: a field costs 1, a list field with `first`/`limit`/
 * `k` costs that many times its selection (the rows it may return), and type-graphql
 * `complexity` annotations win where present. Tokens are bounded at parse time (Apollo's
 * parseOptions.maxTokens).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import { QueryTooComplexError } from './errors';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  /** Nesting of objects and lists in the variables (the JSON sent, used or not). */
  maxVariableDepth: number;
}

/**
 * Chosen from the real operations: the deepest README query (an invitation with its parties'
 * evidence and documents) has depth 7 and costs under 2,000; a page of 100 organisations with
 * their affiliations about 600.
 */
export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
  maxTokens: 5_000,
  // The deepest real input (a write's evidence list) nests 4 levels. JSON thousands of levels
  // deep fits in a small body and overflows the stack of any recursive walk over it (the audit
  // serialises a write's variables), so it is refused before anything runs.
  maxVariableDepth: 32,
};

const PAGE_ARGUMENTS = ['first', 'limit', 'k'] as const;

/** A list field with a page argument costs (1 + its selection) times the rows it may return. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  for (const name of PAGE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0)
      // Beyond the largest page any field allows (2,000) the field itself refuses the value
      // with a precise BAD_USER_INPUT; pricing it here would hide that answer.
      return (1 + childComplexity) * (value > 2_000 ? 1 : value);
  }
  return undefined;
};

/** Deepest field nesting of the operation, fragments followed (cycles are invalid already). */
export function depthOf(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const walk = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + walk(s.selectionSet, seen));
      else if (s.kind === Kind.INLINE_FRAGMENT)
        deepest = Math.max(deepest, walk(s.selectionSet, seen));
      else if (!seen.has(s.name.value)) {
        const fragment = fragments.get(s.name.value);
        deepest = Math.max(deepest, walk(fragment?.selectionSet, new Set([...seen, s.name.value])));
      }
    }
    return deepest;
  };
  return Math.max(
    0,
    ...document.definitions
      .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .filter((d) => !operationName || d.name?.value === operationName)
      .map((d) => walk(d.selectionSet, new Set())),
  );
}

/** Aliased fields in the whole document (fragments counted where they are defined). */
export function aliasesOf(document: DocumentNode): number {
  let count = 0;
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (s.alias) count += 1;
        walk(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
    }
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION)
      walk(d.selectionSet);
  return count;
}

/** Deepest nesting of objects and lists in a JSON value; iterative, since the value may be deep. */
export function nestingOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** Variables longer than this as JSON are measured every time rather than remembered. */
const MAX_REMEMBERED_KEY = 2_000;
/** Measurements remembered per document (operation name and variables), oldest dropped first. */
const MAX_REMEMBERED_PER_DOCUMENT = 64;

/**
 * The measures of an operation, remembered per parsed document: Apollo hands the same document
 * object to every request with the same query text, and a busy client sends the same few
 * queries with the same few variables. Computing the cost anew was 3-4 % of the API's CPU on a
 * plain list. Only operations within the limits are remembered, per server (per limits).
 */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  const remembered = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          // First, and iteratively: the key below serialises the variables recursively.
          const nesting = nestingOf(request.variables ?? {});
          if (nesting > limits.maxVariableDepth)
            throw new QueryTooComplexError('variable nesting', limits.maxVariableDepth, nesting);
          const key = `${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          const known = remembered.get(document);
          if (known?.has(key)) return;
          const depth = depthOf(document, operationName);
          if (depth > limits.maxDepth)
            throw new QueryTooComplexError('depth', limits.maxDepth, depth);
          const aliases = aliasesOf(document);
          if (aliases > limits.maxAliases)
            throw new QueryTooComplexError('alias count', limits.maxAliases, aliases);
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [
                fieldExtensionsEstimator(),
                pagedEstimator,
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } catch {
            // Variables that do not fit their types: execution refuses them next, with Apollo's
            // BAD_USER_INPUT naming the variable; nothing runs either way.
            return;
          }
          if (cost > limits.maxCost) throw new QueryTooComplexError('cost', limits.maxCost, cost);
          if (key.length > MAX_REMEMBERED_KEY) return;
          const within = known ?? new Set<string>();
          if (within.size >= MAX_REMEMBERED_PER_DOCUMENT)
            within.delete(within.values().next().value as string);
          within.add(key);
          remembered.set(document, within);
        },
      };
    },
  };
}
