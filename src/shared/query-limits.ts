/**
 * Limits on what one GraphQL operation may ask, checked after validation and before any
 * resolver runs (so a refused operation never reaches Neo4j): depth, aliases, nesting of the
 * variables and cost. Refusals carry QUERY_TOO_COMPLEX with the limit and what was measured.
 * Cost: a field costs 1 + its selection, a list field with `first`/`last`/`limit`/`k` costs that many
 * times (1 + its selection), the rows it may return, and so does a field answering one row per
 * id of its `ids` list (nodeMetrics); on an interface or union, the costliest
 * possible type counts. Tokens are bounded at parse time (Apollo's parseOptions.maxTokens).
 *
 * Every measure is linear in the document's size: a fragment is measured once per operation
 * and its result reused at every spread. (A walk that re-enters a fragment at each spread is
 * exponential: n fragments each spreading the next twice make 2^n visits, all on the event
 * loop.)
 */
import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  parse,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { QueryTooComplexError } from './errors';
import { translated } from './graphql-errors';

export interface QueryLimits {
  /** Depth of the graph part of an operation (introspection fields are measured apart). */
  maxDepth: number;
  /**
   * Depth below `__schema` / `__type`. The schema is finite: what makes an introspection query
   * deep is its chain of `ofType` (9 levels in graphql's standard query, depth 15 in all), and
   * the cyclic lists (`fields { type { fields ...`) are bounded by graphql's
   * MaxIntrospectionDepthRule, which validation runs. Measured against the graph's limit, the
   * query every standard tool sends (GraphiQL, codegen, IDE plugins) was refused.
   */
  maxIntrospectionDepth: number;
  /**
   * `__schema` fields in one operation (aliases and fragment spreads counted), and `__schema`
   * and `__type` fields together. One `__schema` answers the whole schema (about 280 KB with
   * every description); thirty aliases of it answered 8 MB to a 14 KB request.
   */
  maxSchemaFields: number;
  maxIntrospectionFields: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  /** Nesting of objects and lists in the variables (the JSON sent, used or not). */
  maxVariableDepth: number;
  /**
   * Fields of one response name in one selection set, fragments included. Validation compares
   * such fields pairwise (graphql-js OverlappingFieldsCanBeMerged): the work grows with the
   * square of their number, on the event loop, before any of our checks run.
   */
  maxRepeatedField: number;
  /** Fragment spreads and inline fragments written in one selection set (also compared pairwise). */
  maxFragmentsPerSelection: number;
}

/**
 * Chosen from the real operations: the deepest README query (an invitation with its parties'
 * evidence and documents) has depth 7 and costs under 2,000; a page of 100 organisations with
 * their affiliations about 600.
 */
export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  // The standard query with typeDepth 9 (graphql 16's default) measures 15; room for a tool
  // asking a few more wrapping levels, no more.
  maxIntrospectionDepth: 20,
  maxSchemaFields: 1,
  maxIntrospectionFields: 10,
  maxAliases: 30,
  maxCost: 20_000,
  maxTokens: 5_000,
  // The deepest real input (a write's evidence list) nests 4 levels. JSON thousands of levels
  // deep fits in a small body and overflows the stack of any recursive walk over it (the audit
  // serialises a write's variables), so it is refused before anything runs.
  maxVariableDepth: 32,
  maxRepeatedField: 32,
  maxFragmentsPerSelection: 32,
};

const PAGE_ARGUMENTS = ['first', 'last', 'limit', 'k'] as const;
/** List arguments whose fields answer (at most) one row per item. */
const ROW_LIST_ARGUMENTS = ['ids'] as const;

/**
 * What one page argument, or the length of a row list, multiplies a field's cost by
 * (undefined: not a paged field).
 */
function pageFactor(args: Record<string, unknown>): number | undefined {
  for (const name of PAGE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0)
      // Beyond the largest page any field allows (2,000) the field itself refuses the value
      // with a precise BAD_USER_INPUT; pricing it here would hide that answer.
      return value > 2_000 ? 1 : value;
  }
  for (const name of ROW_LIST_ARGUMENTS) {
    const value = args[name];
    // The same bound: a longer list is refused by the field, naming the argument.
    if (Array.isArray(value) && value.length > 0) return value.length > 2_000 ? 1 : value.length;
  }
  return undefined;
}

type Selection = SelectionSetNode['selections'][number];

