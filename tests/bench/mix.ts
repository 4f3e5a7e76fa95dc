/**
 * The query mix of the HTTP benchmark: eight questions, each written once for our API and once
 * for the @neo4j/graphql peer (tests/bench/peer.ts), with the ids and terms picked from the
 * loaded graph, and a comparison that says whether both answers say the same thing. Answers are
 * brought to one canonical shape first: raw uuids for our global ids, lists sorted where their
 * order is not part of the question, kept in order where it is (name order, most connected,
 * oldest first).
 */
import { int } from 'neo4j-driver';
import type { Database } from '../../src/db/database';
import { DEFAULT_LINK_TYPES } from '../../src/modules/analytics/analytics.service';
import { searchPlan } from '../../src/modules/search/search.query';
import { candidateCount } from '../../src/modules/search/search.repository';
import { encodeCursor } from '../../src/shared/connection';
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id';
import { PEER_LINK_TYPES } from './peer';

export interface MixQuery {
  /** Short id: entity, list, invitations, search, event, mostConnected, shortestPath, neighbourhood. */
  name: string;
  /** One line for the table. */
  description: string;
  /** Sent to our API (/graphql, anonymous). */
  ours: { query: string; variables: Record<string, unknown> };
  /** Sent to the peer server. */
  peer: { query: string; variables: Record<string, unknown> };
  /** null when the two answers' `data` say the same thing; otherwise the first difference. */
  compare(ours: unknown, peer: unknown): string | null;
}

const PAGE = 10;
/** Our node cap of neighbourhood(); the start node is picked well under it, so nothing is cut. */
const NEIGHBOURHOOD_ROOM = 150;
/** Participants asked of the event (our maximum page); the event is picked with fewer. */
const PARTICIPANTS = 100;

// Picks. Each returns one row, or none when the graph lacks what the question needs.

/** Our DEGREE (entity-list.repository.ts), the key of MOST_CONNECTED. */
const DEGREE = (n: string): string =>
  `COUNT { (${n})-[r]-(:Entity|Interaction) WHERE NOT type(r) IN ['MENTIONS'] }`;
const GRAPH_NODE = (n: string): string =>
  `((${n}:Entity AND NOT ${n}:Document) OR ${n}:Interaction)`;

/** The best-connected person with affiliations who sent or received invitations. */
const PICK_PERSON = /* cypher */ `
MATCH (p:Person)
WHERE EXISTS { (p)-[:AFFILIATED_WITH]->(:Organisation) } AND EXISTS { (p)-[:EXTENDED|INVITES]-(:Invitation) }
RETURN p.id AS id ORDER BY ${DEGREE('p')} DESC, id LIMIT 1`;

/** The most frequent event kind and the middle half of its start dates. */
const PICK_LIST = /* cypher */ `
MATCH (e:Event) WHERE e.startDate IS NOT NULL
WITH e.kind AS kind, count(*) AS events ORDER BY events DESC, kind LIMIT 1
MATCH (e:Event {kind: kind}) WHERE e.startDate IS NOT NULL
WITH kind, e.startDate AS day ORDER BY day
WITH kind, collect(day) AS days
RETURN kind, toString(days[size(days) / 4]) AS from, toString(days[size(days) * 3 / 4]) AS to`;

/** The sort key and id of the last item of the first page: what our cursor carries. */
const PICK_LIST_CURSOR = /* cypher */ `
MATCH (n:Event) WHERE n.kind = $kind AND n.startDate >= date($from) AND n.startDate <= date($to)
WITH n ORDER BY toLower(n.name), n.id SKIP $skip LIMIT 1
RETURN toLower(n.name) AS key, n.id AS id`;

/** Invitation dates without the earliest and latest eighth. */
const PICK_INVITATIONS = /* cypher */ `
MATCH (i:Invitation) WHERE i.date IS NOT NULL
WITH i.date AS day ORDER BY day
WITH collect(day) AS days WHERE size(days) > 0
RETURN toString(days[size(days) / 8]) AS from, toString(days[size(days) - 1 - size(days) / 8]) AS to`;

/** The place most entities are based or held in. */
const PICK_SEARCH = /* cypher */ `
MATCH (p:Place)
RETURN p.name AS name ORDER BY COUNT { (p)<-[:BASED_IN|HELD_IN]-() } DESC, p.id LIMIT 1`;

