/**
 * The measures taken before execution, on the generated schema without a database: a fragment
 * is measured once whatever its spreads multiply (the value is that of the document written
 * out), and the shape check counts repeated fields through fragments.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  parse,
  type OperationDefinitionNode,
} from 'graphql';
import {
  checkDocumentShape,
  DEFAULT_LIMITS,
  introspectionFieldsOf,
  measureOperation,
} from '../../src/shared/query-limits';

const schema = buildSchema(
  readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'),
);

function chain(levels: number, times: number): string {
  let text = '{ organisations(first: 1) { edges { node { ...F0 } } } }\n';
  for (let i = 0; i < levels; i++)
    text += `fragment F${i} on Organisation { ${Array.from({ length: times }, () => `...F${i + 1}`).join(' ')} }\n`;
  return `${text}fragment F${levels} on Organisation { name }\n`;
}

function measure(text: string, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return measureOperation(schema, document, operation, variables);
}

describe('measureOperation', () => {
  it('prices a page as (1 + its selection) times first, as written out', () => {
    // organisations(first: 10) x (edges 1 + node 1 + name 1 + slug 1) = 10 x 5
    expect(measure('{ organisations(first: 10) { edges { node { name slug } } } }')).toEqual({
      depth: 4,
      cost: 50,
    });
    expect(
      measure(
        'query($n: Int) { organisations(first: $n) { edges { node { ...O } } } } fragment O on Organisation { name slug }',
        { n: 10 },
      ).cost,
    ).toBe(50);
  });

  it('measures fragments spreading each other exponentially in linear time, with the exact value', () => {
    const started = performance.now();
    // 2^60 leaves: a walk that re-entered fragments would never finish. The bound is loose on
    // purpose (a machine under load took 159 ms for a walk that takes 1 ms idle): it tells
    // linear from exponential, not fast from slow.
    const { depth, cost } = measure(chain(60, 2));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(depth).toBe(4);
    expect(cost).toBe(2 ** 60 + 3);
    expect(measure(chain(21, 2)).cost).toBe(2 ** 21 + 3);
  });

  it('prices nodeMetrics as one row per id, up to the 2000 the field allows', () => {
    const text = 'query($ids: [ID!]!) { nodeMetrics(ids: $ids) { id degree community } }';
    const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `id${i}`);
    expect(measure(text, { ids: ids(3) }).cost).toBe(3 * 4);
    expect(measure(text, { ids: ids(2000) }).cost).toBe(2000 * 4);
    // Beyond it the field refuses the list itself (BAD_USER_INPUT naming ids).
    expect(measure(text, { ids: ids(2001) }).cost).toBe(4);
    expect(measure('{ nodeMetrics(ids: ["a", "b"]) { id } }').cost).toBe(2 * 2);
  });

  it('skips what @skip and @include leave out', () => {
    const text =
      'query($x: Boolean!) { organisations(first: 10) { edges { node { name slug @include(if: $x) } } } }';
    expect(measure(text, { x: false }).cost).toBe(40);
    expect(measure(text, { x: true }).cost).toBe(50);
  });
});

describe('introspection depth', () => {
  const everyOption = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  });

  it("measures the standard query apart from the graph's depth, within its own limit", () => {
    const { depth, introspectionDepth, cost } = measure(everyOption);
    expect(depth).toBe(0);
    expect(introspectionDepth).toBe(15);
    expect(introspectionDepth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxIntrospectionDepth);
    expect(cost).toBeLessThan(DEFAULT_LIMITS.maxCost);
  });

  it('still measures the graph part of an operation that also introspects', () => {
    const measured = measure(
      `{ __type(name: "Organisation") { name } organisations(first: 1) { edges { node { name } } } }`,
    );
    expect(measured).toEqual({ depth: 4, introspectionDepth: 2, cost: 6 });
  });

  it('measures __schema reached through a fragment on Query', () => {
    expect(measure('{ ...Q } fragment Q on Query { __schema { types { name } } }')).toEqual({
      depth: 0,
      introspectionDepth: 3,
      cost: 3,
    });
  });

  it('measures a chain of ofType past any real wrapping as deep', () => {
    const chain = (n: number): string => (n === 0 ? 'name' : `kind ofType { ${chain(n - 1)} }`);
    expect(measure(`{ __type(name: "Query") { ${chain(30)} } }`).introspectionDepth).toBe(32);
  });
});

describe('introspection fields per operation', () => {
  const full = getIntrospectionQuery();
  const body = full.slice(
    full.indexOf('__schema'),
    full.lastIndexOf('}', full.indexOf('fragment')),
  );
  const fragments = full.slice(full.indexOf('fragment'));

  it('counts __schema and __type through aliases and every spread of a fragment', () => {
    const doc = parse(
      `{ a: __schema { queryType { name } } b: __type(name: "Query") { name } ...Q ...Q }
       fragment Q on Query { c: __type(name: "Person") { name } __schema { description } }`,
    );
    const operation = doc.definitions[0] as OperationDefinitionNode;
    expect(introspectionFieldsOf(doc, operation)).toEqual({ schema: 3, all: 6 });
  });

  it('leaves one whole __schema within the limits and refuses thirty', () => {
    const one = parse(full);
    expect(
      introspectionFieldsOf(one, one.definitions[0] as OperationDefinitionNode).schema,
    ).toBeLessThanOrEqual(DEFAULT_LIMITS.maxSchemaFields);
    const aliased = Array.from({ length: 30 }, (_, i) => `a${i}: ${body}`).join('\n');
    const thirty = parse(`query { ${aliased} }\n${fragments}`);
    expect(
      introspectionFieldsOf(thirty, thirty.definitions[0] as OperationDefinitionNode).schema,
    ).toBe(30);
  });
});

describe('checkDocumentShape', () => {
  it('counts a field repeated through fragments, and refuses past the limit', () => {
    expect(() => checkDocumentShape(parse(chain(5, 2)), DEFAULT_LIMITS)).not.toThrow();
    expect(() => checkDocumentShape(parse(chain(6, 2)), DEFAULT_LIMITS)).toThrow(
      /count of fields named "name" in one selection is 64, above the limit of 32/,
    );
  });
});
