/**
 * Argument paths as clients are told them ("input.aliases[1].date"): of a literal found by its
 * position in the document, and of the place a variable feeds.
 */
import {
  GraphQLError,
  Kind,
  parse,
  visit,
  type ASTNode,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { argumentPath, variableArgument, variableAt } from '../../src/shared/argument-path';

/** The first node of `kind` in `document` whose text starts with `text`. */
function nodeAt(document: string, kind: Kind, text: string): ASTNode {
  let found: ASTNode | undefined;
  visit(parse(document), {
    enter(node) {
      if (found || node.kind !== kind || !node.loc) return undefined;
      if (document.slice(node.loc.start).startsWith(text)) found = node;
      return undefined;
    },
  });
  if (!found) throw new Error(`no ${kind} at ${text}`);
  return found;
}

const firstField = (document: string): FieldNode =>
  (parse(document).definitions[0] as OperationDefinitionNode).selectionSet
    .selections[0] as FieldNode;

describe('argumentPath', () => {
  const doc =
    'mutation { create(input: { name: "x", aliases: [{ name: "a" }, { name: "b", date: "2019-02-30" }], tags: [1, 2, 3] }) { id } }';

  it('names a literal in a nested object', () => {
    expect(argumentPath(nodeAt(doc, Kind.STRING, '"x"'))).toBe('input.name');
  });

  it('names a literal inside a list by its index', () => {
    expect(argumentPath(nodeAt(doc, Kind.STRING, '"2019-02-30"'))).toBe('input.aliases[1].date');
    expect(argumentPath(nodeAt(doc, Kind.INT, '3'))).toBe('input.tags[2]');
  });

  it('names an object field and an argument as themselves', () => {
    expect(argumentPath(nodeAt(doc, Kind.OBJECT_FIELD, 'date'))).toBe('input.aliases[1].date');
    expect(argumentPath(nodeAt(doc, Kind.ARGUMENT, 'input'))).toBe('input');
  });

  it('names a default value of a variable by the variable', () => {
    const withDefault = 'query Q($in: In = { day: "2019-13-01" }) { a(input: $in) }';
    expect(argumentPath(nodeAt(withDefault, Kind.STRING, '"2019-13-01"'))).toBe('$in.day');
  });

  it('has none for a node without a location', () => {
    expect(argumentPath({ kind: Kind.STRING, value: 'x' })).toBeUndefined();
  });
});

describe('variableAt', () => {
  it('finds the variable given as the argument itself', () => {
    expect(variableAt(firstField('{ a(input: $in) }'), 'input.aliases[1].language')).toBe('in');
  });

  it('finds a variable given as a container inside the argument', () => {
    const field = firstField('{ a(input: { name: "x", aliases: $al }) }');
    expect(variableAt(field, 'input.aliases[1].language')).toBe('al');
    expect(variableAt(field, 'input.name')).toBeUndefined();
  });

  it('finds a variable given as one item of a list', () => {
    const field = firstField('{ a(input: { aliases: [{ language: "fi" }, $second] }) }');
    expect(variableAt(field, 'input.aliases[1].language')).toBe('second');
    expect(variableAt(field, 'input.aliases[0].language')).toBeUndefined();
  });

  it('has none for a literal, an absent argument or a node that is not a field', () => {
    expect(variableAt(firstField('{ a(first: 500) }'), 'first')).toBeUndefined();
    expect(variableAt(firstField('{ a(first: $n) }'), 'after')).toBeUndefined();
    expect(variableAt(undefined, 'first')).toBeUndefined();
  });
});

describe('variableArgument', () => {
  const refusal = (document: string, message: string): GraphQLError => {
    const definition = (parse(document).definitions[0] as OperationDefinitionNode)
      .variableDefinitions![0]!;
    return new GraphQLError(message, { nodes: definition });
  };

  it('names the variable and the argument path its refused part feeds', () => {
    const error = refusal(
      'query Q($in: In!) { create(input: $in) { id } }',
      'Variable "$in" got invalid value 7 at "in.aliases[0].language"; String cannot represent a non string value: 7',
    );
    expect(variableArgument(error)).toEqual({
      variable: 'in',
      argument: 'input.aliases[0].language',
    });
  });

  it('names the argument where the variable is used inside an object', () => {
    const error = refusal(
      'query Q($d: Date) { events(filter: { from: $d }) { totalCount } }',
      'Variable "$d" got invalid value "x"; Expected type "Date".',
    );
    expect(variableArgument(error)).toEqual({ variable: 'd', argument: 'filter.from' });
  });

  it('falls back to the variable name when the variable is not used', () => {
    const error = refusal('query Q($n: Int) { a }', 'Variable "$n" got invalid value "x".');
    expect(variableArgument(error)).toEqual({ variable: 'n', argument: 'n' });
  });

  it('says nothing of an error that is not about a variable', () => {
    expect(variableArgument(new GraphQLError('Cannot query field "x".'))).toEqual({});
  });
});