/** The event with the most presentations (then participants), under the participants page. */
const PICK_EVENT = /* cypher */ `
MATCH (e:Event)
WITH e, COUNT { (e)<-[:AT]-(:Presentation) } AS presentations, COUNT { (e)<-[:PARTICIPATED_IN]-() } AS participants
WHERE presentations > 0 AND 0 < participants <= $max
RETURN e.slug AS slug ORDER BY presentations DESC, participants DESC, e.id LIMIT 1`;

/**
 * From the first person (by id) to one of a few others, within six steps, as near four steps
 * as there is: the farthest pair made SHORTEST walk most of the large graph (no request of
 * any server finished within 10 s under load), which says little about the servers.
 */
const PICK_PATH = /* cypher */ `
MATCH (a:Person) WITH a ORDER BY a.id LIMIT 1
MATCH (b:Person) WHERE b <> a
WITH a, b ORDER BY b.id DESC LIMIT 10
MATCH p = SHORTEST 1 (a)((x)-[r]-(y) WHERE type(r) IN $types AND ${GRAPH_NODE('y')}){1,6}(b)
RETURN a.id AS from, b.id AS to, length(p) AS hops ORDER BY abs(length(p) - 4), hops DESC, to DESC LIMIT 1`;

/** Of the first hundred people (by id), the one with the largest depth-2 neighbourhood that fits. */
const PICK_NEIGHBOURHOOD = /* cypher */ `
MATCH (c:Person) WITH c ORDER BY c.id LIMIT 100
CALL (c) {
  MATCH (c)((x)-[r]-(y) WHERE type(r) IN $types AND ${GRAPH_NODE('y')}){1,2}(z)
  WHERE z <> c
  RETURN count(DISTINCT z) AS reached
}
WITH c, reached WHERE reached < $room
RETURN c.id AS id, reached ORDER BY reached DESC, id LIMIT 1`;

/** An operation on one line: written readably here, sent without the indentation. */
const op = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Our side of the mix's questions that the Cypher snapshot tier (tests/cypher) pins too, so the
 * statements reviewed there are those of the operations measured here.
 */
export const OUR_QUERIES = {
  entity: op(`query Entity($id: ID!) {
        node(id: $id) { id ... on Person {
          name
          affiliations { role organisation { id name kind country } }
          invitationsSent(first: 20) { edges { node { id date target { name } invitees { name } } } }
          invitationsReceived(first: 20) { edges { node { id date inviter { name } target { name } } } }
        } } }`),
  invitations: op(`query Invitations($filter: InvitationFilter) {
        invitations(filter: $filter, first: 20) { totalCount edges { node {
          id date inviter { name } onBehalfOf { name } invitees { name } target { __typename name }
        } } } }`),
  search: op(`query Search($query: String!, $first: Int) {
        search(query: $query, first: $first) { entity { __typename id name } } }`),
  event: op(`query Event($slug: String!, $participants: Int) {
        entity(type: EVENT, slug: $slug) { id name ... on Event {
          startDate place { name } organisers { name }
          participants(first: $participants) { totalCount edges { role node { id name } } }
          presentations(first: 20) { edges { node {
            id date summary presenters { name } subjects { name } } } }
        } } }`),
  mostConnected: op(`query MostConnected($first: Int) {
        organisations(orderBy: MOST_CONNECTED, first: $first) {
          edges { node { id name kind country } } } }`),
  shortestPath: op(`query ShortestPath($from: ID!, $to: ID!) {
        shortestPath(from: $from, to: $to) { length nodes { __typename id ... on Entity { name } } } }`),
};

// Reading answers: `data` is untyped JSON.

type Json = unknown;

function at(value: Json, ...path: (string | number)[]): Json {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, Json>)[key];
  }
  return v;
}

const list = (value: Json): Json[] => (Array.isArray(value) ? value : []);
/** Raw uuid of one of our global ids (the peer's ids are raw already). */
const uuid = (value: Json): Json =>
  typeof value === 'string' ? (fromGlobalId(value)?.uuid ?? value) : value;
const names = (value: Json): Json[] =>
  list(value)
    .map((x) => at(x, 'name'))
    .sort(byJson);
const edgeNodes = (connection: Json): Json[] =>
  list(at(connection, 'edges')).map((e) => at(e, 'node'));

