/**
 * Lists and nested relationship fields over HTTP on the seeded graph: filters, sorting by name
 * and by number of relationships, pagination, affiliations, invitations and presentations of
 * people and organisations, and event structure.
 */
import { useSeededApi } from '../support/api';

const api = useSeededApi();

type Conn = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { name: string; slug: string } }[];
};

async function idOf(type: string, slug: string): Promise<string> {
  const res = await api.gql<{ entity: { id: string } }>(
    'query($t: EntityType!, $s: String!) { entity(type: $t, slug: $s) { id } }',
    { t: type, s: slug },
  );
  return res.data!.entity.id;
}

describe('organisations()', () => {
  it('sorts by most connected first, and the order agrees with the relationship counts in Neo4j', async () => {
    const res = await api.gql<{ organisations: Conn }>(
      '{ organisations(orderBy: MOST_CONNECTED, first: 100) { totalCount edges { node { slug } } } }',
    );
    const slugs = res.data!.organisations.edges.map((e) => e.node.slug);
    expect(slugs).toHaveLength(res.data!.organisations.totalCount);
    const degrees = await api
      .db()
      .query(
        'UNWIND $slugs AS s MATCH (n:Organisation {slug: s}) RETURN s, COUNT { (n)-[r]-(:Entity|Interaction) WHERE type(r) <> "MENTIONS" } AS d',
        { slugs },
      );
    const degree = new Map(degrees.records.map((r) => [r.get('s') as string, Number(r.get('d'))]));
    const ordered = slugs.map((s) => degree.get(s)!);
    expect([...ordered].sort((a, b) => b - a)).toEqual(ordered);
    expect(ordered[0]).toBeGreaterThan(ordered.at(-1)!);
  });

  // MOST_CONNECTED pages come from a ranking kept until the graph changes.
  const ranked = (first: number, after: string | null) =>
    api.gql<{ organisations: Conn }>(
      'query($first: Int, $after: String) { organisations(orderBy: MOST_CONNECTED, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name slug } } } }',
      { first, after },
    );

  it('pages through the most connected organisations in the order of one whole page', async () => {
    const whole = await ranked(100, null);
    const expected = whole.data!.organisations.edges.map((e) => e.node.slug);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page: Conn = (await ranked(3, after)).data!.organisations;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e) => e.node.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('ranks anew as soon as a write changes the graph, and reads it once per graph version', async () => {
    const db = api.db();
    const last = (await ranked(100, null)).data!.organisations.edges.at(-1)!.node.slug;
    const before = db.queryCount;
    const again = await ranked(5, null);
    // The graph version, then the page's organisations: no ranking statement.
    expect(db.queryCount - before).toBe(2);
    expect(again.data!.organisations.edges[0]!.node.slug).not.toBe(last);
    // The least connected organisation gets more relationships than any other has.
    const slug = 'ranking-probe-event';
    await db.write((tx) =>
      tx.run(
        `MATCH (o:Organisation {slug: $last})
         UNWIND range(1, 200) AS i
         CREATE (e:Entity:Event {id: randomUUID(), slug: $slug + '-' + i, name: 'Ranking probe ' + i, kind: 'MEETING'})
         CREATE (o)-[:PARTICIPATED_IN]->(e)`,
        { last, slug },
      ),
    );
    try {
      const after = await ranked(5, null);
      expect(after.data!.organisations.edges[0]!.node.slug).toBe(last);
    } finally {
      await db.write((tx) =>
        tx.run("MATCH (e:Event) WHERE e.slug STARTS WITH 'ranking-probe-event-' DETACH DELETE e"),
      );
    }
    const restored = await ranked(5, null);
    expect(restored.data!.organisations.edges[0]!.node.slug).not.toBe(last);
  });

  it('answers a filter that matches nothing with an empty page and a total of 0', async () => {
    for (const orderBy of ['NAME', 'START_DATE', 'MOST_CONNECTED']) {
      const res = await api.gql<{ organisations: Conn }>(
        `{ organisations(filter: { name: "no such name anywhere" }, orderBy: ${orderBy}) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.organisations).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [],
      });
    }
  });

  it('filters by kind and country, and by name in any alias language', async () => {
    const clusters = await api.gql<{ organisations: Conn }>(
      '{ organisations(filter: { kind: CLUSTER, country: "RU" }) { edges { node { slug } } } }',
    );
    expect(clusters.data!.organisations.edges.map((e) => e.node.slug)).toEqual([
      'st-petersburg-cleantech-cluster',
    ]);
    const byAlias = await api.gql<{ organisations: Conn }>(
      '{ organisations(filter: { name: "леонтьевский" }) { edges { node { slug } } } }',
    );
    expect(byAlias.data!.organisations.edges.map((e) => e.node.slug)).toEqual(['leontief-centre']);
  });

  it('pages through every organisation exactly once, in name order', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const res: { data?: { organisations: Conn } } = await api.gql<{ organisations: Conn }>(
        'query($after: String) { organisations(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }',
        { after },
      );
      const conn = res.data!.organisations;
      names.push(...conn.edges.map((e) => e.node.name));
      if (!conn.pageInfo.hasNextPage) {
        expect(names).toHaveLength(conn.totalCount);
        break;
      }
      after = conn.pageInfo.endCursor;
    }
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(
      names,
    );
  });
});

describe('people and organisations', () => {
  it('finds people by affiliation and gives their affiliations with role and evidence', async () => {
    const ejklCc = await idOf('ORGANISATION', 'ejkl-competence-centre');
    const res = await api.gql<{
      people: {
        edges: {
          node: {
            name: string;
            affiliations: {
              role: string | null;
              organisation: { name: string };
              evidence: { kind: string; quote: string | null; url: string | null }[];
            }[];
          };
        }[];
      };
    }>(
      `query($org: ID) { people(filter: { affiliatedWith: $org }) { edges { node { name
        affiliations { role organisation { name } evidence { kind quote url } } } } } }`,
      { org: ejklCc },
    );
    const [margit] = res.data!.people.edges.map((e) => e.node);
    expect(margit?.name).toBe('Margit Rüütelmann');
    expect(margit?.affiliations).toEqual([
      {
        role: 'executive manager',
        organisation: { name: 'EJKL Competence Centre' },
        evidence: expect.arrayContaining([
          { kind: 'STATED', quote: 'Margit Rüütelmann EJKL Kompetentsikeskusest', url: null },
          { kind: 'EXTERNAL', quote: null, url: 'https://www.recycling.ee/' },
        ]),
      },
    ]);
  });

  it('answers invitations sent and received from each side', async () => {
    const res = await api.gql<{
      belova: {
        invitationsSent: { totalCount: number; edges: { node: { target: { name: string } } }[] };
      };
      sitra: { invitationsReceived: { totalCount: number } };
    }>(
      `{ belova: entity(type: PERSON, slug: "elena-belova") { ... on Person { invitationsSent { totalCount edges { node { target { name } } } } } }
         sitra: entity(type: ORGANISATION, slug: "sitra") { ... on Organisation { invitationsReceived { totalCount } } } }`,
    );
    expect(res.data!.belova.invitationsSent).toEqual({
      totalCount: 1,
      edges: [{ node: { target: { name: 'All-Russia Strategy Forum 2019' } } }],
    });
    expect(res.data!.sitra.invitationsReceived.totalCount).toBe(2);
  });

  it('answers who presented what where', async () => {
    const res = await api.gql<{
      entity: {
        presentations: {
          edges: {
            node: {
              event: { name: string };
              subjects: { name: string }[];
              presenters: { name: string }[];
            };
          }[];
        };
      };
    }>(
      '{ entity(type: ORGANISATION, slug: "ingria") { ... on Organisation { presentations { edges { node { event { name } subjects { name } presenters { name } } } } } } }',
    );
    const [p] = res.data!.entity.presentations.edges.map((e) => e.node);
    expect(p?.event.name).toBe(
      'Meeting of Sitra and the St Petersburg cleantech cluster, 25 October 2019',
    );
    expect(p?.presenters.map((x) => x.name).sort()).toEqual([
      'INGRIA Business Incubator',
      'St Petersburg Cleantech Cluster for Urban Environment',
    ]);
    expect(p?.subjects.map((x) => x.name)).toContain(
      'Joint projects of INGRIA and the St Petersburg cleantech cluster',
    );
  });
});

describe('collaborators', () => {
  it('ranks those met at the most shared events and projects first, with what they share', async () => {
    const res = await api.gql<{
      entity: {
        collaborators: { count: number; entity: { slug: string }; shared: { slug: string }[] }[];
      };
    }>(
      '{ entity(type: ORGANISATION, slug: "st-petersburg-cleantech-cluster") { ... on Organisation { collaborators(first: 5) { count entity { slug } shared { slug } } } } }',
    );
    const [top, ...rest] = res.data!.entity.collaborators;
    expect(top!.entity.slug).toBe('ingria');
    expect(top!.count).toBe(2);
    expect(top!.shared.map((s) => s.slug).sort()).toEqual([
      'ingria-cleantech-cluster-joint-projects',
      'sitra-st-petersburg-cleantech-meeting-2019-10-25',
    ]);
    expect(rest.every((c) => c.count <= top!.count && c.count === c.shared.length)).toBe(true);
    expect(rest.map((c) => c.entity.slug)).not.toContain('st-petersburg-cleantech-cluster');
  });

  it('rejects first outside 0..100', async () => {
    const res = await api.gql(
      '{ entity(type: PERSON, slug: "elena-belova") { ... on Person { collaborators(first: 500) { count } } } }',
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
  });
});

describe('events', () => {
  it('filters by date range and place', async () => {
    const brussels = await idOf('PLACE', 'brussels');
    const res = await api.gql<{ events: Conn }>(
      'query($p: ID) { events(filter: { heldIn: $p, from: "2016-01-01", to: "2016-12-31" }, orderBy: START_DATE) { edges { node { slug } } } }',
      { p: brussels },
    );
    // The conference states Brussels; its working groups and award ceremony state no place and
    // are held where the conference is (issue 15). All start on 1 December: then by id.
    expect(res.data!.events.edges.map((e) => e.node.slug).sort()).toEqual([
      'ecc-2016-awards',
      'ecc-2016-working-group-green-circular-economy',
      'ecc-2016-working-group-high-tech-digital-manufacturing',
      'ecc-2016-working-group-service-innovation-creative-economy',
      'european-cluster-conference-2016',
    ]);
  });

  it('gives the structure of an event: place, parts, organisers, participants with roles, presentations', async () => {
    const res = await api.gql<{
      entity: Record<string, unknown>;
    }>(`{ entity(type: EVENT, slug: "sitra-st-petersburg-cleantech-meeting-2019-10-25") { ... on Event {
      place { name } partOf { name } parts { name } organisers { name }
      participants(first: 3) { totalCount pageInfo { hasNextPage } edges { role node { name } evidence { kind } } }
      presentations { totalCount }
    } } }`);
    const e = res.data!.entity as {
      place: { name: string };
      partOf: null;
      parts: unknown[];
      organisers: { name: string }[];
      participants: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean };
        edges: { role: string; node: { name: string }; evidence: { kind: string }[] }[];
      };
      presentations: { totalCount: number };
    };
    expect(e.place).toEqual({ name: 'St Petersburg' });
    expect(e.partOf).toBeNull();
    expect(e.parts).toEqual([]);
    expect(e.organisers).toEqual([{ name: 'St Petersburg Technopark' }]);
    expect(e.participants.totalCount).toBe(8);
    expect(e.participants.pageInfo.hasNextPage).toBe(true);
    expect(e.participants.edges.map((x) => x.node.name)).toEqual([
      'Daniel Kaufmann',
      'Elena Belova',
      'Evilina Lutfi',
    ]);
    expect(e.participants.edges.every((x) => x.role && x.evidence.length > 0)).toBe(true);
    expect(e.presentations.totalCount).toBe(4);
    const session = await api.gql<{
      entity: { partOf: { name: string }; organisers: { name: string }[] };
    }>(
      '{ entity(type: EVENT, slug: "circular-economy-session-2019-10-29") { ... on Event { partOf { name } organisers { name } } } }',
    );
    expect(session.data!.entity).toEqual({
      partOf: { name: 'All-Russia Strategy Forum 2019' },
      organisers: [{ name: 'St Petersburg Cleantech Cluster for Urban Environment' }],
    });
  });

  it('lists the proposals and questions of a meeting, each reachable by node(id:)', async () => {
    const res = await api.gql<{
      entity: {
        proposals: { id: string; proposers: { slug: string }[]; subjects: { slug: string }[] }[];
        questions: { id: string; answer: string; askers: { slug: string }[] }[];
      };
    }>(
      `{ entity(type: EVENT, slug: "sitra-st-petersburg-cleantech-meeting-2019-10-25") { ... on Event {
        proposals { id proposers { slug } subjects { slug } } questions { id answer askers { slug } } } } }`,
    );
    const { proposals, questions } = res.data!.entity;
    expect(proposals).toHaveLength(2);
    const wcef = proposals.find((p) => p.subjects.some((s) => s.slug === 'wcef'));
    expect(wcef?.proposers).toEqual([{ slug: 'st-petersburg-cleantech-cluster' }]);
    expect(questions).toEqual([
      {
        id: expect.any(String),
        answer: 'All the St Petersburg participants raised their hands.',
        askers: [{ slug: 'daniel-kaufmann' }],
      },
    ]);
    const node = await api.gql<{ p: { __typename: string }; q: { __typename: string } }>(
      'query($p: ID!, $q: ID!) { p: node(id: $p) { __typename } q: node(id: $q) { __typename } }',
      {
        p: wcef!.id,
        q: questions[0]!.id,
      },
    );
    expect(node.data).toEqual({ p: { __typename: 'Proposal' }, q: { __typename: 'Question' } });
  });
});

describe('lists sorted by name, with namesakes', () => {
  // Two organisations of one name. Neo4j hands a node's links over newest first, so linking
  // them in the two orders shows whether the order of the answer is the store's or the API's.
  it('order namesakes by id, whichever was linked first', async () => {
    const made = await api.gql<Record<string, { id: string }>>(
      `mutation {
        a: createOrganisation(input: { name: "Namesake Cluster", slug: "namesake-cluster-a", kind: CLUSTER }) { id }
        b: createOrganisation(input: { name: "Namesake Cluster", slug: "namesake-cluster-b", kind: CLUSTER }) { id }
        p: createPerson(input: { name: "Namesake Member One", slug: "namesake-member-one" }) { id }
        q: createPerson(input: { name: "Namesake Member Two", slug: "namesake-member-two" }) { id }
        e: createEvent(input: { name: "Namesake Forum", slug: "namesake-forum", kind: CONFERENCE }) { id }
        f: createEvent(input: { name: "Namesake Summit", slug: "namesake-summit", kind: CONFERENCE }) { id }
      }`,
    );
    expect(made.errors).toBeUndefined();
    const id = (k: string): string => made.data![k]!.id;
    const link = async (type: string, from: string, to: string): Promise<void> => {
      const res = await api.gql('mutation($i: LinkInput!) { linkEntities(input: $i) }', {
        i: { type, from, to },
      });
      expect(res.errors).toBeUndefined();
    };
    // One member and one event see a first, the others b first.
    await link('AFFILIATED_WITH', id('p'), id('a'));
    await link('AFFILIATED_WITH', id('p'), id('b'));
    await link('AFFILIATED_WITH', id('q'), id('b'));
    await link('AFFILIATED_WITH', id('q'), id('a'));
    await link('ORGANISED', id('a'), id('e'));
    await link('ORGANISED', id('b'), id('e'));
    await link('ORGANISED', id('b'), id('f'));
    await link('ORGANISED', id('a'), id('f'));
    // In the order of the uuids the global ids carry ("Organisation:<uuid>", base64url).
    const uuid = (global: string): string => Buffer.from(global, 'base64url').toString();
    const byId = [id('a'), id('b')].sort((x, y) => (uuid(x) < uuid(y) ? -1 : 1));
    const res = await api.gql<{
      p: { affiliations: { organisation: { id: string } }[] };
      q: { affiliations: { organisation: { id: string } }[] };
      e: { organisers: { id: string }[] };
      f: { organisers: { id: string }[] };
    }>(
      `query($p: ID!, $q: ID!, $e: ID!, $f: ID!) {
        p: node(id: $p) { ... on Person { affiliations { organisation { id } } } }
        q: node(id: $q) { ... on Person { affiliations { organisation { id } } } }
        e: node(id: $e) { ... on Event { organisers { id } } }
        f: node(id: $f) { ... on Event { organisers { id } } }
      }`,
      { p: id('p'), q: id('q'), e: id('e'), f: id('f') },
    );
    expect(res.errors).toBeUndefined();
    for (const k of ['p', 'q'] as const)
      expect(res.data![k].affiliations.map((x) => x.organisation.id)).toEqual(byId);
    for (const k of ['e', 'f'] as const)
      expect(res.data![k].organisers.map((x) => x.id)).toEqual(byId);
  });
});