const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set([
  SchemaMetaFieldDef.name,
  TypeMetaFieldDef.name,
]);

/** The measures of one operation: depth (fields nested) and cost (see the file header). */
export interface OperationMeasures {
  /** Fields nested in the graph part: below `__schema`/`__type` is not counted here. */
  depth: number;
  /** Depth of the deepest `__schema`/`__type` field and its selection; undefined: none asked. */
  introspectionDepth?: number;
  /** undefined: the variables do not fit their types (execution refuses them next). */
  cost: number | undefined;
}

/**
 * Depth and cost of `operation` in one pass per fragment: each fragment's depth and cost are
 * computed once and reused at every spread, so the work is linear in the document's size
 * whatever the spreads multiply. Directives @skip/@include with a known value are honoured
 * by the cost (as by execution); the depth counts every field written.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  // Cycles are refused by validation before this runs; a fragment being measured counts 0 at
  // a spread of itself so that a cycle could never recurse forever here anyway.
  const depths = new Map<string, number>();
  // Introspection fields exist only on the query root (validation refuses them elsewhere), so
  // their depth counts from themselves, wherever the walk meets them (a fragment on Query too).
  let introspectionDepth: number | undefined;
  const depthOfSet = (set: SelectionSetNode | undefined): number => {
    let deepest = 0;
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(s.name.value)) {
        introspectionDepth = Math.max(introspectionDepth ?? 0, 1 + depthOfSet(s.selectionSet));
        continue;
      }
      const d =
        s.kind === Kind.FIELD
          ? 1 + depthOfSet(s.selectionSet)
          : s.kind === Kind.INLINE_FRAGMENT
            ? depthOfSet(s.selectionSet)
            : depthOfFragment(s.name.value);
      if (d > deepest) deepest = d;
    }
    return deepest;
  };
  const depthOfFragment = (name: string): number => {
    const known = depths.get(name);
    if (known !== undefined) return known;
    depths.set(name, 0);
    const d = depthOfSet(fragments.get(name)?.selectionSet);
    depths.set(name, d);
    return d;
  };
  const depth = depthOfSet(operation.selectionSet);

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return { depth, introspectionDepth, cost: undefined };
  const values = coerced.coerced;

  const included = (s: Selection): boolean => {
    if (!s.directives?.length) return true;
    try {
      if (getDirectiveValues(GraphQLSkipDirective, s, values)?.if === true) return false;
      if (getDirectiveValues(GraphQLIncludeDirective, s, values)?.if === false) return false;
    } catch {
      // A directive argument that does not coerce: execution refuses it; count the selection.
    }
    return true;
  };
  const fieldOf = (
    parent: GraphQLCompositeType,
    node: FieldNode,
  ): GraphQLField<unknown, unknown> | undefined => {
    const name = node.name.value;
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (parent === schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };
  const typesOf = (type: GraphQLCompositeType): readonly string[] =>
    isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name];

  const costs = new Map<string, number>();
  const costOfSet = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    // What each possible concrete type would cost; the costliest one counts.
    const perType = new Map<string, number>();
    const add = (value: number, types: readonly string[]): void => {
      for (const t of types) perType.set(t, (perType.get(t) ?? 0) + value);
    };
    for (const s of set.selections) {
      if (!included(s)) continue;
      if (s.kind === Kind.FIELD) {
        const field = fieldOf(parent, s);
        if (!field) continue;
        const named = getNamedType(field.type);
        const child =
          s.selectionSet && isCompositeType(named) ? costOfSet(s.selectionSet, named) : 0;
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(field, s, values);
        } catch {
          // An argument that does not coerce: execution refuses it; price the field unpaged.
        }
        add((1 + child) * (pageFactor(args) ?? 1), typesOf(parent));
      } else {
        const condition = conditionOf(s, parent);
        if (!condition) continue;
        const value =
          s.kind === Kind.INLINE_FRAGMENT
            ? costOfSet(s.selectionSet, condition)
            : costOfFragment(s.name.value, condition);
        add(value, typesOf(condition));
      }
    }
    let costliest = 0;
    for (const value of perType.values()) if (value > costliest) costliest = value;
    return costliest;
  };
  const conditionOf = (
    s: InlineFragmentNode | FragmentSpreadNode,
    parent: GraphQLCompositeType,
  ): GraphQLCompositeType | undefined => {
    const condition =
      s.kind === Kind.INLINE_FRAGMENT
        ? s.typeCondition
        : fragments.get(s.name.value)?.typeCondition;
    if (s.kind === Kind.INLINE_FRAGMENT && !condition) return parent;
    const type = condition ? schema.getType(condition.name.value) : undefined;
    return type && isCompositeType(type) ? type : undefined;
  };
  const costOfFragment = (name: string, condition: GraphQLCompositeType): number => {
    const known = costs.get(name);
    if (known !== undefined) return known;
    costs.set(name, 0);
    const fragment = fragments.get(name);
    const value = fragment ? costOfSet(fragment.selectionSet, condition) : 0;
    costs.set(name, value);
    return value;
  };
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return { depth, introspectionDepth, cost: root ? costOfSet(operation.selectionSet, root) : 0 };
}

/**
 * Refuses, before validation, the document shapes whose validation is quadratic: one response
 * name selected many times in one selection set (directly, through aliases or through
 * fragments), or many fragments in one selection set. Linear: each fragment's counts of
 * response names are computed once, and the walk stops at the first count over the limit.
 */
