/**
 * The Cypher the hot questions send, pinned as text. The benchmark mix's own operations
 * (tests/bench/mix.ts OUR_QUERIES: entity, invitations, search, event, mostConnected,
 * shortestPath), variants of its list and neighbourhood questions on the seed graph, and the list
 * filters each in one statement, are asked of the real server over
 * the seeded graph, and every statement it sends (Database.onStatement) is compared with the
 * snapshot: its text exactly, and its parameters by name and value (the seeds' ids are stable
 * uuids, so values are pinned too; only the store's element ids and the order of id lists a
 * walk returns are evened out, see `typed`). Any change in what reaches Neo4j shows as a snapshot diff in
 * review, the way the Neo4j GraphQL Library's TCK tests pin the Cypher it generates.
 *
 * A change of statements on purpose: run `npx jest tests/cypher -u`, read the diff of
 * tests/cypher/__snapshots__ and commit it with the change. CI (CI=true) never writes
 * snapshots: a question added here without its committed snapshot fails there.
 *
 * What is recorded is the second asking of each question (the steady state: caches filled);
 * where the first asking sent other statements (a cache being filled), those are pinned too,
 * as `firstTime`. Statements of one asking are sorted by text, then parameters: statements
 * sent concurrently (loaders of sibling fields) reach the listener in whichever order their
 * parents' answers came back, which says nothing about the code.
 */
import { isDate, isDateTime, isInt } from 'neo4j-driver';
import { stableId } from '../../src/shared/ids';
import { toGlobalId, type NodeType } from '../../src/shared/global-id';
import { OUR_QUERIES } from '../bench/mix';
import { useSeededApi } from '../support/api';

const api = useSeededApi();

interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** An element id ("4:<store uuid>:17"): the store's own, different in every database. */
const ELEMENT_ID = /^\d+:[0-9a-f-]{36}:\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Parameters as JSON that keeps their Neo4j types (an Integer is not a Float to the planner).
 * Element ids are the store's and read as "<elementId>"; a list of uuids or element ids is
 * sorted, since a walk hands them on in the store's order. Nothing else is changed.
 */
function typed(value: unknown): unknown {
  if (isInt(value)) return { $int: value.toString() };
  if (value !== null && typeof value === 'object' && isDate(value)) return { $date: String(value) };
  if (value !== null && typeof value === 'object' && isDateTime(value))
    return { $datetime: String(value) };
  if (typeof value === 'string' && ELEMENT_ID.test(value)) return '<elementId>';
  if (Array.isArray(value)) {
    const ids = value.every((v) => typeof v === 'string' && (UUID.test(v) || ELEMENT_ID.test(v)));
    const items = value.map(typed);
    return ids ? items.sort() : items;
  }
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(v)]));
  return value;
}

