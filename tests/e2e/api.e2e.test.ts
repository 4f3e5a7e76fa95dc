/**
 * The GraphQL API over HTTP on the seeded real Neo4j: the invitation question with its Finnish
 * evidence, node(id:), multilingual search, keyset pagination under inserts, input errors, and
 * the number of Neo4j round trips of a nested query.
 */
import { MAX_QUERY_LENGTH } from '../../src/modules/search/search.query';
import { toGlobalId, type NodeType } from '../../src/shared/global-id';
import { useSeededApi } from '../support/api';

const api = useSeededApi();

async function idOf(type: string, slug: string): Promise<string> {
  const res = await api.gql<{ entity: { id: string } | null }>(
    'query($type: EntityType!, $slug: String!) { entity(type: $type, slug: $slug) { id } }',
    { type, slug },
  );
  if (!res.data?.entity) throw new Error(`no ${type} ${slug}: ${JSON.stringify(res.errors)}`);
  return res.data.entity.id;
}

const INVITATION_FIELDS = `
  date summary inviteeNote
  inviter { __typename name }
  onBehalfOf { name }
  invitees { name }
  target { __typename name }
  evidence { kind quote language translation document { title language date } }`;

describe('the invitation question', () => {
  it('answers who invited whom to the All-Russia Strategy Forum, with the Finnish quote and its translation', async () => {
    const forum = await idOf('EVENT', 'all-russia-strategy-forum-2019');
    const res = await api.gql(
      `query($f: InvitationFilter) { invitations(filter: $f) { totalCount edges { node { ${INVITATION_FIELDS} } } } }`,
      {
        f: { target: forum },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      invitations: {
        totalCount: 1,
        edges: [
          {
            node: {
              date: '2019-10-25',
              summary:
                "Elena Belova of the Leontief Centre invited Sitra's experts to next week's All-Russia Strategy Forum.",
              inviteeNote: "Sitra's experts",
              inviter: { __typename: 'Person', name: 'Elena Belova' },
              onBehalfOf: { name: 'Leontief Centre' },
              invitees: [{ name: 'Sitra' }],
              target: { __typename: 'Event', name: 'All-Russia Strategy Forum 2019' },
              evidence: [
                {
                  kind: 'STATED',
                  quote:
                    'Elena Belova Leontief -keskuksesta on kutsunut Sitran asiantuntijat osallistumaan ensi viikon koko Venäjän Strategia Foorumiin.',
                  language: 'fi',
                  translation:
                    "Elena Belova from the Leontief Centre invited Sitra's experts to take part in next week's All-Russia Strategy Forum.",
                  document: {
                    title: 'Kuvakollaasi 25.10.2019 Pietarissa',
                    language: 'fi',
                    date: '2019-10-25',
                  },
                },
              ],
            },
          },
        ],
      },
    });
  });

  it('filters by invitee and date range', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const within = await api.gql<{ invitations: { totalCount: number } }>(
      'query($f: InvitationFilter) { invitations(filter: $f) { totalCount } }',
      { f: { invitee: sitra, from: '2019-10-01', to: '2019-10-31' } },
    );
    expect(within.data?.invitations.totalCount).toBe(2);
    const before = await api.gql<{ invitations: { totalCount: number } }>(
      'query($f: InvitationFilter) { invitations(filter: $f) { totalCount } }',
      { f: { invitee: sitra, to: '2019-01-01' } },
    );
    expect(before.data?.invitations.totalCount).toBe(0);
  });

  // The list reads parties only named when nothing more of them is selected; any other field,
  // in a fragment too, and the same invitation loaded elsewhere in the request, must still get
  // the whole entity.
  it('answers every field of the parties, whether the list reads them named or whole', async () => {
    const forum = await idOf('EVENT', 'all-russia-strategy-forum-2019');
    const centre = await idOf('ORGANISATION', 'leontief-centre');
    const PARTY = '__typename name kind country aliases { name language }';
    const own = await api.gql<{ node: Record<string, unknown> }>(
      `query($id: ID!) { node(id: $id) { ... on Organisation { ${PARTY} } } }`,
      { id: centre },
    );
    expect((own.data?.node.aliases as unknown[]).length).toBeGreaterThan(0);
    type Listed = { edges: { node: { id: string; onBehalfOf: Record<string, unknown> } }[] };
    const res = await api.gql<{
      named: Listed;
      fragment: Listed;
      spread: Listed;
    }>(
      `query($f: InvitationFilter) {
        named: invitations(filter: $f) { edges { node { id onBehalfOf { __typename name } } } }
        fragment: invitations(filter: $f) { edges { node { id onBehalfOf { ... on Organisation { ${PARTY} } } } } }
        spread: invitations(filter: $f) { edges { node { id onBehalfOf { ...Party } } } }
      }
      fragment Party on Organisation { ${PARTY} }`,
      { f: { target: forum } },
    );
    expect(res.errors).toBeUndefined();
    const [named] = res.data!.named.edges;
    expect(named?.node.onBehalfOf).toEqual({
      __typename: 'Organisation',
      name: own.data?.node.name,
    });
    expect(res.data!.fragment.edges[0]?.node.onBehalfOf).toEqual(own.data?.node);
    expect(res.data!.spread.edges[0]?.node.onBehalfOf).toEqual(own.data?.node);
    // The same invitation by id after the named list, in one request.
    const both = await api.gql<{ again: { onBehalfOf: Record<string, unknown> } }>(
      `query($f: InvitationFilter, $id: ID!) {
        named: invitations(filter: $f) { edges { node { id onBehalfOf { name } } } }
        again: node(id: $id) { ... on Invitation { onBehalfOf { name ...Party } } }
      }
      fragment Party on Organisation { ${PARTY} }`,
      { f: { target: forum }, id: named!.node.id },
    );
    expect(both.errors).toBeUndefined();
    expect(both.data?.again.onBehalfOf).toEqual(own.data?.node);
  });
});