function byJson(a: Json, b: Json): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The first place where two canonical answers differ, as a path and both values. */
function firstDifference(ours: Json, peer: Json, path = 'data'): string | null {
  if (Array.isArray(ours) && Array.isArray(peer)) {
    for (let i = 0; i < Math.min(ours.length, peer.length); i++) {
      const d = firstDifference(ours[i], peer[i], `${path}[${i}]`);
      if (d) return d;
    }
    return ours.length === peer.length
      ? null
      : `${path}: ${ours.length} items ours, ${peer.length} peer`;
  }
  if (ours && peer && typeof ours === 'object' && typeof peer === 'object') {
    for (const key of new Set([...Object.keys(ours), ...Object.keys(peer)])) {
      const d = firstDifference(
        (ours as Record<string, Json>)[key],
        (peer as Record<string, Json>)[key],
        `${path}.${key}`,
      );
      if (d) return d;
    }
    return null;
  }
  const show = (v: Json): string => JSON.stringify(v)?.slice(0, 120) ?? 'undefined';
  return ours === peer ? null : `${path}: ours ${show(ours)}, peer ${show(peer)}`;
}

/** A comparison that canonicalises each side, then looks for the first difference. */
function comparing(
  canonOurs: (data: Json) => Json,
  canonPeer: (data: Json) => Json,
): MixQuery['compare'] {
  return (ours, peer) => {
    if (ours === null || ours === undefined || peer === null || peer === undefined)
      return `no data (ours ${ours === null ? 'null' : typeof ours}, peer ${peer === null ? 'null' : typeof peer})`;
    return firstDifference(canonOurs(ours), canonPeer(peer));
  };
}

async function one(
  db: Database,
  what: string,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const result = await db.query(cypher, params, {
    operation: `bench.mix ${what}`,
    timeoutMs: 300_000,
  });
  const record = result.records[0];
  if (!record) throw new Error(`the graph has nothing to ask the ${what} question about`);
  return record.toObject();
}

// The eight questions.

function entityQuery(personId: string): MixQuery {
  const invitationSent = (i: Json): Json => ({
    id: uuid(at(i, 'id')),
    date: at(i, 'date'),
    target: names([at(i, 'target')].flat()),
    invitees: names(at(i, 'invitees')),
  });
  const invitationReceived = (i: Json): Json => ({
    id: uuid(at(i, 'id')),
    date: at(i, 'date'),
    inviter: names([at(i, 'inviter')].flat()),
    target: names([at(i, 'target')].flat()),
  });
  const organisation = (o: Json, role: Json): Json => ({
    role,
    id: uuid(at(o, 'id')),
    name: at(o, 'name'),
    kind: at(o, 'kind'),
    country: at(o, 'country'),
  });
  return {
    name: 'entity',
    description: 'a person by id: affiliations with their organisations, invitations with parties',
    ours: {
      query: OUR_QUERIES.entity,
      variables: { id: toGlobalId('Person', personId) },
    },
    peer: {
      query: op(`query Entity($id: ID!) {
        people(where: { id: { eq: $id } }) {
          id name
          affiliationsConnection { edges { properties { role } node { id name kind country } } }
          invitationsSent(sort: [{ date: ASC }, { id: ASC }], limit: 20) {
            id date target { name } invitees { name } }
          invitationsReceived(sort: [{ date: ASC }, { id: ASC }], limit: 20) {
            id date inviter { name } target { name } }
        } }`),
      variables: { id: personId },
    },
    compare: comparing(
      (data) => {
        const p = at(data, 'node');
        return {
          id: uuid(at(p, 'id')),
          name: at(p, 'name'),
          affiliations: list(at(p, 'affiliations'))
            .map((a) => organisation(at(a, 'organisation'), at(a, 'role')))
            .sort(byJson),
          // Oldest first (then id) on both sides: compared in order.
          sent: edgeNodes(at(p, 'invitationsSent')).map(invitationSent),
          received: edgeNodes(at(p, 'invitationsReceived')).map(invitationReceived),
        };
      },
      (data) => {
        const people = list(at(data, 'people'));
        const p = people.length === 1 ? people[0] : null;
        return {
          id: at(p, 'id'),
          name: at(p, 'name'),
          affiliations: list(at(p, 'affiliationsConnection', 'edges'))
            .map((e) => organisation(at(e, 'node'), at(e, 'properties', 'role')))
            .sort(byJson),
          sent: list(at(p, 'invitationsSent')).map(invitationSent),
          received: list(at(p, 'invitationsReceived')).map(invitationReceived),
        };
      },
    ),
  };
}

