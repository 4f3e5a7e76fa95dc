/**
 * Relay connections: PageInfo, a factory for XConnection/XEdge types, opaque keyset cursors and
 * the page-size rules (default 20, maximum 100; outside 0..100 is BAD_USER_INPUT, never clamped).
 */
import { Args, ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page sits in its connection (Relay).' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field({ description: 'Always false: pages are walked forwards with first/after.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionType<T extends object>(
  name: string,
  nodeType: ClassType<T> | (() => unknown),
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque cursor of this edge; pass it as `after`.' })
    cursor!: string;

    @Field(() => nodeType as ClassType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return Connection as ClassType<ConnectionShape<T>>;
}

/**
 * The page arguments every connection takes: `first` (0 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when
 * absent, checked by pageSize so the error names the argument) and `after` (a cursor this
 * connection gave out, checked by decodeCursor).
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

/**
 * The parameter decorator for ConnectionArgs. Not handed to class-validator: the bounds are
 * checked where the page is read (pageSize, decodeCursor), and validating an args class is a
 * promise and a metadata walk on every call of every connection field, nested ones included,
 * that would find nothing to check.
 */
export const ConnectionPage = (): ReturnType<typeof Args> =>
  Args(() => ConnectionArgs, { validate: false });

/** Validates `first`: 0..100, default 20. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`,
      argument,
    );
  }
  return first;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor, with parts of the given types, or throws BAD_USER_INPUT. */
export function decodeCursor(
  cursor: string | null | undefined,
  shape: ('string' | 'number' | 'key')[],
  argument = 'after',
): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    if (cursor.length > 500) throw new Error('too long');
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // 'key': a sort key, either a string or a number.
    const fits = (part: unknown, kind: string): boolean =>
      kind === 'key' ? typeof part === 'string' || typeof part === 'number' : typeof part === kind;
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((part, i) => fits(part, shape[i]!))
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`${argument} is not a cursor this connection gave out.`, argument);
}

/**
 * Assembles a connection from a page query that asked for size + 1 rows (the extra row only
 * tells whether there is a next page) and the nodes loaded for those rows (null = vanished).
 */
export function toConnection<R, N>(
  rows: R[],
  size: number,
  total: number,
  nodes: (N | null)[],
  cursorOf: (row: R) => unknown[],
): ConnectionShape<N> {
  const edges = rows.slice(0, size).flatMap((row, i) => {
    const node = nodes[i];
    return node ? [{ cursor: encodeCursor(cursorOf(row)), node }] : [];
  });
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A connection over a list already in memory (a nested field's few items), with the same
 * cursors and page rules as the database-backed lists.
 */
export function paginate<N>(
  items: N[],
  keyOf: (item: N) => [string | number, string],
  first: number | null | undefined,
  after: string | null | undefined,
): ConnectionShape<N> {
  const size = pageSize(first);
  const key = decodeCursor(after, ['key', 'string']) as [string | number, string] | null;
  const compare = (a: [string | number, string], b: [string | number, string]): number =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  const sorted = items
    .map((item) => ({ item, key: keyOf(item) }))
    .sort((a, b) => compare(a.key, b.key));
  const rest = key ? sorted.filter((s) => compare(s.key, key) > 0) : sorted;
  const rows = rest.slice(0, size + 1);
  return toConnection(
    rows,
    size,
    items.length,
    rows.map((r) => r.item),
    (row) => row.key,
  );
}