describe('node(id:)', () => {
  it('returns the entity behind a global id, and null for unknown or malformed ids', async () => {
    const id = await idOf('ORGANISATION', 'leontief-centre');
    const res = await api.gql<{
      found: {
        __typename: string;
        name: string;
        kind: string;
        aliases: { name: string; language: string }[];
      };
      missing: null;
      garbage: null;
    }>(
      `query($id: ID!, $missing: ID!) {
        found: node(id: $id) { __typename ... on Organisation { name kind aliases { name language } } }
        missing: node(id: $missing) { id }
        garbage: node(id: "not-an-id") { id }
      }`,
      {
        id,
        missing: Buffer.from('Organisation:00000000-0000-5000-8000-000000000000').toString(
          'base64url',
        ),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.found).toMatchObject({
      __typename: 'Organisation',
      name: 'Leontief Centre',
      kind: 'RESEARCH_CENTRE',
    });
    expect(res.data?.found.aliases).toContainEqual({ name: 'Леонтьевский центр', language: 'ru' });
    expect(res.data?.missing).toBeNull();
    expect(res.data?.garbage).toBeNull();
  });

  it('gives an event its zoned times', async () => {
    const res = await api.gql<{ entity: Record<string, unknown> }>(
      '{ entity(type: EVENT, slug: "circular-economy-session-2019-10-29") { ... on Event { kind startDate startsAt endsAt timeZone } } }',
    );
    expect(res.data?.entity).toEqual({
      kind: 'SESSION',
      startDate: '2019-10-29',
      startsAt: '2019-10-29T11:30:00+03:00',
      endsAt: '2019-10-29T13:15:00+03:00',
      timeZone: 'Europe/Moscow',
    });
  });
});

describe('search', () => {
  type Hits = {
    search: { matched: string; score: number; entity: { __typename: string; slug: string } }[];
  };
  const search = (
    query: string,
    extra = '',
  ): Promise<{ data?: Hits; errors?: { extensions: Record<string, unknown> }[] }> =>
    api.gql<Hits>(
      `query($q: String!) { search(query: $q${extra}) { matched score entity { __typename slug } } }`,
      { q: query },
    );

  it.each([
    ['Pietari', 'st-petersburg', 'Pietari', 'Finnish alias'],
    ['Brüssel', 'brussels', 'Brüssel', 'Estonian alias'],
    ['Леонтьевский центр', 'leontief-centre', 'Леонтьевский центр', 'Russian alias'],
    ['leontief centre', 'leontief-centre', 'Leontief Centre', 'English name, lower case'],
    ['ruutelmann', 'margit-ruutelmann', 'Margit Rüütelmann', 'no diacritics'],
    ['SITRA', 'sitra', 'Sitra', 'upper case'],
    ['Kaufman', 'daniel-kaufmann', 'Daniel Kaufmann', 'a typo'],
    [
      'jaatmete taaskasutus',
      'waste-recycling-cluster',
      'Jäätmete Taaskasutusklaster',
      'prefix of an Estonian alias without diacritics',
    ],
  ])('finds %s (%s as the top hit)', async (query, slug, matched) => {
    const res = await search(query);
    expect(res.errors).toBeUndefined();
    const [top] = res.data!.search;
    expect(top).toMatchObject({ entity: { slug }, matched });
    expect(top!.score).toBeGreaterThan(0);
  });

  it('narrows by type', async () => {
    const res = await search('cluster', ', types: [EVENT]');
    expect(res.data!.search.length).toBeGreaterThan(0);
    expect(new Set(res.data!.search.map((h) => h.entity.__typename))).toEqual(new Set(['Event']));
  });

  // Without `matched`, hits asked only by name are read only named: the same hits, in order.
  it.each([
    ['cluster', ''],
    ['cluster', ', types: [EVENT, ORGANISATION]'],
    ['Pietari', ', first: 3'],
  ])('gives the same hits for %s%s whether or not it reads them whole', async (query, extra) => {
    const res = await api.gql<{ named: unknown[]; whole: { matched: string }[] }>(
      `query($q: String!) {
        named: search(query: $q${extra}) { score entity { __typename id name slug } }
        whole: search(query: $q${extra}) { matched score entity { __typename id name slug aliases { name } } }
      }`,
      { q: query },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.whole.length).toBeGreaterThan(0);
    let aliased = 0;
    const cut = res.data!.whole.map((hit) => {
      const { matched, ...rest } = hit as { matched: string; entity: { aliases: unknown[] } };
      const { aliases, ...entity } = rest.entity;
      expect(matched.length).toBeGreaterThan(0);
      if (aliases.length > 0) aliased += 1;
      return { ...rest, entity };
    });
    // The whole reading really was whole: some hit carries its aliases.
    expect(aliased).toBeGreaterThan(0);
    expect(res.data!.named).toEqual(cut);
  });

  it.each([
    `") OR 1=1 //`,
    'name:* AND NOT x',
    '\\\\ ~~ ** ?? "unclosed',
    'MATCH (n) DETACH DELETE n',
    '🙂 émoji',
  ])('is safe for %j', async (query) => {
    const res = await search(query);
    // Either hits (possibly none) or a clear BAD_USER_INPUT; never anything else.
    if (res.errors) {
      expect(res.errors.map((e) => e.extensions.code)).toEqual(
        res.errors.map(() => 'BAD_USER_INPUT'),
      );
    } else {
      expect(Array.isArray(res.data?.search)).toBe(true);
    }
  });

  it.each([
    ['x'.repeat(MAX_QUERY_LENGTH + 1), 'query'],
    ['!!!', 'query'],
  ])('rejects %j with BAD_USER_INPUT naming the argument', async (query, argument) => {
    const res = await search(query);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  // Equal names score equally, and the index hands ties over in the order they were written.
  it('answers namesakes that tie in the order of their ids, not of their writing', async () => {
    const made = await api.gql<Record<string, { id: string; slug: string }>>(
      `mutation {
        ${[1, 2, 3, 4]
          .map(
            (i) =>
              `o${i}: createOrganisation(input: { name: "Homonymous Tie Cluster", slug: "homonymous-tie-${i}", kind: CLUSTER }) { id slug }`,
          )
          .join('\n')}
      }`,
    );
    expect(made.errors).toBeUndefined();
    const uuid = (global: string): string => Buffer.from(global, 'base64url').toString();
    const byId = Object.values(made.data!)
      .sort((a, b) => (uuid(a.id) < uuid(b.id) ? -1 : 1))
      .map((o) => o.slug);
    const res = await search('Homonymous Tie Cluster', ', first: 4');
    expect(res.data!.search.map((h) => h.entity.slug)).toEqual(byId);
  });

  it('rejects first above 100', async () => {
    const res = await search('sitra', ', first: 101');
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
  });
});

describe('pagination of invitations', () => {
  type Page = {
    invitations: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string; summary: string } }[];
    };
  };
  const page = (first: number, after: string | null) =>
    api.gql<Page>(
      'query($first: Int, $after: String) { invitations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id summary } } } }',
      { first, after },
    );

  it('visits every item once even when one is inserted between pages', async () => {
    const db = api.db();
    const seen: string[] = [];
    const first = await page(1, null);
    seen.push(...first.data!.invitations.edges.map((e) => e.node.summary));
    expect(first.data!.invitations.pageInfo.hasNextPage).toBe(true);
    // A new invitation arrives between page 1 and page 2 (with the parties every invitation
    // has: one without them breaks the integrity rules, and lists leave it out).
    await db.write((tx) =>
      tx.run(
        `MATCH (p:Person {slug: 'daniel-kaufmann'}), (o:Organisation {slug: 'sitra'}), (e:Event {slug: 'wcef'})
         CREATE (p)-[:EXTENDED]->(i:Interaction:Invitation {id: 'b7f0a2a4-0000-4000-8000-000000000001', slug: 'inserted-between-pages', summary: 'Inserted between pages', date: date('2030-01-01'), evidenceIds: []}),
                (i)-[:INVITES]->(o), (i)-[:TO]->(e)`,
      ),
    );
    try {
      let cursor = first.data!.invitations.pageInfo.endCursor;
      for (let guard = 0; cursor && guard < 10; guard += 1) {
        const next = await page(1, cursor);
        seen.push(...next.data!.invitations.edges.map((e) => e.node.summary));
        cursor = next.data!.invitations.pageInfo.hasNextPage
          ? next.data!.invitations.pageInfo.endCursor
          : null;
      }
    } finally {
      await db.write((tx) =>
        tx.run("MATCH (i:Invitation {slug: 'inserted-between-pages'}) DETACH DELETE i"),
      );
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(3);
    expect(seen).toContain('Inserted between pages');
  });

  it.each([
    ['{ invitations(first: -1) { totalCount } }', 'first'],
    ['{ invitations(first: 101) { totalCount } }', 'first'],
    ['{ invitations(after: "bm90IGEgY3Vyc29y") { totalCount } }', 'after'],
    ['{ invitations(filter: { inviter: "nonsense" }) { totalCount } }', 'filter.inviter'],
    ['{ invitations(filter: { from: "2019-02-30" }) { totalCount } }', undefined],
  ])('rejects %s with BAD_USER_INPUT', async (query, argument) => {
    const res = await api.gql(query);
    const error = res.errors?.[0];
    expect(error?.extensions.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    if (argument) expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(res.data?.invitations ?? null).toBeNull();
  });
});

describe('Neo4j round trips', () => {
  const NESTED = `query($first: Int) { invitations(first: $first) { edges { node {
    inviter { name evidence { quote document { title } } }
    invitees { name evidence { quote } }
    target { name }
    evidence { quote document { title evidence { quote } } }
  } } } }`;

  it('do not grow with the number of rows of a three-level nested query', async () => {
    const db = api.db();
    const count = async (first: number): Promise<number> => {
      const before = db.queryCount;
      const res = await api.gql(NESTED, { first });
      expect(res.errors).toBeUndefined();
      return db.queryCount - before;
    };
    const one = await count(1);
    const two = await count(2);
    expect(two).toBe(one);
    // list + count, interactions, entities, evidence, documents, their evidence: bounded by depth.
    expect(two).toBeLessThanOrEqual(8);
  });

  it('do not grow with the number of parents of nested lists', async () => {
    const db = api.db();
    const LISTS = `query($first: Int) { organisations(first: $first) { edges { node {
      invitationsReceived { edges { node { inviter { name } evidence { quote } } } }
      presentations { edges { node { event { name } subjects { name } } } }
    } } } }`;
    const count = async (first: number): Promise<number> => {
      const before = db.queryCount;
      const res = await api.gql(LISTS, { first });
      expect(res.errors).toBeUndefined();
      return db.queryCount - before;
    };
    expect(await count(10)).toBe(await count(2));
  });

  const statementsOf = async (
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data: unknown; statements: number }> => {
    const db = api.db();
    const before = db.queryCount;
    const res = await api.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return { data: res.data, statements: db.queryCount - before };
  };

  it('answer a filtered, sorted page with its total, or a search, in one statement', async () => {
    const list = await statementsOf(
      `query($first: Int) { organisations(filter: { country: "FI" }, orderBy: NAME, first: $first) {
        totalCount pageInfo { hasNextPage } edges { node { name kind country } } } }`,
      { first: 2 },
    );
    const page = (list.data as { organisations: { totalCount: number; edges: unknown[] } })
      .organisations;
    expect(page.edges).toHaveLength(2);
    expect(page.totalCount).toBeGreaterThan(2);
    expect(list.statements).toBe(1);
    const invitations = await statementsOf(
      `{ invitations(first: 5) { totalCount edges { node { inviter { name } invitees { name } target { name } } } } }`,
      {},
    );
    expect(JSON.stringify(invitations.data)).toContain('Sitra');
    expect(invitations.statements).toBe(1);
    const search = await statementsOf(
      `{ search(query: "Pietari", first: 5) { score entity { name aliases { name } } } }`,
      {},
    );
    expect(JSON.stringify(search.data)).toContain('Pietari');
    expect(search.statements).toBe(1);
  });

  it('read the links of a neighbourhood only when they are asked for', async () => {
    const id = await idOf('PERSON', 'elena-belova');
    const query = (fields: string): string =>
      `query($id: ID!) { neighbourhood(id: $id, depth: 2) { ${fields} } }`;
    const nodesOnly = await statementsOf(query('nodes { id }'), { id });
    const withEdges = await statementsOf(query('nodes { id } edges { source target type }'), {
      id,
    });
    const nodes = (d: unknown): unknown[] =>
      (d as { neighbourhood: { nodes: unknown[] } }).neighbourhood.nodes;
    expect(nodes(nodesOnly.data)).toEqual(nodes(withEdges.data));
    expect(
      (withEdges.data as { neighbourhood: { edges: unknown[] } }).neighbourhood.edges.length,
    ).toBeGreaterThan(0);
    expect(withEdges.statements).toBe(nodesOnly.statements + 1);
  });

  it('gives an entity the evidence of the documents that mention it, read only when asked', async () => {
    const db = api.db();
    const found = await db.query(
      `MATCH (:Document)-[m:MENTIONS]->(n:Entity) WHERE NOT n:Document
       WITH n, reduce(acc = [], ids IN collect(m.evidenceIds) | acc + ids) AS mentioned
       WITH n, [e IN mentioned WHERE NOT e IN coalesce(n.evidenceIds, [])] AS extra
       WHERE size(extra) > 0
       MATCH (e:Evidence) WHERE e.id IN coalesce(n.evidenceIds, []) + extra
       RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, collect(coalesce(e.quote, '')) AS quotes
       ORDER BY id LIMIT 1`,
    );
    const row = found.records[0]!;
    const id = toGlobalId(row.get('label') as NodeType, row.get('id') as string);
    const plain = await statementsOf(
      `query($id: ID!) { node(id: $id) { ... on Entity { name } } }`,
      {
        id,
      },
    );
    expect(plain.statements).toBe(1);
    const withEvidence = await statementsOf(
      `query($id: ID!) { node(id: $id) { ... on Entity { name evidence { quote } } } }`,
      { id },
    );
    const quotes = (
      withEvidence.data as { node: { evidence: { quote: string | null }[] } }
    ).node.evidence.map((e) => e.quote ?? '');
    expect([...quotes].sort()).toEqual([...(row.get('quotes') as string[])].sort());
  });

  it('bring related entities with the statement that finds them: a person in three', async () => {
    const id = await idOf('PERSON', 'elena-belova');
    const { data, statements } = await statementsOf(
      `query($id: ID!) { node(id: $id) { ... on Person {
        affiliations { role organisation { name country } }
        invitationsSent { edges { node { date target { name } invitees { name } onBehalfOf { name } } } }
        invitationsReceived { edges { node { inviter { name } target { name } } } }
      } } }`,
      { id },
    );
    const person = (
      data as { node: Record<string, { edges?: unknown[] }[] & { edges?: unknown[] }> }
    ).node;
    expect(person.affiliations).not.toHaveLength(0);
    expect(JSON.stringify(person.invitationsSent)).toContain('Sitra');
    // The person; its relationships with the organisations; its invitations with every party.
    expect(statements).toBe(3);
  });

  it('bring related entities with the statement that finds them: an event in three', async () => {
    const { data, statements } = await statementsOf(
      `query($slug: String!) { entity(type: EVENT, slug: $slug) { name ... on Event {
        place { name } organisers { name }
        participants(first: 50) { totalCount edges { role node { name } } }
        presentations { edges { node { summary presenters { name } subjects { name } } } }
      } } }`,
      { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
    );
    const text = JSON.stringify(data);
    // Every presenter and subject of the four presentations came back by name.
    for (const name of ['Sitra', 'INGRIA', 'Maksim Balanev', 'Circular Economy Playbook'])
      expect(text).toContain(name);
    // The event by slug; its relationships with entities; its presentations with their parties.
    expect(statements).toBe(3);
  });

  it('answer the inverse fields of every listed person, organisation and event in four statements', async () => {
    const ACTOR = `name participations { totalCount edges { role event { name } evidence { quote } } }
      questions { summary } proposals { summary }`;
    const lists = {
      people: `{ people(first: 100) { edges { node { ${ACTOR} } } } }`,
      organisations: `{ organisations(first: 100) { edges { node { ${ACTOR} } } } }`,
      events: `{ events(first: 100) { edges { node { name
        awards { name recipients { entity { name } evidence { quote } } } } } } }`,
    };
    const facts = {
      people: ['award winner', 'Daniel Kaufmann asked'],
      organisations: ['past participants', 'holding WCEF in St Petersburg'],
      events: ['European Cluster Manager of the Year 2016', 'Bianca Dragomir', 'Energy in Water'],
    };
    for (const [list, query] of Object.entries(lists) as [keyof typeof lists, string][]) {
      const { data, statements } = await statementsOf(query, {});
      const parents = (data as Record<string, { edges: unknown[] }>)[list]!.edges;
      expect(parents.length).toBeGreaterThan(4);
      for (const fact of facts[list]) expect(JSON.stringify(data)).toContain(fact);
      // People and organisations: the list; their participations (with the events whole); their
      // questions and proposals (one statement for both); the evidence. Events: the list; their
      // awards; the awards' recipients; the evidence. One per level, whatever the parents.
      expect({ list, statements }).toEqual({ list, statements: 4 });
    }
  });

  // Related entities asked only by name are read only named; asked more, whole. Both shapes in
  // one request: each must answer exactly what the entity itself answers.
  it('answer related entities the same, whether read named or whole', async () => {
    const FULL = `... on Entity { __typename id name aliases { name }
      ... on Organisation { kind country } ... on Person { description } }`;
    const shape = (fields: string) => `place { ${fields} } organisers { ${fields} }
      participants(first: 50) { edges { role node { ${fields} } } }
      presentations { edges { node { presenters { ${fields} } subjects { ${fields} } } } }`;
    const res = await api.gql<{ named: Record<string, unknown>; whole: Record<string, unknown> }>(
      `query($slug: String!) {
        named: entity(type: EVENT, slug: $slug) { ... on Event { ${shape('__typename id name')} } }
        whole: entity(type: EVENT, slug: $slug) { ... on Event { ${shape(FULL)} } }
      }`,
      { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
    );
    expect(res.errors).toBeUndefined();
    // Every entity of the whole answer, as node(id:) answers it on its own.
    const found: { id: string }[] = [];
    JSON.stringify(res.data!.whole, (_key, value: unknown) => {
      if (value && typeof value === 'object' && 'id' in value) found.push(value as { id: string });
      return value;
    });
    expect(found.length).toBeGreaterThan(5);
    const aliased = found.filter((e) => (e as { aliases?: unknown[] }).aliases?.length);
    expect(aliased.length).toBeGreaterThan(0);
    for (const entity of found) {
      const own = await api.gql<{ node: unknown }>(
        `query($id: ID!) { node(id: $id) { ${FULL} } }`,
        { id: entity.id },
      );
      expect(entity).toEqual(own.data?.node);
    }
    // The named answer is the whole one cut down to the naming fields.
    const named = JSON.parse(JSON.stringify(res.data!.whole), (key, value: unknown) =>
      ['kind', 'country', 'aliases', 'description'].includes(key) ? undefined : value,
    ) as unknown;
    expect(res.data!.named).toEqual(named);
  });
});
