/**
 * Relay connections without a database: page-size bounds, opaque keyset cursors (made by us,
 * refused when forged or mangled), pages assembled from size + 1 rows, and in-memory paging
 * walked to its end. Refusals are read as clients see them, through formatError.
 */
import { GraphQLError } from 'graphql';
import fc from 'fast-check';
import pino from 'pino';
import { formatError } from '../../src/format-error';
import {
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  pageSize,
  paginate,
  readPage,
  toConnection,
} from '../../src/shared/connection';

const silent = pino({ level: 'silent' });

/** What a client is told when `fn` throws inside a resolver at field `list`. */
function refusal(fn: () => unknown): { message: string; extensions?: Record<string, unknown> } {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected a refusal, got none');
  const located = new GraphQLError((thrown as Error).message, {
    path: ['list'],
    originalError: thrown as Error,
  });
  const { message, extensions } = formatError(located.toJSON(), located, silent);
  return { message, extensions: extensions as Record<string, unknown> | undefined };
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

describe('pageSize', () => {
  it('defaults to 20 when first is absent or null', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
  });

  it('takes every whole number from 0 to 100 as it is', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it.each([101, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %p as BAD_USER_INPUT naming first, never clamps it',
    (first) => {
      expect(refusal(() => pageSize(first))).toEqual({
        message: `first must be between 0 and 100, got ${first}.`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
      });
    },
  );

  it('names the argument it was given (a nested field may call it otherwise)', () => {
    expect(refusal(() => pageSize(500, 'participants.first')).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'participants.first',
    });
  });
});

describe('cursors', () => {
  it('round-trips a key of strings and numbers, as URL-safe text', () => {
    const key = ['zürich / ß+?', 42, 'c0ffee00-0000-4000-8000-000000000000'];
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['string', 'number', 'string'])).toEqual(key);
  });

  it('is the base64url of the JSON key (what the benchmark forges as a first page end)', () => {
    expect(encodeCursor(['sitra', 'id-1'])).toBe(b64('["sitra","id-1"]'));
  });

  it('reads no cursor as the start', () => {
    expect(decodeCursor(undefined, ['string'])).toBeNull();
    expect(decodeCursor(null, ['string'])).toBeNull();
  });

  it("takes a string or a number where the shape says 'key', nothing else", () => {
    expect(decodeCursor(encodeCursor(['a', 'x']), ['key', 'string'])).toEqual(['a', 'x']);
    expect(decodeCursor(encodeCursor([-7, 'x']), ['key', 'string'])).toEqual([-7, 'x']);
    for (const part of [true, null, ['a'], { a: 1 }]) {
      expect(refusal(() => decodeCursor(encodeCursor([part, 'x']), ['key', 'string']))).toEqual({
        message: 'after is not a cursor this connection gave out.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
      });
    }
  });

  type Shape = ('string' | 'number' | 'key')[];
  const names: Shape = ['string', 'string'];
  it.each<[string, string, Shape]>([
    ['an empty string', '', names],
    ['text that is not base64', '!!!', names],
    ['base64 of text that is not JSON', b64('not json'), names],
    ['a JSON object, not a list', b64('{"0":"a","1":"b"}'), names],
    ['a JSON string', b64('"a"'), names],
    ['a key with a part too few', encodeCursor(['a']), names],
    ['a key with a part too many', encodeCursor(['a', 'b', 'c']), names],
    ['a number where a string goes', encodeCursor([1, 'b']), names],
    ['a string where a number goes', encodeCursor(['a', '2']), ['string', 'number']],
    ['a cursor of another connection (a date list)', encodeCursor(['2019-10-25', 3]), names],
    ['a cursor cut short', encodeCursor(['abc', 'def']).slice(0, -3), names],
    ['a cursor over 500 characters', encodeCursor(['x'.repeat(400), 'y']), names],
  ])('refuses %s as BAD_USER_INPUT naming after', (_what, cursor, shape) => {
    expect(refusal(() => decodeCursor(cursor, shape))).toEqual({
      message: 'after is not a cursor this connection gave out.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
  });

  it('takes a cursor of up to 500 characters', () => {
    const key = ['x'.repeat(360), 'y'];
    const cursor = encodeCursor(key);
    expect(cursor.length).toBeLessThanOrEqual(500);
    expect(decodeCursor(cursor, ['string', 'string'])).toEqual(key);
  });

  it('names the argument it was given', () => {
    expect(refusal(() => decodeCursor('nope', ['string'], 'participants.after'))).toEqual({
      message: 'participants.after is not a cursor this connection gave out.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'participants.after' },
    });
  });
});

describe('cursors bound to their connection and order', () => {
  it('read back in their own scope, and are refused in another, naming the argument', () => {
    const cursor = encodeCursor(['sitra', 'id-1'], 'Organisation:NAME');
    expect(decodeCursor(cursor, ['key', 'string'], 'after', 'Organisation:NAME')).toEqual([
      'sitra',
      'id-1',
    ]);
    expect(
      refusal(() =>
        decodeCursor(cursor, ['key', 'string'], 'before', 'Organisation:MOST_CONNECTED'),
      ),
    ).toEqual({
      message:
        'before is a cursor of another list or order: a cursor is valid only in the connection and order that gave it out (Organisation:MOST_CONNECTED).',
      extensions: { code: 'BAD_USER_INPUT', argument: 'before' },
    });
    // A cursor without a scope, or with a key of the wrong shape, is no cursor of ours at all.
    for (const other of [encodeCursor(['sitra', 'id-1']), encodeCursor(['x'], 'Organisation:NAME')])
      expect(
        refusal(() => decodeCursor(other, ['key', 'string'], 'after', 'Organisation:NAME')).message,
      ).toBe('after is not a cursor this connection gave out.');
  });

  it('go round a connection: toConnection writes the scope, readPage and paginate check it', () => {
    const items = ['a', 'b', 'c'].map((id) => ({ id }));
    const keyOf = (i: { id: string }): [string, string] => [i.id, i.id];
    const page = paginate(items, keyOf, { first: 1 }, { scope: 'collaborations' });
    const next = paginate(
      items,
      keyOf,
      { first: 1, after: page.pageInfo.endCursor },
      { scope: 'collaborations' },
    );
    expect(next.edges.map((e) => e.node.id)).toEqual(['b']);
    expect(
      refusal(() =>
        readPage({ last: 1, before: page.pageInfo.endCursor }, ['key', 'string'], 'participants'),
      ).extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', argument: 'before' });
  });
});

describe('toConnection', () => {
  const rows = [
    { key: 'a', id: '1' },
    { key: 'b', id: '2' },
    { key: 'c', id: '3' },
  ];
  const cursorOf = (row: { key: string; id: string }): unknown[] => [row.key, row.id];

  it('keeps size edges and tells of a next page from the extra row', () => {
    const page = toConnection(rows, 2, 9, ['A', 'B'], cursorOf);
    expect(page.edges).toEqual([
      { cursor: encodeCursor(['a', '1']), node: 'A' },
      { cursor: encodeCursor(['b', '2']), node: 'B' },
    ]);
    expect(page.totalCount).toBe(9);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(['a', '1']),
      endCursor: encodeCursor(['b', '2']),
    });
  });

  it('says there is no next page when the query found no extra row', () => {
    const page = toConnection(rows, 3, 3, ['A', 'B', 'C'], cursorOf);
    expect(page.edges.map((e) => e.node)).toEqual(['A', 'B', 'C']);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.pageInfo.endCursor).toBe(encodeCursor(['c', '3']));
  });

  it('leaves out nodes that vanished meanwhile, with the cursors of the rest', () => {
    const page = toConnection(rows, 3, 3, [null, 'B', null], cursorOf);
    expect(page.edges).toEqual([{ cursor: encodeCursor(['b', '2']), node: 'B' }]);
    expect(page.pageInfo.startCursor).toBe(page.pageInfo.endCursor);
  });

  it('has null cursors on an empty page, and a next page after a page of 0', () => {
    expect(toConnection([], 5, 0, [], cursorOf).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    const none = toConnection(rows.slice(0, 1), 0, 3, [], cursorOf);
    expect(none.edges).toEqual([]);
    expect(none.pageInfo.hasNextPage).toBe(true);
  });
});

