/**
 * Every element of the schema a client can see (types, fields, arguments, input fields, enum
 * values, interfaces, unions, scalars, our directives' arguments) carries a description that
 * says what it means to a user: GraphiQL's docs explorer, codegen comments and IDE hovers show
 * nothing else. A description that only repeats the element's name in words is refused too.
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  isIntrospectionType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { createOfflineSchema, printSdl } from '../../src/schema';

interface Element {
  /** Schema coordinate, e.g. `Query.search(first:)`. */
  coordinate: string;
  name: string;
  description: string | null | undefined;
}

function elements(schema: GraphQLSchema): Element[] {
  const out: Element[] = [];
  const add = (coordinate: string, name: string, description?: string | null): void => {
    out.push({ coordinate, name, description });
  };
  const args = (owner: string, list: readonly GraphQLArgument[]): void => {
    for (const a of list) add(`${owner}(${a.name}:)`, a.name, a.description);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    add(type.name, type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        add(coordinate, field.name, field.description);
        args(coordinate, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        add(`${type.name}.${field.name}`, field.name, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        add(`${type.name}.${value.name}`, value.name, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    add(`@${directive.name}`, directive.name, directive.description);
    args(`@${directive.name}`, directive.args);
  }
  return out;
}

/** `totalCount` -> `total count`, `ORGANISATION_KIND` -> `organisation kind`. */
function nameInWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase();
}

/** A description that says no more than the name: "Total count.", "The name", "Id of the x". */
function isTrivial(element: Element): boolean {
  const text = (element.description ?? '')
    .toLowerCase()
    .replace(/[.`"]/g, '')
    .replace(/^(the|a|an)\s+/, '')
    .trim();
  return text === nameInWords(element.name) || text.split(/\s+/).length < 3;
}

describe('schema descriptions', () => {
  let schema: GraphQLSchema;
  let all: Element[];
  beforeAll(async () => {
    schema = await createOfflineSchema();
    all = elements(schema);
  });

  it('points every custom scalar at its specification, printed as @specifiedBy', () => {
    const scalars = Object.values(schema.getTypeMap()).filter(
      (t) => isScalarType(t) && !isSpecifiedScalarType(t),
    );
    expect(scalars.map((s) => [s.name, isScalarType(s) && s.specifiedByURL])).toEqual([
      ['Date', 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6'],
      ['DateTime', 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6'],
    ]);
    const sdl = printSdl(schema);
    expect(sdl).toContain(
      'scalar Date @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6")',
    );
    expect(sdl).toContain(
      'scalar DateTime @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6")',
    );
  });

  it('describes every type, field, argument, input field, enum value and scalar', () => {
    const missing = all.filter((e) => !e.description?.trim()).map((e) => e.coordinate);
    expect(missing).toEqual([]);
  });

  it('says more in each description than the name it describes', () => {
    const trivial = all
      .filter((e) => e.description?.trim() && isTrivial(e))
      .map((e) => `${e.coordinate}: ${JSON.stringify(e.description)}`);
    expect(trivial).toEqual([]);
  });
});
