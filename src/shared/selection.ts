/**
 * What a query selects below a field, read with graphql-parse-resolve-info (it resolves
 * fragments, aliases and @skip/@include, which a hand-written walk would have to repeat).
 * Repositories use it to read less than whole records when the selection allows.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { NAMING_FIELDS, type Parties } from './cypher';

/** The selections of one field, across every type condition (interfaces and their types). */
function children(tree: ResolveTree): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields));
}

/**
 * Whether every field selected at `path` below `root` (field names; each step follows every
 * alias of that name) is one of `allowed`, with no selection of its own. Where nothing is
 * selected at the path, that holds too.
 */
function selectsOnly(
  root: ResolveTree,
  path: readonly (readonly string[])[],
  allowed: ReadonlySet<string>,
): boolean {
  let level: ResolveTree[] = [root];
  for (const names of path) {
    level = level.flatMap(children).filter((child) => names.includes(child.name));
  }
  return level
    .flatMap(children)
    .every((field) => allowed.has(field.name) && children(field).length === 0);
}

/** Where the parties of an invitation or a presentation are selected below the interaction. */
export const INVITATION_PARTIES = ['inviter', 'onBehalfOf', 'invitees', 'target'] as const;
export const PRESENTATION_PARTIES = [
  'presenter',
  'presenters',
  'event',
  'subjects',
  'onBehalfOf',
] as const;

/**
 * 'naming' when the entities selected at `path` below the current field are asked nothing but
 * what names them (a `namingRow` answers them) and none of `needWhole` (fields of the current
 * field computed from whole entities) is selected; else 'whole'.
 */
export function partiesAsked(
  info: GraphQLResolveInfo | undefined,
  path: readonly (readonly string[])[] = [],
  needWhole: readonly string[] = [],
): Parties {
  const root = info && (parseResolveInfo(info) as ResolveTree | null);
  if (!root || children(root).some((field) => needWhole.includes(field.name))) return 'whole';
  return selectsOnly(root, path, NAMING_FIELDS) ? 'naming' : 'whole';
}
