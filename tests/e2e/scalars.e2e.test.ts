/**
 * Scalars that look right and are wrong, over HTTP: impossible dates and date-times, date-times
 * without an offset or with one Neo4j cannot hold, and ranges that end before they start (on
 * create and against the stored value on update). Each is refused with BAD_USER_INPUT naming
 * the argument (or the variable) before anything reaches Neo4j, and the graph is unchanged.
 */
import { useSeededApi } from '../support/api';
import { graphState } from '../support/db';

const api = useSeededApi();

interface GqlError {
  message: string;
  extensions: Record<string, unknown>;
}

/** Runs a mutation that must be refused; returns its first error, the graph unchanged. */
async function refused(query: string, variables: Record<string, unknown> = {}): Promise<GqlError> {
  const before = await graphState(api.db());
  const res = await api.gql(query, variables);
  const after = await graphState(api.db());
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(res.status).toBeLessThan(500);
  expect(after.fingerprint).toBe(before.fingerprint);
  return res.errors![0]!;
}

const EVENT = 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }';

const eventLiteral = (fields: string): string =>
  `mutation { createEvent(input: { name: "Scalar probe", kind: MEETING, ${fields} }) { id } }`;

let counter = 0;
const name = (): string => `Scalar probe ${++counter}`;

describe('DateTime', () => {
  it.each([
    ['an impossible day', '2019-02-30T11:30:00+03:00'],
    ['a space for the T', '2019-10-29 11:30'],
    ['no offset', '2019-10-29T11:30'],
    ['no offset, with seconds', '2019-10-29T11:30:00'],
    ['an offset Neo4j cannot hold', '2019-10-29T11:30:00+25:00'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['hour 24', '2019-10-29T24:00:00Z'],
    ['second 61', '2019-10-29T11:30:61+03:00'],
    ['month 13', '2019-13-01T11:30:00+03:00'],
    ['February 29 of a common year', '2021-02-29T11:30:00+03:00'],
    ['an ISO week date', '2019-W44-2T11:30:00+03:00'],
    ['a six-digit year', '+275760-09-13T00:00:00Z'],
    ['a date only', '2019-10-29'],
  ])('refuses %s (%s) as a literal, naming input.startsAt', async (_label, value) => {
    const error = await refused(eventLiteral(`startsAt: ${JSON.stringify(value)}`));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.startsAt' });
    expect(error.message).toMatch(/DateTime|offset|calendar|time/);
  });

  it.each([
    ['an impossible day', '2019-02-30T11:30:00+03:00'],
    ['a space for the T', '2019-10-29 11:30'],
    ['no offset', '2019-10-29T11:30'],
    ['an offset Neo4j cannot hold', '2019-10-29T11:30:00-19:00'],
  ])('refuses %s (%s) as a variable, naming the variable', async (_label, value) => {
    const error = await refused(EVENT, {
      input: { name: name(), kind: 'MEETING', startsAt: value },
    });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      variable: 'input',
      argument: 'input.startsAt',
    });
    expect(error.message).toContain('$input');
  });

  it('keeps an explicit offset, Z included', async () => {
    const res = await api.gql<{ createEvent: { startsAt: string; endsAt: string } }>(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { startsAt endsAt } }',
      {
        input: {
          name: name(),
          kind: 'MEETING',
          startsAt: '2019-10-29T11:30:00+03:00',
          endsAt: '2019-10-29T09:15:00.5Z',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createEvent.startsAt).toMatch(/^2019-10-29T11:30(:00)?\+03:00/);
    expect(res.data!.createEvent.endsAt).toMatch(/^2019-10-29T09:15:00\.5+Z/);
  });
});

describe('Date', () => {
  it.each(['2019-02-30', '2019-04-31', '2021-02-29', '2019-13-01', '2019-00-10', '2019-W44-2'])(
    'refuses %s in createEvent as a literal, naming input.startDate',
    async (value) => {
      const error = await refused(eventLiteral(`startDate: ${JSON.stringify(value)}`));
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.startDate',
      });
    },
  );

  it('refuses an impossible date in linkEntities, naming input.startDate', async () => {
    const error = await refused(
      'mutation { linkEntities(input: { type: PART_OF, from: "x", to: "y", startDate: "2019-04-31" }) }',
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.startDate',
    });
  });

  it('refuses an impossible date in a query filter, naming filter.from', async () => {
    const res = await api.gql('{ events(filter: { from: "2019-02-30" }) { totalCount } }');
    expect(res.status).toBeLessThan(500);
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.from',
    });
  });
});