describe('paginate', () => {
  interface Item {
    id: string;
    sort: string | number;
  }
  const keyOf = (item: Item): [string | number, string] => [item.sort, item.id];
  // Out of order, with ties on the sort key broken by id.
  const items: Item[] = [
    { id: 'e', sort: 'b' },
    { id: 'a', sort: 'c' },
    { id: 'd', sort: 'a' },
    { id: 'c', sort: 'b' },
    { id: 'b', sort: 'a' },
  ];

  it('sorts by key, then id, and counts every item', () => {
    const page = paginate(items, keyOf, null, { after: null });
    expect(page.edges.map((e) => e.node.id)).toEqual(['b', 'd', 'c', 'e', 'a']);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('walks every item once, in order, page by page from each end cursor', () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: ConnectionShape<Item> = paginate(items, keyOf, 2, { after });
      pages += 1;
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.totalCount).toBe(5);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(5);
    }
    expect(seen).toEqual(['b', 'd', 'c', 'e', 'a']);
    expect(pages).toBe(3);
  });

  it('continues after a key that is no longer in the list', () => {
    // The item ["b", "d"] is gone; what sorts after it remains.
    const page = paginate(items, keyOf, 10, { after: encodeCursor(['b', 'd']) });
    expect(page.edges.map((e) => e.node.id)).toEqual(['e', 'a']);
  });

  it('orders numeric keys as numbers (10 after 9)', () => {
    const numbers: Item[] = [
      { id: 'x', sort: 10 },
      { id: 'y', sort: 9 },
      { id: 'z', sort: -1 },
    ];
    expect(paginate(numbers, keyOf, 2, { after: null }).edges.map((e) => e.node.id)).toEqual([
      'z',
      'y',
    ]);
    expect(
      paginate(numbers, keyOf, 2, { after: encodeCursor([9, 'y']) }).edges.map((e) => e.node.id),
    ).toEqual(['x']);
  });

  it('refuses a bad first or after as the database-backed lists do', () => {
    expect(refusal(() => paginate(items, keyOf, 101, { after: null })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
    expect(
      refusal(() => paginate(items, keyOf, 2, { after: encodeCursor(['b']) })).extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
  });
});

describe('readPage', () => {
  it('reads first/after as forwards and last/before as backwards, 20 by default', () => {
    expect(readPage({}, ['string'])).toEqual({ backward: false, size: 20, cursor: null });
    expect(readPage({ first: 3, after: encodeCursor(['a']) }, ['string'])).toEqual({
      backward: false,
      size: 3,
      cursor: ['a'],
    });
    expect(readPage({ last: 4 }, ['string'])).toEqual({ backward: true, size: 4, cursor: null });
    expect(readPage({ before: encodeCursor(['b']) }, ['string'])).toEqual({
      backward: true,
      size: 20,
      cursor: ['b'],
    });
    expect(readPage({ after: encodeCursor(['c']) }, ['string']).backward).toBe(false);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['first with last', { first: 1, last: 1 }, 'last', 'first and last cannot be combined'],
    [
      'after with before',
      { after: 'x', before: 'y' },
      'before',
      'after and before cannot be combined',
    ],
    ['first with before', { first: 1, before: 'y' }, 'before', 'before pages backwards'],
    ['last with after', { last: 1, after: 'x' }, 'after', 'after pages forwards'],
    ['last above 100', { last: 101 }, 'last', 'last must be between 0 and 100, got 101.'],
    ['last below 0', { last: -1 }, 'last', 'last must be between 0 and 100, got -1.'],
    [
      'a forged before',
      { before: 'nope' },
      'before',
      'before is not a cursor this connection gave out.',
    ],
  ])('refuses %s as BAD_USER_INPUT naming the argument', (_what, args, argument, message) => {
    const refused = refusal(() => readPage(args, ['string']));
    expect(refused.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(refused.message).toContain(message);
  });
});

describe('toConnection backwards', () => {
  const rows = [
    { key: 'c', id: '3' },
    { key: 'b', id: '2' },
    { key: 'a', id: '1' },
  ];
  const cursorOf = (row: { key: string; id: string }): unknown[] => [row.key, row.id];

  it('turns rows read nearest the cursor first into the list order, with a previous page from the extra row', () => {
    const page = toConnection(rows, 2, 9, ['C', 'B'], cursorOf, { backward: true, beyond: true });
    expect(page.edges.map((e) => e.node)).toEqual(['B', 'C']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(['b', '2']),
      endCursor: encodeCursor(['c', '3']),
    });
  });

  it('tells of a previous page forwards from what lies at or before the cursor', () => {
    const page = toConnection(rows.slice(0, 1), 1, 9, ['C'], cursorOf, { beyond: true });
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });
});

describe('paginate backwards', () => {
  interface Item {
    id: string;
    sort: string | number;
  }
  const keyOf = (item: Item): [string | number, string] => [item.sort, item.id];
  const items: Item[] = ['e', 'a', 'd', 'c', 'b', 'f', 'g'].map((id, i) => ({
    id,
    sort: i % 3,
  }));
  const order = [...items]
    .sort((a, b) => Number(a.sort) - Number(b.sort) || (a.id < b.id ? -1 : 1))
    .map((i) => i.id);

  it('gives the last items of the whole list in the list order', () => {
    const page = paginate(items, keyOf, { last: 3 });
    expect(page.edges.map((e) => e.node.id)).toEqual(order.slice(-3));
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.totalCount).toBe(7);
  });

  it('gives the items before a cursor, with a next page (the cursor item) and a previous one', () => {
    const middle = encodeCursor(keyOf(items.find((i) => i.id === order[4])!));
    const page = paginate(items, keyOf, { last: 2, before: middle });
    expect(page.edges.map((e) => e.node.id)).toEqual(order.slice(2, 4));
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('says a forward page after a cursor has a previous page', () => {
    const second = encodeCursor(keyOf(items.find((i) => i.id === order[1])!));
    const page = paginate(items, keyOf, { first: 2, after: second });
    expect(page.edges.map((e) => e.node.id)).toEqual(order.slice(2, 4));
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const start = paginate(items, keyOf, { first: 2 });
    expect(start.pageInfo.hasPreviousPage).toBe(false);
  });

  it('refuses mixed directions as the database-backed lists do', () => {
    expect(refusal(() => paginate(items, keyOf, { first: 2, last: 2 })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'last',
    });
  });

  /** Every page of a walk in one direction: the items and the page info. */
  function walk(list: Item[], size: number, backward: boolean): ConnectionShape<Item>[] {
    const pages: ConnectionShape<Item>[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard <= list.length + 1; guard += 1) {
      const page: ConnectionShape<Item> = paginate(
        list,
        keyOf,
        backward ? { last: size, before: cursor } : { first: size, after: cursor },
      );
      pages.push(page);
      const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
      if (!more) return pages;
      cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
    }
    throw new Error('the walk did not end');
  }

  it('walks forwards and backwards over the same items, with exact page info, for any list and page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ maxLength: 4 }),
            sort: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b', 'c')),
          }),
          { selector: (i) => i.id, maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 7 }),
        (raw, size) => {
          // One kind of sort key per list, as each connection has.
          const list = raw.map((i) => ({
            ...i,
            sort: typeof i.sort === 'number' ? i.sort : i.sort.length,
          }));
          const forward = walk(list, size, false);
          const backward = walk(list, size, true).reverse();
          const ids = (pages: ConnectionShape<Item>[]): string[] =>
            pages.flatMap((p) => p.edges.map((e) => e.node.id));
          const whole = paginate(list, keyOf, { first: 100 }).edges.map((e) => e.node.id);
          expect(ids(forward)).toEqual(whole);
          expect(ids(backward)).toEqual(whole);
          expect(new Set(whole).size).toBe(list.length);
          for (const pages of [forward, backward]) {
            pages.forEach((page, i) => {
              if (list.length === 0) return;
              expect(page.pageInfo.hasPreviousPage).toBe(ids(pages.slice(0, i)).length > 0);
              expect(page.pageInfo.hasNextPage).toBe(ids(pages.slice(i + 1)).length > 0);
            });
          }
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});