const order = (a: Statement, b: Statement): number => {
  const x = `${a.cypher}\n${JSON.stringify(a.params)}`;
  const y = `${b.cypher}\n${JSON.stringify(b.params)}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The statements one request sends, sorted; the request must succeed. */
async function statementsOf(query: string, variables: Record<string, unknown>) {
  const statements: Statement[] = [];
  const stop = api
    .db()
    .onStatement((cypher, params) =>
      statements.push({ cypher, params: typed(params) as Record<string, unknown> }),
    );
  let answer;
  try {
    answer = await api.gql(query, variables);
  } finally {
    stop();
  }
  expect(answer.errors).toBeUndefined();
  expect(answer.status).toBe(200);
  return statements.sort(order);
}

/** Asks twice; the second asking's statements, and the first's when they differ. */
async function pinned(query: string, variables: Record<string, unknown> = {}) {
  const firstTime = await statementsOf(query, variables);
  const statements = await statementsOf(query, variables);
  expect(statements.length).toBeGreaterThan(0);
  return JSON.stringify(firstTime) === JSON.stringify(statements)
    ? { statements }
    : { statements, firstTime };
}

const uuid = (label: NodeType, slug: string): string => stableId(label, slug);
const gid = (label: NodeType, slug: string): string => toGlobalId(label, uuid(label, slug));

/** An operation on one line, as the benchmark sends it. */
const op = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('the Cypher of the hot questions', () => {
  it('entity: a person by id with affiliations and invitations with parties', async () => {
    expect(
      await pinned(OUR_QUERIES.entity, { id: gid('Person', 'elena-belova') }),
    ).toMatchSnapshot();
  });

  it('node: an organisation by id, whole', async () => {
    expect(
      await pinned(
        op(`query Node($id: ID!) {
          node(id: $id) { id ... on Organisation { name slug kind country description
            aliases { name language } evidence { kind quote } } } }`),
        { id: gid('Organisation', 'sitra') },
      ),
    ).toMatchSnapshot();
  });

  it('list: events in a date range by name, the second page', async () => {
    const query = op(`query List($filter: EventFilter, $first: Int, $after: String) {
      events(filter: $filter, orderBy: NAME, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind startDate } }
      } }`);
    const filter = { from: '2016-01-01', to: '2020-12-31' };
    const first = await api.gql<{ events: { pageInfo: { endCursor: string | null } } }>(query, {
      filter,
      first: 1,
    });
    const after = first.data!.events.pageInfo.endCursor;
    expect(after).not.toBeNull();
    expect(await pinned(query, { filter, first: 1, after })).toMatchSnapshot();
  });

  it('list: organisations with the name, kind, country and relatedTo filters', async () => {
    expect(
      await pinned(
        op(`query Organisations($filter: OrganisationFilter) {
          organisations(filter: $filter, first: 5) { totalCount edges { node { id name } } } }`),
        {
          filter: {
            name: 'Cluster',
            kind: 'CLUSTER',
            country: 'RU',
            relatedTo: gid('Organisation', 'sitra'),
          },
        },
      ),
    ).toMatchSnapshot();
  });

  it('list: people affiliated with an organisation', async () => {
    expect(
      await pinned(
        op(`query People($filter: PersonFilter) {
          people(filter: $filter, first: 5) { totalCount edges { node { id name } } } }`),
        { filter: { affiliatedWith: gid('Organisation', 'st-petersburg-cleantech-cluster') } },
      ),
    ).toMatchSnapshot();
  });

  it('list: events held in a place, of a kind, by start date', async () => {
    expect(
      await pinned(
        op(`query Events($filter: EventFilter) {
          events(filter: $filter, orderBy: START_DATE, first: 5) {
            totalCount edges { node { id name effectiveStartDate } } } }`),
        { filter: { heldIn: gid('Place', 'st-petersburg'), kind: 'MEETING' } },
      ),
    ).toMatchSnapshot();
  });

  it('mostConnected: the organisations with the most links', async () => {
    expect(await pinned(OUR_QUERIES.mostConnected, { first: 10 })).toMatchSnapshot();
  });

  it('invitations: in a date range, oldest first, with all parties', async () => {
    expect(
      await pinned(OUR_QUERIES.invitations, { filter: { from: '2019-01-01', to: '2019-12-31' } }),
    ).toMatchSnapshot();
  });

  it('invitations: by inviter, invitee and target, parties whole', async () => {
    expect(
      await pinned(
        op(`query Invitations($filter: InvitationFilter) {
          invitations(filter: $filter) { totalCount edges { node {
            id date inviter { name slug description } target { __typename name }
          } } } }`),
        {
          filter: {
            inviter: gid('Person', 'elena-belova'),
            invitee: gid('Organisation', 'sitra'),
            target: gid('Event', 'all-russia-strategy-forum-2019'),
          },
        },
      ),
    ).toMatchSnapshot();
  });

  it('search: names and aliases, best ten, naming fields only', async () => {
    expect(
      await pinned(OUR_QUERIES.search, { query: 'st petersburg', first: 10 }),
    ).toMatchSnapshot();
  });

  it('search: of some types, with what matched and whole entities', async () => {
    expect(
      await pinned(
        op(`query Search($query: String!) {
          search(query: $query, types: [ORGANISATION, PERSON]) {
            score matched entity { __typename id name description } } }`),
        { query: 'sitra' },
      ),
    ).toMatchSnapshot();
  });

  it('event: by slug with place, organisers, participants and presentations', async () => {
    expect(
      await pinned(OUR_QUERIES.event, {
        slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25',
        participants: 100,
      }),
    ).toMatchSnapshot();
  });

  it("event: an event's effective days and place", async () => {
    expect(
      await pinned(
        op(`query Effective($slug: String!) {
          entity(type: EVENT, slug: $slug) { id ... on Event {
            effectiveStartDate effectiveStartDateSource { derived }
            effectiveEndDate effectivePlace { name } effectivePlaceSource { derived }
          } } }`),
        { slug: 'circular-economy-session-2019-10-29' },
      ),
    ).toMatchSnapshot();
  });

  it('shortestPath: a shortest walk between two entities', async () => {
    expect(
      await pinned(OUR_QUERIES.shortestPath, {
        from: gid('Person', 'elena-belova'),
        to: gid('Organisation', 'leontief-centre'),
      }),
    ).toMatchSnapshot();
  });

  it('neighbourhood: everything within two steps of an organisation', async () => {
    expect(
      await pinned(
        op(`query Neighbourhood($id: ID!) {
          neighbourhood(id: $id, depth: 2) {
            truncated nodes { __typename id ... on Entity { name } } edges { source target type } } }`),
        { id: gid('Organisation', 'sitra') },
      ),
    ).toMatchSnapshot();
  });
});
