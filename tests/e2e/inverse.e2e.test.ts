/**
 * The inverse fields over HTTP on the seeded graph: who received an award (Award.recipients),
 * what was awarded at an event (Event.awards), which events a person or organisation took part
 * in (participations, paged), and what a person or organisation asked or put forward
 * (questions, proposals). The facts are those of seeds/graph/.
 */
import { useSeededApi } from '../support/api';

const api = useSeededApi();

async function idOf(type: string, slug: string): Promise<string> {
  const res = await api.gql<{ entity: { id: string } | null }>(
    'query($t: EntityType!, $s: String!) { entity(type: $t, slug: $s) { id } }',
    { t: type, s: slug },
  );
  if (!res.data?.entity) throw new Error(`no ${type} ${slug}: ${JSON.stringify(res.errors)}`);
  return res.data.entity.id;
}

describe('awards', () => {
  it('names who received an award, with the evidence of that fact', async () => {
    const res = await api.gql(
      `{ manager: entity(type: AWARD, slug: "european-cluster-manager-of-the-year-2016") { ... on Award {
           recipients { entity { __typename slug } evidence { kind quote language translation } } } }
         project: entity(type: AWARD, slug: "best-cluster-cooperation-project-2016") { ... on Award {
           recipients { entity { __typename slug } evidence { kind } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      manager: {
        recipients: [
          {
            entity: { __typename: 'Person', slug: 'bianca-dragomir' },
            evidence: [
              {
                kind: 'STATED',
                quote:
                  'Parimaks klastrijuhiks\u00a0 valiti Bianca Dragomir\u00a0 Valencia regiooni taastuvenergia klastrist Avaesen',
                language: 'et',
                translation:
                  'Bianca Dragomir of Avaesen, the renewable-energy cluster of the Valencia region, was chosen best cluster manager',
              },
            ],
          },
        ],
      },
      project: {
        recipients: [
          {
            entity: { __typename: 'Project', slug: 'energy-in-water' },
            evidence: [{ kind: 'STATED' }],
          },
        ],
      },
    });
  });

  it('lists the awards given at an event, by year then name; those of its parts on the parts', async () => {
    const res = await api.gql(
      `{ ceremony: entity(type: EVENT, slug: "ecc-2016-awards") { ... on Event {
           awards { slug year recipients { entity { slug } } } } }
         conference: entity(type: EVENT, slug: "european-cluster-conference-2016") { ... on Event {
           awards { slug } parts { slug awards { slug } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const data = res.data as {
      ceremony: { awards: unknown[] };
      conference: { awards: unknown[]; parts: { slug: string; awards: { slug: string }[] }[] };
    };
    expect(data.ceremony.awards).toEqual([
      {
        slug: 'best-cluster-cooperation-project-2016',
        year: 2016,
        recipients: [{ entity: { slug: 'energy-in-water' } }],
      },
      {
        slug: 'european-cluster-manager-of-the-year-2016',
        year: 2016,
        recipients: [{ entity: { slug: 'bianca-dragomir' } }],
      },
    ]);
    // The sources say the awards were given at the ceremony, a part of the conference.
    expect(data.conference.awards).toEqual([]);
    expect(data.conference.parts.find((p) => p.slug === 'ecc-2016-awards')?.awards).toHaveLength(2);
  });

  it('with includeParts, an event also lists the awards given at its parts, at any depth', async () => {
    const res = await api.gql(
      `{ conference: entity(type: EVENT, slug: "european-cluster-conference-2016") { ... on Event {
           awards(includeParts: true) { slug } } }
         ceremony: entity(type: EVENT, slug: "ecc-2016-awards") { ... on Event {
           awards(includeParts: true) { slug } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const data = res.data as Record<string, { awards: { slug: string }[] }>;
    const both = [
      'best-cluster-cooperation-project-2016',
      'european-cluster-manager-of-the-year-2016',
    ];
    expect(data.conference!.awards.map((a) => a.slug)).toEqual(both);
    expect(data.ceremony!.awards.map((a) => a.slug)).toEqual(both);

    // A part of a part: an award given at a session of the ceremony reaches the conference.
    const ids = await api.gql<{ conference: { id: string }; ceremony: { id: string } }>(
      `{ conference: entity(type: EVENT, slug: "european-cluster-conference-2016") { id }
         ceremony: entity(type: EVENT, slug: "ecc-2016-awards") { id } }`,
    );
    const session = await api.gql<{ createEvent: { id: string } }>(
      'mutation { createEvent(input: { name: "Inverse probe award session", kind: SESSION }) { id } }',
    );
    const award = await api.gql<{ createAward: { id: string } }>(
      'mutation { createAward(input: { name: "Inverse probe prize", year: 2016 }) { id } }',
    );
    const link = 'mutation($input: LinkInput!) { linkEntities(input: $input) }';
    for (const input of [
      { type: 'PART_OF', from: session.data!.createEvent.id, to: ids.data!.ceremony.id },
      { type: 'AWARDED_AT', from: award.data!.createAward.id, to: session.data!.createEvent.id },
    ]) {
      const linked = await api.gql(link, { input });
      expect(linked.errors).toBeUndefined();
    }
    const again = await api.gql<{ entity: { awards: { name: string }[] } }>(
      `{ entity(type: EVENT, slug: "european-cluster-conference-2016") { ... on Event {
           awards(includeParts: true) { name } } } }`,
    );
    expect(again.data!.entity.awards.map((a) => a.name)).toContain('Inverse probe prize');
  });
});

describe('participations', () => {
  type Page = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      role: string | null;
      event: { slug: string };
      participant: { slug: string };
      node: { slug: string };
      evidence: { kind: string }[];
    }[];
  };
  const PAGE = `participations(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { role event { slug } participant { slug } node { slug } evidence { kind } } }`;

  it('pages the events an organisation took part in, dated first, with role and evidence', async () => {
    const page = async (first: number, after?: string | null): Promise<Page> => {
      const res = await api.gql<{ entity: { participations: Page } }>(
        `query($first: Int, $after: String) { entity(type: ORGANISATION, slug: "st-petersburg-cleantech-cluster") {
          ... on Organisation { ${PAGE} } } }`,
        { first, after },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.entity.participations;
    };
    const one = await page(1);
    expect(one.totalCount).toBe(2);
    expect(one.pageInfo.hasNextPage).toBe(true);
    expect(one.edges).toEqual([
      {
        role: 'presenter',
        event: { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
        participant: { slug: 'st-petersburg-cleantech-cluster' },
        node: { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
        evidence: [{ kind: 'STATED' }],
      },
    ]);
    const two = await page(5, one.pageInfo.endCursor);
    expect(two.pageInfo.hasNextPage).toBe(false);
    // WCEF has no date in the seeds: undated events come last.
    expect(two.edges.map((e) => [e.event.slug, e.role])).toEqual([['wcef', 'past participants']]);
  });

  it("answers a person's participations, and Event.participants names the event on each edge", async () => {
    const res = await api.gql<{
      bianca: { participations: Page };
      margit: { participations: Page };
      meeting: {
        participants: {
          edges: {
            event: { slug: string };
            participant: { slug: string };
            node: { slug: string };
          }[];
        };
      };
    }>(
      `query($first: Int, $after: String) {
        bianca: entity(type: PERSON, slug: "bianca-dragomir") { ... on Person { ${PAGE} } }
        margit: entity(type: PERSON, slug: "margit-ruutelmann") { ... on Person { ${PAGE} } }
        meeting: entity(type: EVENT, slug: "sitra-st-petersburg-cleantech-meeting-2019-10-25") { ... on Event {
          participants(first: 2) { edges { event { slug } participant { slug } node { slug } } } } } }`,
      { first: 10, after: null },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.bianca.participations.edges).toEqual([
      {
        role: 'award winner',
        event: { slug: 'european-cluster-conference-2016' },
        participant: { slug: 'bianca-dragomir' },
        node: { slug: 'european-cluster-conference-2016' },
        evidence: [{ kind: 'EXTERNAL' }],
      },
    ]);
    expect(res.data!.margit.participations.edges.map((e) => [e.event.slug, e.role])).toEqual([
      ['ecc-2016-working-group-green-circular-economy', 'presenter'],
    ]);
    expect(res.data!.meeting.participants.edges).toEqual([
      {
        event: { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
        participant: { slug: 'daniel-kaufmann' },
        node: { slug: 'daniel-kaufmann' },
      },
      {
        event: { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
        participant: { slug: 'elena-belova' },
        node: { slug: 'elena-belova' },
      },
    ]);
  });

  it('reads the participant whole when the edge asks more of it than the node does', async () => {
    const res = await api.gql<{
      entity: {
        participants: {
          edges: { node: { name: string }; participant: { description: string | null } }[];
        };
      };
    }>(
      `{ entity(type: EVENT, slug: "sitra-st-petersburg-cleantech-meeting-2019-10-25") { ... on Event {
        participants(first: 1) { edges { node { name } participant { description } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity.participants.edges).toEqual([
      {
        node: { name: 'Daniel Kaufmann' },
        participant: {
          description:
            'Sitra circular-economy expert who asked the St Petersburg participants about WCEF.',
        },
      },
    ]);
  });

  it.each([
    ['first: 101', 'first'],
    ['first: -1', 'first'],
    ['after: "bm90IGEgY3Vyc29y"', 'after'],
  ])(
    'rejects participations(%s) with BAD_USER_INPUT naming the argument',
    async (args, argument) => {
      const res = await api.gql(
        `{ entity(type: PERSON, slug: "elena-belova") { ... on Person { participations(${args}) { totalCount } } } }`,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(res.data?.entity ?? null).toBeNull();
    },
  );
});

describe('questions and proposals', () => {
  it('answers what a person asked and what organisations put forward', async () => {
    const res = await api.gql<{
      kaufmann: { questions: unknown[]; proposals: unknown[] };
      cluster: { proposals: { summary: string; date: string; proposers: { slug: string }[] }[] };
      sitra: { proposals: { summary: string }[]; questions: unknown[] };
    }>(
      `{ kaufmann: entity(type: PERSON, slug: "daniel-kaufmann") { ... on Person {
           questions { summary answer date askers { slug } event { slug } subjects { slug } evidence { kind } }
           proposals { summary } } }
         cluster: entity(type: ORGANISATION, slug: "st-petersburg-cleantech-cluster") { ... on Organisation {
           proposals { summary date proposers { slug } } } }
         sitra: entity(type: ORGANISATION, slug: "sitra") { ... on Organisation {
           proposals { summary } questions { summary } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.kaufmann).toEqual({
      questions: [
        {
          summary: 'Daniel Kaufmann asked how many of those present had taken part in WCEF.',
          answer: 'All the St Petersburg participants raised their hands.',
          date: '2019-10-25',
          askers: [{ slug: 'daniel-kaufmann' }],
          event: { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
          subjects: [{ slug: 'wcef' }],
          evidence: [{ kind: 'STATED' }],
        },
      ],
      proposals: [],
    });
    const cluster = res.data!.cluster.proposals;
    expect(cluster.map((p) => p.summary).sort()).toEqual([
      'The St Petersburg side put forward the vision of holding WCEF in St Petersburg one year.',
      'The participants discussed setting up a joint portal through which the circular-economy idea would take root in Russia.',
    ]);
    expect(cluster.every((p) => p.date === '2019-10-25')).toBe(true);
    expect(res.data!.sitra).toEqual({
      proposals: [
        {
          summary:
            'The participants discussed setting up a joint portal through which the circular-economy idea would take root in Russia.',
        },
      ],
      questions: [],
    });
  });

  it("lists a person's proposals by date, a recorded one included", async () => {
    const belova = await idOf('PERSON', 'elena-belova');
    const forum = await idOf('EVENT', 'all-russia-strategy-forum-2019');
    for (const [slug, date] of [
      ['belova-proposes-later', '2019-11-02'],
      ['belova-proposes-earlier', '2019-10-28'],
    ]) {
      const res = await api.gql(
        `mutation($input: RecordProposalInput!) { recordProposal(input: $input) { id } }`,
        { input: { slug, date, summary: `Proposal ${slug}.`, proposers: [belova], event: forum } },
      );
      expect(res.errors).toBeUndefined();
    }
    const res = await api.gql<{
      node: { proposals: { summary: string; event: { slug: string } }[] };
    }>(
      'query($id: ID!) { node(id: $id) { ... on Person { proposals { summary event { slug } } } } }',
      { id: belova },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node.proposals).toEqual([
      {
        summary: 'Proposal belova-proposes-earlier.',
        event: { slug: 'all-russia-strategy-forum-2019' },
      },
      {
        summary: 'Proposal belova-proposes-later.',
        event: { slug: 'all-russia-strategy-forum-2019' },
      },
    ]);
  });
});
