/**
 * Relay connections: PageInfo, a factory for XConnection/XEdge types, opaque keyset cursors and
 * the page rules: `first`/`after` page forwards, `last`/`before` backwards (default 20 items,
 * maximum 100; outside 0..100 is BAD_USER_INPUT, never clamped), both directions by keyset, with
 * hasNextPage and hasPreviousPage exact.
 */
import { Args, ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadUserInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({
  description:
    'Where a page sits in its connection (Relay): whether items come before or after it, and the cursors of its ends.',
})
export class PageInfo {
  @Field({
    description:
      'True when items follow this page (in either direction of paging): ask for them with `first` and `after: endCursor`.',
  })
  hasNextPage!: boolean;

  @Field({
    description:
      'True when items precede this page (in either direction of paging): ask for them with `last` and `before: startCursor`.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The first edge's cursor; null when the page is empty.",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor; null when the page is empty.",
  })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds `<Name>Edge` and `<Name>Connection` object types for a node type. `what` names the
 * items in descriptions (default: "<name> items").
 */
export function connectionType<T extends object>(
  name: string,
  nodeType: ClassType<T> | (() => unknown),
  what = `${name} items`,
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One of the ${what} of a ${name}Connection page.` })
  class Edge {
    @Field({
      description:
        'Opaque cursor of this edge: pass it as `after` (the items following it) or `before` (the items preceding it) to the same field.',
    })
    cursor!: string;

    @Field(() => nodeType as ClassType, {
      description: `The item itself: one of the ${what}, at this edge's place in the list.`,
    })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${what} (Relay connection): edges in the list's order, where the page sits, and how many there are in all.`,
  })
  class Connection {
    @Field(() => [Edge], {
      description: "The page's items with their cursors, in the list's order in both directions.",
    })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether items precede or follow this page.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return Connection as ClassType<ConnectionShape<T>>;
}

/**
 * The page arguments every connection takes. Forwards: `first` (0 to MAX_PAGE_SIZE,
 * DEFAULT_PAGE_SIZE when absent) items after the cursor `after` (or from the start). Backwards:
 * `last` items before the cursor `before` (or at the end), answered in the list's order. The
 * two directions are not mixed (readPage names the argument that mixes them).
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      'Page forwards: this many items from the start, or after `after`. 0 to 100; 20 when neither `first` nor `last` is given. Not with `last` or `before`.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A cursor this field gave out (an edge cursor or pageInfo.endCursor): the page starts after it. With `first` (or alone: 20 items); not with `last` or `before`.',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Page backwards: this many items at the end, or before `before`, answered in the list’s order. 0 to 100; 20 when `before` is given alone. Not with `first` or `after`.',
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A cursor this field gave out (an edge cursor or pageInfo.startCursor): the page ends before it. With `last` (or alone: 20 items); not with `first` or `after`.',
  })
  before?: string | null;
}

/**
 * The parameter decorator for ConnectionArgs. Not handed to class-validator: the bounds are
 * checked where the page is read (readPage), and validating an args class is a promise and a
 * metadata walk on every call of every connection field, nested ones included, that would find
 * nothing to check.
 */
export const ConnectionPage = (): ReturnType<typeof Args> =>
  Args(() => ConnectionArgs, { validate: false });

/** Validates `first` (or `last`): 0..100, default 20. */
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

/** What a client asked of a connection: first/after, last/before, each may be absent. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page request: its direction, size and the decoded cursor (null: from the end). */
export interface PageRequest<K extends unknown[] = unknown[]> {
  /** True for last/before: the rows are read from the end, nearest the cursor first. */
  backward: boolean;
  size: number;
  cursor: K | null;
}

const given = (value: unknown): boolean => value !== null && value !== undefined;

/**
 * Reads the page arguments: refuses mixing the directions (Relay discourages it; what it would
 * mean is never what a client wants) and bounds, each naming the argument, then decodes the
 * cursor. A cursor is an edge's position, not a direction: any edge cursor may be passed as
 * `after` or `before`.
 */
export function readPage<K extends unknown[] = unknown[]>(
  args: PageArgs,
  shape: ('string' | 'number' | 'key')[],
  /** The connection and order the cursors belong to (see encodeCursor). */
  scope?: string,
): PageRequest<K> {
  const { first, after, last, before } = args;
  if (given(first) && given(last)) {
    throw new BadUserInputError(
      'first and last cannot be combined: page forwards with first/after or backwards with last/before.',
      'last',
    );
  }
  if (given(after) && given(before)) {
    throw new BadUserInputError(
      'after and before cannot be combined: page forwards with first/after or backwards with last/before.',
      'before',
    );
  }
  if (given(first) && given(before)) {
    throw new BadUserInputError(
      'before pages backwards: give it with last, not with first.',
      'before',
    );
  }
  if (given(last) && given(after)) {
    throw new BadUserInputError(
      'after pages forwards: give it with first, not with last.',
      'after',
    );
  }
  const backward = given(last) || given(before);
  return backward
    ? {
        backward,
        size: pageSize(last, 'last'),
        cursor: decodeCursor(before, shape, 'before', scope) as K | null,
      }
    : {
        backward,
        size: pageSize(first, 'first'),
        cursor: decodeCursor(after, shape, 'after', scope) as K | null,
      };
}

