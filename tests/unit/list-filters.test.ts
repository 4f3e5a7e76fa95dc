/**
 * List filters to Cypher, without a database: whereOf keeps exactly the filters given (an
 * absent one must not become `$x IS NULL OR ...`, which would keep the planner off the index of
 * the present ones), the entity lists' `matching` puts each filter in its one predicate on its
 * own parameter, a place as a walk from the place instead, and no value ever in the text.
 * The whole statements are pinned by the Cypher tier (tests/cypher).
 */
import fc from 'fast-check';
import { whereOf } from '../../src/shared/cypher';
import { ENTITY_LABELS } from '../../src/shared/model';
import { matching, type EntityListFilter } from '../../src/modules/entity/entity-list.repository';
import { filterUuid } from '../../src/modules/entity/entity-list.service';
import { eventsHeldIn } from '../../src/modules/event/event.effective';
import { formatError } from '../../src/format-error';
import { toGlobalId } from '../../src/shared/global-id';
import { GraphQLError } from 'graphql';
import pino from 'pino';

describe('whereOf', () => {
  const predicates = { a: 'n.a = $a', b: 'n.b = $b', c: 'n.c = $c' };

  it('is empty when no filter is given', () => {
    expect(whereOf({ a: null, b: undefined, c: null }, predicates)).toBe('');
    expect(whereOf({}, predicates)).toBe('');
  });

  it('keeps only the predicates of the filters given, in the order of the predicates', () => {
    expect(whereOf({ c: 'x', a: 'y', b: null }, predicates)).toBe('WHERE n.a = $a\n  AND n.c = $c');
    expect(whereOf({ b: 1 }, predicates)).toBe('WHERE n.b = $b');
  });

  it('counts falsy values as given: an empty name, 0 and false filter too', () => {
    expect(whereOf({ a: '', b: 0, c: false }, predicates)).toBe(
      'WHERE n.a = $a\n  AND n.b = $b\n  AND n.c = $c',
    );
  });

  it('ignores filter keys that have no predicate', () => {
    expect(whereOf({ a: 'x', other: 'y' } as { a: string }, predicates)).toBe('WHERE n.a = $a');
  });
});

const NONE: EntityListFilter = {
  name: null,
  kind: null,
  country: null,
  relatedTo: null,
  affiliatedWith: null,
  heldIn: null,
  from: null,
  to: null,
};

/** The `$names` a Cypher text refers to. */
const parametersIn = (cypher: string): string[] =>
  [...new Set([...cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].sort();

describe('entity list filters (matching)', () => {
  it('matches the label alone, with no WHERE, when nothing filters', () => {
    expect(matching('Organisation', NONE)).toBe('MATCH (n:Entity&Organisation)\n');
  });

  it.each([
    ['kind', 'n.kind = $kind'],
    ['country', 'n.country = $country'],
    [
      'name',
      '(toLower(n.name) CONTAINS $name OR any(a IN coalesce(n.aliasNames, []) WHERE toLower(a) CONTAINS $name))',
    ],
    [
      'relatedTo',
      '(EXISTS { (n)--(:Entity {id: $relatedTo}) } OR EXISTS { (n)--(:Interaction)--(:Entity {id: $relatedTo}) })',
    ],
    ['affiliatedWith', 'EXISTS { (n)-[:AFFILIATED_WITH]->(:Entity {id: $affiliatedWith}) }'],
  ] as const)('puts %s in one predicate on its own parameter', (key, predicate) => {
    const cypher = matching('Person', { ...NONE, [key]: 'VALUE' });
    expect(cypher).toBe(`MATCH (n:Entity&Person)\nWHERE ${predicate}`);
    expect(parametersIn(cypher)).toEqual([key]);
  });

  it('compares from and to as dates, the effective start of events included', () => {
    const from = matching('Event', { ...NONE, from: '2019-01-01' });
    expect(from.startsWith('MATCH (n:Entity&Event)\nWHERE (')).toBe(true);
    expect(from).toContain('>= date($from)');
    expect(parametersIn(from)).toEqual(['from']);
    const to = matching('Event', { ...NONE, to: '2019-12-31' });
    expect(to).toContain('<= date($to)');
    expect(parametersIn(to)).toEqual(['to']);
  });

  it('walks from the place for heldIn, before the MATCH, not as a predicate', () => {
    const cypher = matching('Event', { ...NONE, heldIn: 'VALUE', kind: 'MEETING' });
    expect(cypher).toBe(
      `${eventsHeldIn('$heldIn', 'n')}\nMATCH (n:Entity&Event)\nWHERE n.kind = $kind`,
    );
    expect(cypher.indexOf('$heldIn')).toBeLessThan(cypher.indexOf('MATCH (n:Entity&Event)'));
    expect(parametersIn(cypher)).toEqual(['heldIn', 'kind']);
  });

  it('joins several filters with AND, each on its parameter', () => {
    const cypher = matching('Organisation', {
      ...NONE,
      name: 'x',
      kind: 'CLUSTER',
      country: 'FI',
      relatedTo: 'u',
    });
    expect(cypher.split('\n  AND ')).toHaveLength(4);
    expect(parametersIn(cypher)).toEqual(['country', 'kind', 'name', 'relatedTo']);
  });

  it('never writes a value into the text, and refers only to parameters the filter has', () => {
    const text = fc.option(fc.string({ maxLength: 20 }), { nil: null });
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTITY_LABELS),
        fc.record({
          name: text,
          kind: text,
          country: text,
          relatedTo: text,
          affiliatedWith: text,
          heldIn: text,
          from: text,
          to: text,
        }),
        (label, filter) => {
          const cypher = matching(label, filter);
          const values = Object.values(filter).filter((v): v is string => v !== null);
          const given = (Object.keys(filter) as (keyof EntityListFilter)[])
            .filter((k) => filter[k] !== null)
            .sort();
          // The same text for any values: only which filters are present matters.
          const placeholders = Object.fromEntries(
            Object.entries(filter).map(([k, v]) => [k, v === null ? null : 'P']),
          ) as unknown as EntityListFilter;
          expect(cypher).toBe(matching(label, placeholders));
          expect(parametersIn(cypher)).toEqual(given);
          for (const v of values)
            if (v.length > 3 && !/^[\w&()\-:. ]*$/.test(v)) expect(cypher).not.toContain(v);
        },
      ),
    );
  });
});

describe('filterUuid', () => {
  const silent = pino({ level: 'silent' });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      const located = new GraphQLError((error as Error).message, {
        path: ['people'],
        originalError: error as Error,
      });
      const { message, extensions } = formatError(located.toJSON(), located, silent);
      return { message, extensions };
    }
    throw new Error('expected a refusal, got none');
  };

  it('is null for no id and the uuid behind a global id', () => {
    const uuid = '6241884d-44dd-5138-9b55-e2e0c2c66a05';
    expect(filterUuid(null, 'filter.relatedTo')).toBeNull();
    expect(filterUuid(undefined, 'filter.relatedTo')).toBeNull();
    expect(filterUuid(toGlobalId('Organisation', uuid), 'filter.relatedTo')).toBe(uuid);
  });

  it('refuses what is not a global id as BAD_USER_INPUT naming the filter field', () => {
    expect(refusal(() => filterUuid('sitra', 'filter.affiliatedWith'))).toEqual({
      message: 'filter.affiliatedWith is not a valid id.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter.affiliatedWith' },
    });
  });
});