function listQuery(
  kind: string,
  from: string,
  to: string,
  cursor: { key: string; id: string },
): MixQuery {
  const item = (n: Json): Json => ({
    id: uuid(at(n, 'id')),
    name: at(n, 'name'),
    kind: at(n, 'kind'),
    startDate: at(n, 'startDate'),
  });
  const page = (connection: Json): Json => ({
    totalCount: at(connection, 'totalCount'),
    hasNextPage: at(connection, 'pageInfo', 'hasNextPage'),
    // Sorted by name (case-insensitive, then id) on both sides: compared in order.
    items: edgeNodes(connection).map(item),
  });
  return {
    name: 'list',
    description: `events of one kind in a date range, by name, second page of ${PAGE}`,
    ours: {
      query: op(`query List($filter: EventFilter, $first: Int, $after: String) {
        events(filter: $filter, orderBy: NAME, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage } edges { node { id name kind startDate } }
        } }`),
      // Our keyset cursor of the first page's last item (what that page's endCursor says).
      variables: {
        filter: { kind, from, to },
        first: PAGE,
        after: encodeCursor([cursor.key, cursor.id], 'Event:NAME'),
      },
    },
    peer: {
      query: op(`query List($where: EventWhere, $first: Int, $after: String) {
        eventsConnection(where: $where, sort: [{ nameKey: ASC }, { id: ASC }], first: $first, after: $after) {
          totalCount pageInfo { hasNextPage } edges { node { id name kind startDate } }
        } }`),
      // The library's cursors are offsets (graphql-relay's "arrayconnection:<n>").
      variables: {
        where: { kind: { eq: kind }, startDate: { gte: from, lte: to } },
        first: PAGE,
        after: Buffer.from(`arrayconnection:${PAGE - 1}`, 'utf8').toString('base64'),
      },
    },
    compare: comparing(
      (data) => page(at(data, 'events')),
      (data) => page(at(data, 'eventsConnection')),
    ),
  };
}

function invitationsQuery(from: string, to: string): MixQuery {
  const invitation = (i: Json): Json => ({
    id: uuid(at(i, 'id')),
    date: at(i, 'date'),
    inviter: names([at(i, 'inviter')].flat()),
    onBehalfOf: names([at(i, 'onBehalfOf')].flat().filter((o) => o !== null)),
    invitees: names(at(i, 'invitees')),
    target: list([at(i, 'target')].flat())
      .map((t) => ({ type: at(t, '__typename'), name: at(t, 'name') }))
      .sort(byJson),
  });
  const answer = (connection: Json): Json => ({
    totalCount: at(connection, 'totalCount'),
    // Oldest first, then id, on both sides: compared in order.
    invitations: edgeNodes(connection).map(invitation),
  });
  return {
    name: 'invitations',
    description: 'who invited whom to what, in a date range, oldest first, with all parties',
    ours: {
      query: OUR_QUERIES.invitations,
      variables: { filter: { from, to } },
    },
    peer: {
      query: op(`query Invitations($where: InvitationWhere) {
        invitationsConnection(where: $where, sort: [{ date: ASC }, { id: ASC }], first: 20) {
          totalCount edges { node {
            id date inviter { name } onBehalfOf { name } invitees { name } target { __typename name }
          } } } }`),
      variables: { where: { date: { gte: from, lte: to } } },
    },
    compare: comparing(
      (data) => answer(at(data, 'invitations')),
      (data) => answer(at(data, 'invitationsConnection')),
    ),
  };
}

