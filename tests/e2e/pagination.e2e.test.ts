/**
 * Complete pagination over HTTP on the seeded graph: every connection field, walked forwards
 * with first/after and backwards with last/before, visits the same edges in the same order with
 * no gaps or repeats, with hasPreviousPage and hasNextPage exact at both ends and in between;
 * a page's cursors lead to its neighbours in either direction; mixing the directions and
 * out-of-bounds sizes are BAD_USER_INPUT naming the argument.
 */
import { toGlobalId } from '../../src/shared/global-id';
import { useSeededApi } from '../support/api';

const api = useSeededApi();

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string }[];
}

interface PageArgs {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

const PAGE =
  'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor }';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';

/** A connection field asked with page arguments; `at` finds the connection in the answer. */
interface Field {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  at: (data: Record<string, unknown>) => Page;
  token?: () => string;
}

async function fetchPage(field: Field, args: PageArgs): Promise<Page> {
  const res = await api.gql<Record<string, unknown>>(
    field.query,
    { ...(field.variables?.() ?? {}), ...args },
    field.token?.(),
  );
  expect(res.errors).toBeUndefined();
  return field.at(res.data!);
}

const cursors = (pages: Page[]): string[] => pages.flatMap((p) => p.edges.map((e) => e.cursor));

/** Every page of a walk from one end, with `size` items a page. */
async function walk(field: Field, size: number, backward: boolean): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 200; guard += 1) {
    const page: Page = await fetchPage(
      field,
      backward ? { last: size, before: cursor } : { first: size, after: cursor },
    );
    pages.push(page);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return backward ? pages.reverse() : pages;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error(`${field.name}: the walk did not end`);
}