/**
 * A cursor: the edge's sort key, opaque. With a scope (the connection and its order, e.g.
 * "Organisation:NAME"), the cursor names it, and another connection refuses it: a keyset
 * position in one order means nothing in another, and read there it gave a silent, wrong page.
 */
export function encodeCursor(key: unknown[], scope?: string): string {
  return Buffer.from(JSON.stringify(scope === undefined ? key : [scope, ...key]), 'utf8').toString(
    'base64url',
  );
}

/** Decodes a cursor made by encodeCursor, with parts of the given types, or throws BAD_USER_INPUT. */
export function decodeCursor(
  cursor: string | null | undefined,
  shape: ('string' | 'number' | 'key')[],
  argument = 'after',
  scope?: string,
): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    if (cursor.length > 500) throw new Error('too long');
    let key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (scope !== undefined) {
      if (!Array.isArray(key) || key.length !== shape.length + 1 || typeof key[0] !== 'string')
        throw new Error('no scope');
      if (key[0] !== scope)
        throw new BadUserInputError(
          `${argument} is a cursor of another list or order: a cursor is valid only in the connection and order that gave it out (${scope}).`,
          argument,
        );
      key = key.slice(1);
    }
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
  } catch (error) {
    if (error instanceof BadUserInputError) throw error;
    // fall through to the error below
  }
  throw new BadUserInputError(`${argument} is not a cursor this connection gave out.`, argument);
}

/**
 * Assembles a connection from a page query that asked for size + 1 rows in its direction's
 * order (the extra row only tells whether there are more that way) and the nodes loaded for
 * those rows (null = vanished). `beyond` says whether an item lies on the other side of the
 * cursor (at it or behind it): the query tells with one more row or an EXISTS, never a count.
 * A backward page (rows nearest the cursor first) is turned into the list's order.
 */
export function toConnection<R, N>(
  rows: R[],
  size: number,
  total: number,
  nodes: (N | null)[],
  cursorOf: (row: R) => unknown[],
  page: { backward?: boolean; beyond?: boolean; scope?: string } = {},
): ConnectionShape<N> {
  let edges = rows.slice(0, size).flatMap((row, i) => {
    const node = nodes[i];
    return node ? [{ cursor: encodeCursor(cursorOf(row), page.scope), node }] : [];
  });
  const more = rows.length > size;
  const beyond = page.beyond ?? false;
  if (page.backward) edges = edges.reverse();
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: page.backward ? beyond : more,
      hasPreviousPage: page.backward ? more : beyond,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

type Key = [string | number, string];

const compareKeys = (a: Key, b: Key): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

/**
 * A connection over a list already in memory (a nested field's few items), with the same
 * cursors and page rules as the database-backed lists. `args` may also be `first` alone, with
 * `after` among the options; `scope` binds the cursors to this connection (see encodeCursor).
 */
export function paginate<N>(
  items: N[],
  keyOf: (item: N) => Key,
  args: PageArgs | number | null | undefined,
  options: { after?: string | null; scope?: string } = {},
): ConnectionShape<N> {
  const request = readPage<Key>(
    typeof args === 'object' && args !== null ? args : { first: args, after: options.after },
    ['key', 'string'],
    options.scope,
  );
  const sorted = items
    .map((item) => ({ item, key: keyOf(item) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const cursor = request.cursor;
  // The first index past the cursor (forwards), or the first at or past it (backwards).
  const split = cursor
    ? sorted.findIndex((s) => compareKeys(s.key, cursor) > (request.backward ? -1 : 0))
    : request.backward
      ? sorted.length
      : 0;
  const cut = split === -1 ? sorted.length : split;
  const rows = request.backward
    ? sorted.slice(Math.max(0, cut - request.size - 1), cut).reverse()
    : sorted.slice(cut, cut + request.size + 1);
  return toConnection(
    rows,
    request.size,
    items.length,
    rows.map((r) => r.item),
    (row) => row.key,
    {
      backward: request.backward,
      beyond: cursor ? (request.backward ? cut < sorted.length : cut > 0) : false,
      scope: options.scope,
    },
  );
}