export function checkDocumentShape(document: DocumentNode, limits: QueryLimits): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const counted = new Map<string, Map<string, number>>();
  const countsOf = (set: SelectionSetNode | undefined): Map<string, number> => {
    const counts = new Map<string, number>();
    const add = (name: string, n: number): void => {
      const total = (counts.get(name) ?? 0) + n;
      counts.set(name, total);
      if (total > limits.maxRepeatedField)
        throw new QueryTooComplexError(
          `count of fields named "${name}" in one selection`,
          limits.maxRepeatedField,
          total,
        );
    };
    const selections = set?.selections ?? [];
    const fragmentCount = selections.filter((s) => s.kind !== Kind.FIELD).length;
    if (fragmentCount > limits.maxFragmentsPerSelection)
      throw new QueryTooComplexError(
        'count of fragments in one selection',
        limits.maxFragmentsPerSelection,
        fragmentCount,
      );
    for (const s of selections) {
      if (s.kind === Kind.FIELD) {
        add((s.alias ?? s.name).value, 1);
        countsOf(s.selectionSet);
      } else {
        const inner =
          s.kind === Kind.INLINE_FRAGMENT ? countsOf(s.selectionSet) : fragmentCounts(s.name.value);
        for (const [name, n] of inner) add(name, n);
      }
    }
    return counts;
  };
  const fragmentCounts = (name: string): Map<string, number> => {
    const known = counted.get(name);
    if (known) return known;
    // A cycle (refused by validation next) counts nothing the second time round.
    counted.set(name, new Map());
    const counts = countsOf(fragments.get(name)?.selectionSet);
    counted.set(name, counts);
    return counts;
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION) countsOf(d.selectionSet);
    else if (d.kind === Kind.FRAGMENT_DEFINITION) fragmentCounts(d.name.value);
}

/**
 * The `__schema` and `__type` fields an operation asks for, each alias and each spread of a
 * fragment counted (a fragment's counts are computed once and added at every spread). These
 * fields exist only on the query root, so only root selections (and fragments there) are read.
 */
export function introspectionFieldsOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { schema: number; all: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const known = new Map<string, { schema: number; all: number }>();
  const countSet = (set: SelectionSetNode | undefined): { schema: number; all: number } => {
    const counts = { schema: 0, all: 0 };
    for (const s of set?.selections ?? []) {
      let inner: { schema: number; all: number } | undefined;
      if (s.kind === Kind.FIELD) {
        if (s.name.value === SchemaMetaFieldDef.name) inner = { schema: 1, all: 1 };
        else if (s.name.value === TypeMetaFieldDef.name) inner = { schema: 0, all: 1 };
      } else if (s.kind === Kind.INLINE_FRAGMENT) inner = countSet(s.selectionSet);
      else inner = countFragment(s.name.value);
      if (inner) {
        // Capped: spreads can multiply counts past any number worth keeping.
        counts.schema = Math.min(counts.schema + inner.schema, Number.MAX_SAFE_INTEGER);
        counts.all = Math.min(counts.all + inner.all, Number.MAX_SAFE_INTEGER);
      }
    }
    return counts;
  };
  const countFragment = (name: string): { schema: number; all: number } => {
    const seen = known.get(name);
    if (seen) return seen;
    // A cycle (refused by validation) counts nothing the second time round.
    known.set(name, { schema: 0, all: 0 });
    const counts = countSet(fragments.get(name)?.selectionSet);
    known.set(name, counts);
    return counts;
  };
  return countSet(operation.selectionSet);
}

