/**
 * Where a refused value sits in the request, as the argument path clients are told
 * (`extensions.argument`: "input.startsAt", "input.aliases[1].date"), for a literal in the
 * document or a value given in a variable. Runs only for refused requests.
 */
import { BREAK, GraphQLError, Kind, parse, visit, type ASTNode, type DocumentNode } from 'graphql';

/**
 * Where a literal sits in its document, as an argument path ("input.startsAt",
 * "input.aliases[1].date"). The node has no parent links, so the document is parsed again and
 * searched by position; this runs only for refused requests.
 */
export function argumentPath(node: ASTNode): string | undefined {
  const loc = node.loc;
  if (!loc) return undefined;
  let found: string | undefined;
  visit(parse(loc.source), {
    enter(candidate, _key, parent, path, ancestors) {
      if (found !== undefined) return BREAK;
      if (candidate.kind !== node.kind || candidate.loc?.start !== loc.start) return undefined;
      const parts: string[] = [];
      // Container i holds the next step under key path[i] (a list's index follows 'values').
      [...ancestors, parent].forEach((a, i) => {
        if (a === undefined) return;
        if (Array.isArray(a)) return;
        const n = a as ASTNode;
        if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) parts.push(n.name.value);
        else if (n.kind === Kind.VARIABLE_DEFINITION) parts.push(`$${n.variable.name.value}`);
        else if (n.kind === Kind.LIST) parts.push(`[${String(path[i + 1])}]`);
      });
      if (candidate.kind === Kind.OBJECT_FIELD || candidate.kind === Kind.ARGUMENT)
        parts.push(candidate.name.value);
      found = parts.join('.').replace(/\.\[/g, '[');
      return BREAK;
    },
  });
  return found;
}

/** The argument path, within its document, of the first place `$name` is used. */
function usagePath(document: DocumentNode, name: string): string | undefined {
  let found: string | undefined;
  visit(document, {
    Variable(candidate, _key, parent, path, ancestors) {
      if (found !== undefined) return BREAK;
      if (candidate.name.value !== name) return undefined;
      const parts: string[] = [];
      const containers = [...ancestors, parent];
      for (const [i, a] of containers.entries()) {
        if (a === undefined || Array.isArray(a)) continue;
        const n = a as ASTNode;
        // A variable definition holds the variable itself, not a use of it.
        if (n.kind === Kind.VARIABLE_DEFINITION) return undefined;
        if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) parts.push(n.name.value);
        // Container i holds the next step under key path[i] (a list's index follows 'values').
        else if (n.kind === Kind.LIST) parts.push(`[${String(path[i + 1])}]`);
      }
      found = parts.join('.').replace(/\.\[/g, '[');
      return BREAK;
    },
  });
  return found || undefined;
}

/**
 * For a variable whose value graphql-js refused ("Variable "$in" got invalid value 7 at
 * "in.aliases[0].language"; ..."): the variable's name, and the argument path the value feeds
 * ("input.aliases[0].language" when the operation passes `$in` as `input`).
 */
export function variableArgument(error: GraphQLError): { variable?: string; argument?: string } {
  const node = error.nodes?.[0];
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return {};
  const variable = node.variable.name.value;
  let argument: string | undefined;
  try {
    argument = node.loc ? usagePath(parse(node.loc.source), variable) : undefined;
  } catch {
    argument = undefined;
  }
  // The part inside the value: what follows the variable's name in graphql-js's "at" path.
  const inside = /^Variable "\$[^"]+" got invalid value .* at "([^"]+)"/s.exec(error.message)?.[1];
  const rest = inside?.startsWith(variable) ? inside.slice(variable.length) : '';
  return { variable, argument: `${argument ?? variable}${rest}` };
}

/**
 * The variable that supplied the value a resolver refused at `argument` ("input.aliases[1].language")
 * of `field`, when a variable supplied it or one of its containers (`$in` given as `input`, or
 * `$a` given as `input.aliases`); undefined when the value is written in the document.
 */
export function variableAt(field: ASTNode | undefined, argument: string): string | undefined {
  if (field?.kind !== Kind.FIELD) return undefined;
  const [name, ...steps] = argument.match(/[^.[\]]+/g) ?? [];
  let value: ASTNode | undefined = field.arguments?.find((a) => a.name.value === name)?.value;
  for (const step of steps) {
    if (value?.kind === Kind.VARIABLE) break;
    if (value?.kind === Kind.OBJECT) value = value.fields.find((f) => f.name.value === step)?.value;
    else if (value?.kind === Kind.LIST) value = value.values[Number(step)];
    else return undefined;
  }
  return value?.kind === Kind.VARIABLE ? value.name.value : undefined;
}