function searchQuery(term: string): MixQuery {
  const hit = (entity: Json): Json => ({
    type: at(entity, '__typename'),
    name: at(entity, 'name'),
  });
  return {
    name: 'search',
    description: `full-text search "${term}" over names and aliases, best ${PAGE}`,
    ours: {
      query: OUR_QUERIES.search,
      variables: { query: term, first: PAGE },
    },
    peer: {
      query:
        op(`query Search($lucene: String!, $exact: String!, $loose: String!, $candidates: Int!, $first: Int!) {
        searchEntities(lucene: $lucene, exact: $exact, loose: $loose, candidates: $candidates, first: $first) {
          __typename id name } }`),
      // The same Lucene query and name patterns our API makes of the words (the peer's client
      // would build them), and as many candidates.
      variables: {
        lucene: searchPlan(term).lucene,
        exact: searchPlan(term).exact,
        loose: searchPlan(term).loose,
        candidates: candidateCount(PAGE, false),
        first: PAGE,
      },
    },
    // Best first (an exact name, then score, then name) on both sides: compared in order. Hits of equal score and
    // name may come in either order, so names and types are compared, not ids.
    compare: comparing(
      (data) => list(at(data, 'search')).map((h) => hit(at(h, 'entity'))),
      (data) => list(at(data, 'searchEntities')).map(hit),
    ),
  };
}

function eventQuery(slug: string): MixQuery {
  const presentation = (p: Json): Json => ({
    id: uuid(at(p, 'id')),
    date: at(p, 'date'),
    summary: at(p, 'summary'),
    presenters: names(at(p, 'presenters')),
    subjects: names(at(p, 'subjects')),
  });
  const event = (
    e: Json,
    participants: { totalCount: Json; edges: Json[] },
    presentations: Json[],
  ): Json => ({
    id: uuid(at(e, 'id')),
    name: at(e, 'name'),
    startDate: at(e, 'startDate'),
    place: names([at(e, 'place')].flat().filter((p) => p !== null)),
    organisers: names(at(e, 'organisers')),
    participants: {
      totalCount: participants.totalCount,
      // By name on both sides, but names may differ only in case: compared as a set.
      edges: participants.edges.sort(byJson),
    },
    // Oldest first, then id, on both sides: compared in order.
    presentations: presentations.map(presentation),
  });
  return {
    name: 'event',
    description: 'an event by slug: place, organisers, participants with roles, presentations',
    ours: {
      query: OUR_QUERIES.event,
      variables: { slug, participants: PARTICIPANTS },
    },
    peer: {
      query: op(`query Event($slug: String!, $participants: Int) {
        events(where: { slug: { eq: $slug } }) {
          id name startDate place { name } organisers { name }
          participantsConnection(first: $participants, sort: [{ node: { name: ASC } }]) {
            totalCount edges { properties { role } node { id name } } }
          presentations(sort: [{ date: ASC }, { id: ASC }], limit: 20) {
            id date summary presenters { name } subjects { name } }
        } }`),
      variables: { slug, participants: PARTICIPANTS },
    },
    compare: comparing(
      (data) => {
        const e = at(data, 'entity');
        return event(
          e,
          {
            totalCount: at(e, 'participants', 'totalCount'),
            edges: list(at(e, 'participants', 'edges')).map((x) => ({
              role: at(x, 'role'),
              id: uuid(at(x, 'node', 'id')),
              name: at(x, 'node', 'name'),
            })),
          },
          edgeNodes(at(e, 'presentations')),
        );
      },
      (data) => {
        const events = list(at(data, 'events'));
        const e = events.length === 1 ? events[0] : null;
        return event(
          e,
          {
            totalCount: at(e, 'participantsConnection', 'totalCount'),
            edges: list(at(e, 'participantsConnection', 'edges')).map((x) => ({
              role: at(x, 'properties', 'role'),
              id: at(x, 'node', 'id'),
              name: at(x, 'node', 'name'),
            })),
          },
          list(at(e, 'presentations')),
        );
      },
    ),
  };
}

function mostConnectedQuery(): MixQuery {
  const organisation = (o: Json): Json => ({
    id: uuid(at(o, 'id')),
    name: at(o, 'name'),
    kind: at(o, 'kind'),
    country: at(o, 'country'),
  });
  return {
    name: 'mostConnected',
    description: `the ${PAGE} organisations with the most relationships and interactions`,
    ours: {
      query: OUR_QUERIES.mostConnected,
      variables: { first: PAGE },
    },
    peer: {
      // connections is a @cypher field counting what our MOST_CONNECTED counts; ties by id.
      query: op(`query MostConnected($limit: Int) {
        organisations(sort: [{ connections: DESC }, { id: ASC }], limit: $limit) {
          id name kind country } }`),
      variables: { limit: PAGE },
    },
    // The ranking is the question: compared in order.
    compare: comparing(
      (data) => edgeNodes(at(data, 'organisations')).map(organisation),
      (data) => list(at(data, 'organisations')).map(organisation),
    ),
  };
}

