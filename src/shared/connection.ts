/**
 * Relay connections: PageInfo, a factory for XConnection/XEdge types, opaque keyset cursors and
 * the page-size rules (default 20, maximum 100; outside 0..100 is BAD_USER_INPUT, never clamped).
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
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

/** Decodes a cursor made by encodeCursor with `length` parts of the given types, or throws BAD_USER_INPUT. */
export function decodeCursor(
  cursor: string | null | undefined,
  shape: ('string' | 'number')[],
  argument = 'after',
): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    if (cursor.length > 500) throw new Error('too long');
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((part, i) => typeof part === shape[i])
    )
      return key;
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`${argument} is not a cursor this connection gave out.`, argument);
}