/** Query texts longer than this are checked every time rather than remembered. */
const MAX_REMEMBERED_TEXT = 10_000;

/**
 * checkDocumentShape on query texts, before Apollo parses and validates them (validation is
 * where the quadratic work would happen, and no plugin hook runs between parsing and it).
 * Verdicts are remembered per text, so a busy client's few queries are parsed here once.
 */
export class DocumentShapeCheck {
  private readonly verdicts = new Map<string, QueryTooComplexError | null>();

  constructor(private readonly limits: QueryLimits) {}

  /** The refusal of this query text, if its shape is refused; texts that do not parse pass. */
  refusal(query: string): QueryTooComplexError | undefined {
    const known = this.verdicts.get(query);
    if (known !== undefined) return known ?? undefined;
    let verdict: QueryTooComplexError | null = null;
    try {
      checkDocumentShape(parse(query, { maxTokens: this.limits.maxTokens }), this.limits);
    } catch (error) {
      // A syntax error or too many tokens: Apollo answers those itself.
      if (error instanceof QueryTooComplexError) verdict = error;
    }
    if (query.length <= MAX_REMEMBERED_TEXT) {
      if (this.verdicts.size >= 1_000) this.verdicts.delete(this.verdicts.keys().next().value!);
      this.verdicts.set(query, verdict);
    }
    return verdict ?? undefined;
  }
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
 * queries with the same few variables, so computing the cost anew on every request would be
 * work on the hot path for an answer already known. Only operations within the limits are
 * remembered, per server (per limits).
 */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  const remembered = new WeakMap<DocumentNode, Set<string>>();
  const check = ({
    document,
    request,
    operationName,
    operation,
  }: GraphQLRequestContextDidResolveOperation<BaseContext>): void => {
    // First, and iteratively: the key below serialises the variables recursively.
    const nesting = nestingOf(request.variables ?? {});
    if (nesting > limits.maxVariableDepth)
      throw new QueryTooComplexError('variable nesting', limits.maxVariableDepth, nesting);
    const key = `${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
    const known = remembered.get(document);
    if (known?.has(key) || !operation) return;
    const aliases = aliasesOf(document);
    if (aliases > limits.maxAliases)
      throw new QueryTooComplexError('alias count', limits.maxAliases, aliases);
    const { depth, introspectionDepth, cost } = measureOperation(
      schema,
      document,
      operation,
      request.variables ?? {},
    );
    if (depth > limits.maxDepth) throw new QueryTooComplexError('depth', limits.maxDepth, depth);
    if (introspectionDepth !== undefined && introspectionDepth > limits.maxIntrospectionDepth)
      throw new QueryTooComplexError(
        'introspection depth',
        limits.maxIntrospectionDepth,
        introspectionDepth,
      );
    if (introspectionDepth !== undefined) {
      const asked = introspectionFieldsOf(document, operation);
      if (asked.schema > limits.maxSchemaFields)
        throw new QueryTooComplexError(
          'count of __schema fields',
          limits.maxSchemaFields,
          asked.schema,
        );
      if (asked.all > limits.maxIntrospectionFields)
        throw new QueryTooComplexError(
          'count of __schema and __type fields',
          limits.maxIntrospectionFields,
          asked.all,
        );
    }
    // Variables that do not fit their types: execution refuses them next, with Apollo's
    // BAD_USER_INPUT naming the variable; nothing runs either way.
    if (cost === undefined) return;
    if (cost > limits.maxCost)
      throw new QueryTooComplexError(
        'cost',
        limits.maxCost,
        Math.min(cost, Number.MAX_SAFE_INTEGER),
      );
    if (key.length > MAX_REMEMBERED_KEY) return;
    const within = known ?? new Set<string>();
    if (within.size >= MAX_REMEMBERED_PER_DOCUMENT)
      within.delete(within.values().next().value as string);
    within.add(key);
    remembered.set(document, within);
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          try {
            check(context);
          } catch (error) {
            // Apollo answers what a hook throws as it is: a coded GraphQL error.
            throw translated(error);
          }
        },
      };
    },
  };
}