/** The checks every connection passes, on a list long enough for at least three pages. */
async function checkWalks(field: Field, size: number): Promise<void> {
  const whole = await fetchPage(field, { first: 100 });
  const all = whole.edges.map((e) => e.cursor);
  expect(whole.totalCount).toBe(all.length);
  expect(all.length).toBeGreaterThan(2 * size);
  expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  expect(new Set(all).size).toBe(all.length);

  for (const backward of [false, true]) {
    const pages = await walk(field, size, backward);
    expect(cursors(pages)).toEqual(all);
    expect(pages.length).toBe(Math.ceil(all.length / size));
    pages.forEach((page, i) => {
      expect(page.totalCount).toBe(all.length);
      expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
      expect(page.pageInfo.hasNextPage).toBe(i < pages.length - 1);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    });
  }

  // From the middle: the items on each side of an edge, asked through its cursor.
  const middle = Math.floor(all.length / 2);
  const before = await fetchPage(field, { last: size, before: all[middle] });
  expect(before.edges.map((e) => e.cursor)).toEqual(all.slice(middle - size, middle));
  expect(before.pageInfo).toMatchObject({
    hasPreviousPage: middle - size > 0,
    hasNextPage: true,
  });
  const after = await fetchPage(field, { first: size, after: all[middle] });
  expect(after.edges.map((e) => e.cursor)).toEqual(all.slice(middle + 1, middle + 1 + size));
  expect(after.pageInfo).toMatchObject({
    hasPreviousPage: true,
    hasNextPage: middle + 1 + size < all.length,
  });
  // The last items of the whole list, and the first: each end knows of the other side.
  const tail = await fetchPage(field, { last: size });
  expect(tail.edges.map((e) => e.cursor)).toEqual(all.slice(-size));
  expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  const head = await fetchPage(field, { first: size });
  expect(head.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  // Empty pages still say what lies around them.
  const none = await fetchPage(field, { last: 0, before: all[middle] });
  expect(none.edges).toEqual([]);
  expect(none.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
}

/** The uuid-bearing global id of the entity with the most links of a kind (found in Neo4j). */
async function busiest(label: string, pattern: string): Promise<string> {
  const res = await api
    .db()
    .query(
      `MATCH (n:${label}) WITH n, COUNT { ${pattern} } AS c ORDER BY c DESC, n.slug LIMIT 1 RETURN n.slug AS slug`,
    );
  const slug = res.records[0]!.get('slug') as string;
  const found = await api.gql<{ entity: { id: string } }>(
    'query($t: EntityType!, $s: String!) { entity(type: $t, slug: $s) { id } }',
    { t: label.toUpperCase(), s: slug },
  );
  return found.data!.entity.id;
}

const ids: Record<string, string> = {};

/** A field on a node found by id, e.g. Person.invitationsSent. */
function nested(name: string, on: string, field: string, idKey: string): Field {
  return {
    name,
    query: `query($id: ID!, ${VARS}) { node(id: $id) { ... on ${on} { ${field}(${ARGS}) { ${PAGE} } } } }`,
    variables: () => ({ id: ids[idKey] }),
    at: (data) => (data.node as Record<string, Page>)[field]!,
  };
}

function top(name: string, field: string, extra = '', token?: () => string): Field {
  return {
    name,
    query: `query(${VARS}) { ${field}(${extra}${ARGS}) { ${PAGE} } }`,
    at: (data) => data[field] as Page,
    token,
  };
}

const FIELDS: [Field, number][] = [
  [top('organisations by name', 'organisations'), 2],
  [top('organisations most connected', 'organisations', 'orderBy: MOST_CONNECTED, '), 2],
  [top('people by name', 'people'), 2],
  [top('events by start date', 'events', 'orderBy: START_DATE, '), 2],
  [top('events by name', 'events'), 3],
  [top('invitations', 'invitations'), 2],
  [top('auditEntries', 'auditEntries', '', () => api.keys().admin), 2],
  [
    {
      name: 'timelineEntries',
      query: `query($id: ID!, ${VARS}) { timelineEntries(id: $id, ${ARGS}) { ${PAGE} } }`,
      variables: () => ({ id: ids.timeline }),
      at: (data) => data.timelineEntries as Page,
    },
    2,
  ],
  [nested('Person.invitationsSent', 'Person', 'invitationsSent', 'inviter'), 1],
  [nested('Person.invitationsReceived', 'Person', 'invitationsReceived', 'invitee'), 1],
  [nested('Organisation.invitationsSent', 'Organisation', 'invitationsSent', 'orgInviter'), 1],
  [nested('Person.presentations', 'Person', 'presentations', 'presenter'), 1],
  [nested('Person.participations', 'Person', 'participations', 'participant'), 2],
  [
    nested('Organisation.invitationsReceived', 'Organisation', 'invitationsReceived', 'orgInvitee'),
    1,
  ],
  [nested('Organisation.presentations', 'Organisation', 'presentations', 'orgPresenter'), 1],
  [nested('Organisation.participations', 'Organisation', 'participations', 'orgParticipant'), 2],
  [nested('Person.collaborations', 'Person', 'collaborations', 'collaborator'), 2],
  [nested('Organisation.collaborations', 'Organisation', 'collaborations', 'orgCollaborator'), 2],
  [nested('Event.participants', 'Event', 'participants', 'event'), 2],
  [nested('Event.presentations', 'Event', 'presentations', 'eventWithTalks'), 1],
];

/** Runs a mutation of the suite's editor and answers its data, failing on any error. */
async function write<T>(query: string, input: Record<string, unknown>): Promise<T> {
  const res = await api.gql<T>(query, { input });
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/**
 * Lists long enough for three pages and more, with ties on the sort keys (the same day, the same
 * name) and undated items: a person and an organisation who invite each other, present and take
 * part in events, one of them in two roles; the writes also fill the audit log.
 */
async function writeLists(): Promise<void> {
  const org = (i: number): Promise<{ upsertOrganisation: { id: string } }> =>
    write(
      'mutation($input: CreateOrganisationInput!) { upsertOrganisation(input: $input) { id } }',
      { name: `Pagination probe ${i}`, slug: `pagination-probe-${i}`, kind: 'OTHER' },
    );
  const organisation = (await org(1)).upsertOrganisation.id;
  for (let i = 2; i <= 5; i += 1) await org(i);
  const person = (
    await write<{ upsertPerson: { id: string } }>(
      'mutation($input: CreatePersonInput!) { upsertPerson(input: $input) { id } }',
      { name: 'Pagination Person', slug: 'pagination-person' },
    )
  ).upsertPerson.id;
  const days = ['2021-03-01', '2021-03-01', '2020-05-05', null, '2022-01-01', null];
  const events: string[] = [];
  for (const [i, day] of days.entries()) {
    const made = await write<{ upsertEvent: { id: string } }>(
      'mutation($input: CreateEventInput!) { upsertEvent(input: $input) { id } }',
      {
        // Two events of one name: the order falls back on the id.
        name: `Pagination meeting ${i === 1 ? 0 : i}`,
        slug: `pagination-meeting-${i}`,
        kind: 'MEETING',
        ...(day ? { startDate: day } : {}),
      },
    );
    events.push(made.upsertEvent.id);
  }
  const link = (from: string, to: string, role: string): Promise<unknown> =>
    write('mutation($input: LinkInput!) { linkEntities(input: $input) }', {
      from,
      to,
      type: 'PARTICIPATED_IN',
      role,
    });
  for (const event of events) {
    await link(person, event, 'participant');
    await link(organisation, event, 'participant');
  }
  await link(person, events[0]!, 'speaker');
  for (const [i, event] of events.entries()) {
    const date = days[i] ? { date: days[i] } : {};
    await write(
      'mutation($input: RecordInvitationInput!) { recordInvitation(input: $input) { id } }',
      {
        inviter: person,
        invitees: [organisation],
        target: event,
        summary: `Pagination invitation ${i}`,
        slug: `pagination-invitation-${i}`,
        ...date,
      },
    );
    await write(
      'mutation($input: RecordInvitationInput!) { recordInvitation(input: $input) { id } }',
      {
        inviter: organisation,
        invitees: [person],
        target: event,
        summary: `Pagination invitation back ${i}`,
        slug: `pagination-invitation-back-${i}`,
        ...date,
      },
    );
    await write(
      'mutation($input: RecordPresentationInput!) { recordPresentation(input: $input) { id } }',
      {
        presenters: [person, organisation],
        event: events[0],
        summary: `Pagination talk ${i}`,
        slug: `pagination-talk-${i}`,
        ...date,
      },
    );
  }
}

beforeAll(async () => {
  await writeLists();
  ids.inviter = await busiest('Person', '(n)-[:EXTENDED]->(:Invitation)');
  ids.invitee = await busiest('Person', '(n)<-[:INVITES]-(:Invitation)');
  ids.orgInviter = await busiest('Organisation', '(n)-[:EXTENDED]->(:Invitation)');
  ids.orgInvitee = await busiest('Organisation', '(n)<-[:INVITES]-(:Invitation)');
  ids.orgPresenter = await busiest('Organisation', '(n)-[:GAVE]->(:Presentation)');
  ids.presenter = await busiest('Person', '(n)-[:GAVE]->(:Presentation)');
  ids.participant = await busiest('Person', '(n)-[:PARTICIPATED_IN]->(:Event)');
  ids.orgParticipant = await busiest('Organisation', '(n)-[:PARTICIPATED_IN]->(:Event)');
  ids.collaborator = await busiest(
    'Person',
    '(n)-[:PARTICIPATED_IN|WORKS_ON]->()<-[:PARTICIPATED_IN|WORKS_ON]-(:Person|Organisation)',
  );
  ids.orgCollaborator = await busiest(
    'Organisation',
    '(n)-[:PARTICIPATED_IN|WORKS_ON]->()<-[:PARTICIPATED_IN|WORKS_ON]-(:Person|Organisation)',
  );
  ids.event = await busiest('Event', '(n)<-[:PARTICIPATED_IN]-()');
  ids.eventWithTalks = await busiest('Event', '(n)<-[:AT]-(:Presentation)');
  ids.timeline = await busiest('Organisation', '(n)--(:Event|Interaction)');
});

describe('every connection walks the same way forwards and backwards', () => {
  it.each(FIELDS.map(([field, size]) => [field.name, field, size] as const))(
    '%s',
    async (_name, field, size) => {
      await checkWalks(field, size);
    },
  );
});

describe('page arguments that cannot be read', () => {
  const cases: [string, PageArgs | Record<string, unknown>, string, RegExp][] = [
    ['first with last', { first: 2, last: 2 }, 'last', /first and last cannot be combined/],
    [
      'after with before',
      { after: 'x', before: 'y' },
      'before',
      /after and before cannot be combined/,
    ],
    ['first with before', { first: 2, before: 'y' }, 'before', /before pages backwards/],
    ['last with after', { last: 2, after: 'x' }, 'after', /after pages forwards/],
    ['last above 100', { last: 101 }, 'last', /last must be between 0 and 100, got 101\./],
    ['last below 0', { last: -1 }, 'last', /last must be between 0 and 100, got -1\./],
    [
      'a before no connection gave out',
      { before: 'bm9wZQ' },
      'before',
      /before is not a cursor this connection gave out\./,
    ],
  ];
  const fields = FIELDS.filter(([f]) =>
    [
      'organisations by name',
      'invitations',
      'auditEntries',
      'timelineEntries',
      'Person.collaborations',
      'Event.participants',
    ].includes(f.name),
  ).map(([f]) => f);

  const rows: [string, string, Field, Record<string, unknown>, string, RegExp][] = fields.flatMap(
    (field) =>
      cases.map(
        ([what, args, argument, message]) =>
          [field.name, what, field, args as Record<string, unknown>, argument, message] as [
            string,
            string,
            Field,
            Record<string, unknown>,
            string,
            RegExp,
          ],
      ),
  );
  it.each(rows)(
    '%s: %s is BAD_USER_INPUT naming the argument',
    async (_name, _what, field, args, argument, message) => {
      const res = await api.gql(
        field.query,
        { ...(field.variables?.() ?? {}), ...args },
        field.token?.(),
      );
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.message).toMatch(message);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    },
  );
});

describe('cursors of another connection or order', () => {
  // A keyset position means something only in the list and order that gave it out; read
  // elsewhere it gave a silent, wrong page (empty, with contradictory pageInfo).
  const donor = (name: string): Field => FIELDS.find(([f]) => f.name === name)![0];
  it.each(FIELDS.map(([f]) => [f.name, f] as [string, Field]))(
    '%s refuses a cursor of another list as after and as before, naming the argument',
    async (_name, field) => {
      const from = donor(
        field.name === 'organisations by name'
          ? 'organisations most connected'
          : 'organisations by name',
      );
      const foreign = (await fetchPage(from, { first: 1 })).edges[0]!.cursor;
      for (const [args, argument] of [
        [{ first: 1, after: foreign }, 'after'],
        [{ last: 1, before: foreign }, 'before'],
      ] as const) {
        const res = await api.gql(
          field.query,
          { ...(field.variables?.() ?? {}), ...args },
          field.token?.(),
        );
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0]!.message).toMatch(
          new RegExp(`^${argument} is a cursor of another list or order`),
        );
        expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
    },
  );
});

describe('the bounded lists', () => {
  it('collaborators and collaborations list the same others in the same order', async () => {
    const res = await api.gql<{
      node: {
        collaborators: { entity: { id: string } }[];
        collaborations: { edges: { node: { entity: { id: string }; count: number } }[] };
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Person {
        collaborators(first: 100) { entity { id } }
        collaborations(first: 100) { edges { node { count entity { id } } } } } } }`,
      { id: ids.collaborator },
    );
    const listed = res.data!.node.collaborators.map((c) => c.entity.id);
    const paged = res.data!.node.collaborations.edges.map((e) => e.node);
    expect(paged.map((c) => c.entity.id)).toEqual(listed);
    const counts = paged.map((c) => c.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('collaborators and collaborations break ties on the count the same way (accents too)', async () => {
    const upsert = async (type: string, input: Record<string, unknown>): Promise<string> => {
      const data = await write<Record<string, { id: string }>>(
        `mutation($input: Create${type}Input!) { upsert${type}(input: $input) { id } }`,
        input,
      );
      return data[`upsert${type}`]!.id;
    };
    const person = await upsert('Person', { name: 'Tie Breaker', slug: 'tie-breaker' });
    const event = await upsert('Event', {
      name: 'Tie meeting',
      slug: 'tie-meeting',
      kind: 'MEETING',
    });
    const others = [
      await upsert('Organisation', { name: 'Zeta Tie', slug: 'zeta-tie', kind: 'OTHER' }),
      await upsert('Organisation', { name: 'Ångström Tie', slug: 'angstrom-tie', kind: 'OTHER' }),
      await upsert('Organisation', { name: 'alpha Tie', slug: 'alpha-tie', kind: 'OTHER' }),
    ];
    for (const from of [person, ...others])
      await write('mutation($input: LinkInput!) { linkEntities(input: $input) }', {
        from,
        to: event,
        type: 'PARTICIPATED_IN',
        role: 'participant',
      });
    const res = await api.gql<{
      node: {
        collaborators: { entity: { name: string } }[];
        collaborations: { edges: { node: { entity: { name: string } } }[] };
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Person {
        collaborators(first: 10) { entity { name } }
        collaborations(first: 10) { edges { node { entity { name } } } } } } }`,
      { id: person },
    );
    const paged = res.data!.node.collaborations.edges.map((e) => e.node.entity.name);
    expect(paged).toHaveLength(3);
    expect(res.data!.node.collaborators.map((c) => c.entity.name)).toEqual(paged);
  });

  it('timeline and timelineEntries list the same entries', async () => {
    const res = await api.gql<{
      timeline: { date: string | null; link: string }[];
      timelineEntries: { edges: { node: { date: string | null; link: string } }[] };
    }>(
      `query($id: ID!) { timeline(id: $id, first: 100) { date link }
        timelineEntries(id: $id, first: 100) { edges { node { date link } } } }`,
      { id: ids.timeline },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.timelineEntries.edges.map((e) => e.node)).toEqual(res.data!.timeline);
  });

  it('auditLog and auditEntries list the same writes, newest first', async () => {
    const res = await api.gql<{
      auditLog: { id: string; at: string }[];
      auditEntries: { edges: { node: { id: string; at: string } }[] };
    }>(
      '{ auditLog(first: 100) { id at } auditEntries(first: 100) { edges { node { id at } } } }',
      {},
      api.keys().admin,
    );
    expect(res.errors).toBeUndefined();
    const paged = res.data!.auditEntries.edges.map((e) => e.node);
    expect(paged).toEqual(res.data!.auditLog);
    const times = paged.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('timelineEntries of an unknown entity is NOT_FOUND naming id', async () => {
    const res = await api.gql(
      'query($id: ID!) { timelineEntries(id: $id, last: 2) { totalCount } }',
      { id: toGlobalId('Organisation', '00000000-0000-4000-8000-000000000000') },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });
});

describe('the cost of a backward page', () => {
  it('is priced by last as a forward page is by first: 100 organisations x 100 invitations each is refused', async () => {
    const res = await api.gql(
      '{ organisations(last: 100) { edges { node { invitationsSent(last: 100) { edges { node { date invitees { name } target { name } } } } } } } }',
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'cost',
    });
  });
});