describe('ranges', () => {
  it('refuses endsAt before startsAt on create, naming input.endsAt', async () => {
    const error = await refused(EVENT, {
      input: {
        name: name(),
        kind: 'MEETING',
        startsAt: '2019-10-29T11:30:00+03:00',
        // The same wall-clock time one hour later in Moscow is earlier as an instant.
        endsAt: '2019-10-29T11:00:00+03:00',
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.endsAt' });
  });

  it('compares instants, not wall-clock text', async () => {
    const res = await api.gql(EVENT, {
      input: {
        name: name(),
        kind: 'MEETING',
        startsAt: '2019-10-29T11:30:00+03:00',
        endsAt: '2019-10-29T09:00:00Z',
      },
    });
    expect(res.errors).toBeUndefined();
  });

  it('refuses endDate before startDate on create and on upsert, naming input.endDate', async () => {
    for (const op of ['createEvent', 'upsertEvent']) {
      const error = await refused(
        `mutation($input: CreateEventInput!) { ${op}(input: $input) { id } }`,
        { input: { name: name(), kind: 'FORUM', startDate: '2019-10-25', endDate: '2019-10-24' } },
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.endDate' });
    }
  });

  it('refuses an update that ends before the stored start, and one that starts after the stored end', async () => {
    const created = await api.gql<{ createEvent: { id: string } }>(EVENT, {
      input: {
        name: name(),
        kind: 'MEETING',
        startDate: '2019-10-25',
        endDate: '2019-10-27',
        startsAt: '2019-10-25T10:00:00+03:00',
        endsAt: '2019-10-27T18:00:00+03:00',
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createEvent.id;
    const update =
      'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }';
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: '2019-10-24T18:00:00+03:00' }, 'input.endsAt'],
      [{ startsAt: '2019-10-28T10:00:00+03:00' }, 'input.startsAt'],
      [{ endDate: '2019-10-24' }, 'input.endDate'],
      [{ startDate: '2019-10-28' }, 'input.startDate'],
    ];
    for (const [input, argument] of cases) {
      const error = await refused(update, { id, input });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    // Moving the days alone leaves the stored date-times on other days: refused.
    const days = await refused(update, {
      id,
      input: { startDate: '2019-11-01', endDate: '2019-11-02' },
    });
    expect(days.message).toMatch(/\(as stored\)/);
    // Moving both ends, days and date-times together, is fine.
    const moved = await api.gql(update, {
      id,
      input: {
        startDate: '2019-11-01',
        endDate: '2019-11-02',
        startsAt: '2019-11-01T10:00:00+02:00',
        endsAt: '2019-11-02T18:00:00+02:00',
      },
    });
    expect(moved.errors).toBeUndefined();
  });

  it.each([
    [
      'a day that ends before the start instant',
      { startsAt: '2019-11-05T10:00:00Z', endDate: '2019-11-04' },
      'input.endDate',
    ],
    [
      'an end instant before the start day',
      { startDate: '2019-10-29', endsAt: '2019-10-28T10:00:00Z' },
      'input.endsAt',
    ],
    [
      'a start instant on another day than startDate',
      { startDate: '2019-10-29', startsAt: '2019-11-05T10:00:00Z' },
      'input.startsAt',
    ],
    [
      'an end instant on another day than endDate',
      { endDate: '2019-10-29', endsAt: '2019-10-30T10:00:00+03:00' },
      'input.endsAt',
    ],
  ])('refuses %s on create, naming the field', async (_, dates, argument) => {
    const error = await refused(EVENT, { input: { name: name(), kind: 'MEETING', ...dates } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(error.message).toContain(argument);
  });

  it('reads a date-time on the day of its own offset or time zone, as the days are read', async () => {
    // 23:30 in Moscow is 20:30 UTC the same day; 00:30 in Moscow is still the previous day in UTC.
    const res = await api.gql(EVENT, {
      input: {
        name: name(),
        kind: 'MEETING',
        startDate: '2019-10-29',
        endDate: '2019-10-30',
        startsAt: '2019-10-29T23:30:00+03:00',
        endsAt: '2019-10-30T00:30:00+03:00',
      },
    });
    expect(res.errors).toBeUndefined();
  });

  it('refuses an update whose new start instant falls after the stored end day', async () => {
    const created = await api.gql<{ createEvent: { id: string } }>(EVENT, {
      input: { name: name(), kind: 'MEETING', startDate: '2019-10-25', endDate: '2019-10-27' },
    });
    expect(created.errors).toBeUndefined();
    const error = await refused(
      'mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
      { id: created.data!.createEvent.id, input: { startsAt: '2019-10-28T10:00:00+03:00' } },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.startsAt' });
  });

  it('refuses a project whose endYear is before its startYear', async () => {
    const error = await refused(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: name(), startYear: 2020, endYear: 2019 } },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.endYear' });
  });

  it('refuses a relationship whose new endDate is before its stored startDate', async () => {
    const person = await api.gql<{ createPerson: { id: string } }>(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { name: name() } },
    );
    const org = await api.gql<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      { input: { name: name(), kind: 'CLUSTER' } },
    );
    const from = person.data!.createPerson.id;
    const to = org.data!.createOrganisation.id;
    const link = 'mutation($input: LinkInput!) { linkEntities(input: $input) }';
    const first = await api.gql(link, {
      input: { type: 'AFFILIATED_WITH', from, to, startDate: '2015-01-01' },
    });
    expect(first.errors).toBeUndefined();
    const error = await refused(link, {
      input: { type: 'AFFILIATED_WITH', from, to, endDate: '2014-12-31' },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.endDate' });
  });
});

describe('codes that look right', () => {
  it.each(['XX', 'ZZ', 'fi', 'FIN'])(
    'refuses the country %s on createOrganisation, naming input.country',
    async (country) => {
      const error = await refused(
        'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        { input: { name: name(), kind: 'CLUSTER', country } },
      );
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.country',
      });
    },
  );
});

describe('values in variables that graphql-js refuses', () => {
  it.each([
    {
      what: 'a string for an Int',
      query: 'query($n: Int) { organisations(first: $n) { totalCount } }',
      variables: { n: 'ten' },
      variable: 'n',
      argument: 'first',
    },
    {
      what: 'an Int past 32 bits',
      query: 'query($n: Int) { organisations(first: $n) { totalCount } }',
      variables: { n: 2 ** 40 },
      variable: 'n',
      argument: 'first',
    },
    {
      what: 'an unknown enum value inside an input',
      query: EVENT.replace('$input', '$e').replace('input: $input', 'input: $e'),
      variables: { e: { name: 'Enum probe', kind: 'PICNIC' } },
      variable: 'e',
      argument: 'input.kind',
    },
    {
      what: 'a missing required field inside an input',
      query: EVENT,
      variables: { input: { kind: 'MEETING' } },
      variable: 'input',
      argument: 'input',
    },
    {
      what: 'a wrong type in a list inside an input',
      query: EVENT,
      variables: { input: { name: 'List probe', kind: 'MEETING', aliases: [{ name: 5 }] } },
      variable: 'input',
      argument: 'input.aliases[0].name',
    },
  ])('$what: BAD_USER_INPUT naming the variable and the argument it feeds', async (c) => {
    const error = await refused(c.query, c.variables);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      variable: c.variable,
      argument: c.argument,
    });
    expect(error.message).toContain(`$${c.variable}`);
  });
});

describe('values in variables that the resolvers refuse', () => {
  it.each([
    {
      what: 'a whole input refused by class-validator',
      query: EVENT,
      variables: { input: { name: 'Validator probe', kind: 'MEETING', aliases: [{ name: '' }] } },
      variable: 'input',
      argument: 'input.aliases[0].name',
    },
    {
      what: 'a variable inside a literal input, refused by class-validator',
      query:
        'mutation($a: [AliasInput!]) { createEvent(input: { name: "Validator probe", kind: MEETING, aliases: $a }) { id } }',
      variables: { a: [{ name: 'ok' }, { name: 'Alias', language: 'NOT A TAG' }] },
      variable: 'a',
      argument: 'input.aliases[1].language',
    },
    {
      what: 'a page size out of bounds',
      query: 'query($n: Int) { organisations(first: $n) { totalCount } }',
      variables: { n: 100000 },
      variable: 'n',
      argument: 'first',
    },
    {
      what: 'a time zone the service refuses',
      query: EVENT,
      variables: { input: { name: 'Zone probe', kind: 'MEETING', timeZone: 'Mars/Olympus' } },
      variable: 'input',
      argument: 'input.timeZone',
    },
  ])('$what: BAD_USER_INPUT naming the variable and the argument', async (c) => {
    const error = await refused(c.query, c.variables);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      variable: c.variable,
      argument: c.argument,
    });
  });

  it('a literal value names no variable', async () => {
    const error = await refused(
      'mutation { createEvent(input: { name: "Validator probe", kind: MEETING, aliases: [{ name: "" }] }) { id } }',
    );
    expect(error.extensions.argument).toBe('input.aliases[0].name');
    expect(error.extensions).not.toHaveProperty('variable');
  });
});