function shortestPathQuery(from: string, to: string): MixQuery {
  // Several walks may be shortest: compared are the length and the two ends.
  const walk = (length: Json, nodes: Json[]): Json => ({
    length,
    from: uuid(at(nodes[0], 'id')),
    to: uuid(at(nodes[nodes.length - 1], 'id')),
  });
  return {
    name: 'shortestPath',
    description: 'a shortest walk between two people, at most 6 steps over collaboration links',
    ours: {
      query: OUR_QUERIES.shortestPath,
      variables: { from: toGlobalId('Person', from), to: toGlobalId('Person', to) },
    },
    peer: {
      query: op(`query ShortestPath($from: ID!, $to: ID!) {
        shortestPath(from: $from, to: $to) {
          __typename ... on Entity { id name } ... on Interaction { id } } }`),
      variables: { from, to },
    },
    compare: comparing(
      (data) => {
        const path = at(data, 'shortestPath');
        return path === null ? null : walk(at(path, 'length'), list(at(path, 'nodes')));
      },
      (data) => {
        const nodes = list(at(data, 'shortestPath'));
        return nodes.length === 0 ? null : walk(nodes.length - 1, nodes);
      },
    ),
  };
}

function neighbourhoodQuery(id: string): MixQuery {
  return {
    name: 'neighbourhood',
    description: 'everything within two steps of a person over collaboration links',
    ours: {
      query: op(`query Neighbourhood($id: ID!) {
        neighbourhood(id: $id, depth: 2) {
          truncated nodes { __typename id ... on Entity { name } } } }`),
      variables: { id: toGlobalId('Person', id) },
    },
    peer: {
      query: op(`query Neighbourhood($id: ID!) {
        neighbourhood(id: $id) {
          __typename ... on Entity { id name } ... on Interaction { id } } }`),
      variables: { id },
    },
    // Our walk keeps nearer nodes first under its cap; the peer has none, so the start node is
    // picked with room to spare and an untruncated answer is what both must give.
    compare: comparing(
      (data) => ({
        truncated: at(data, 'neighbourhood', 'truncated'),
        ids: list(at(data, 'neighbourhood', 'nodes'))
          .map((n) => uuid(at(n, 'id')))
          .sort(byJson),
      }),
      (data) => ({
        truncated: false,
        ids: list(at(data, 'neighbourhood'))
          .map((n) => at(n, 'id'))
          .sort(byJson),
      }),
    ),
  };
}

/**
 * Picks real ids and terms from the loaded graph (the same graph gives the same picks) and
 * returns the eight questions.
 */
export async function buildMix(db: Database): Promise<MixQuery[]> {
  if (PEER_LINK_TYPES.join() !== DEFAULT_LINK_TYPES.join())
    throw new Error('the peer walks other link types than our default: update tests/bench/peer.ts');
  const types = [...DEFAULT_LINK_TYPES];

  const person = await one(db, 'entity', PICK_PERSON);
  const events = await one(db, 'list', PICK_LIST);
  const cursor = await one(db, 'list', PICK_LIST_CURSOR, { ...events, skip: int(PAGE - 1) });
  const invitations = await one(db, 'invitations', PICK_INVITATIONS);
  const place = await one(db, 'search', PICK_SEARCH);
  const event = await one(db, 'event', PICK_EVENT, { max: PARTICIPANTS });
  const path = await one(db, 'shortestPath', PICK_PATH, { types });
  const centre = await one(db, 'neighbourhood', PICK_NEIGHBOURHOOD, {
    types,
    room: NEIGHBOURHOOD_ROOM,
  });
  const s = (v: unknown): string => String(v);

  return [
    entityQuery(s(person.id)),
    listQuery(s(events.kind), s(events.from), s(events.to), {
      key: s(cursor.key),
      id: s(cursor.id),
    }),
    invitationsQuery(s(invitations.from), s(invitations.to)),
    searchQuery(s(place.name).toLowerCase()),
    eventQuery(s(event.slug)),
    mostConnectedQuery(),
    shortestPathQuery(s(path.from), s(path.to)),
    neighbourhoodQuery(s(centre.id)),
  ];
}
