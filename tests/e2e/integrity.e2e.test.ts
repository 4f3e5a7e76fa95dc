/**
 * Writes under concurrency and the graph's integrity rules, over HTTP on the seeded real Neo4j:
 * concurrent creates have exactly one winner and every answer is what was stored; a delete
 * never leaves an interaction without a party it needs; a damaged record never fails a whole
 * list; a STATED evidence always has its quote. After every test the whole graph keeps every
 * integrity rule.
 */
import { useSeededApi, type GraphQLResponse } from '../support/api';
import { writeHelpers } from '../support/writes';
import { assertGraphIntegrity, graphViolations } from '../support/integrity';

const api = useSeededApi();

afterEach(async () => {
  await assertGraphIntegrity(api.db());
});

const { idOf, failing } = writeHelpers(api);

function parallel<T>(n: number, call: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => call(i)));
}

const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

describe('concurrent creates and records', () => {
  it('30 parallel createOrganisation with one slug: one success, 29 CONFLICT, the winner stored', async () => {
    const CREATE =
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id slug name } }';
    const answers = await parallel(30, (i) =>
      api.gql<{ createOrganisation: { id: string; name: string } }>(CREATE, {
        input: { slug: 'race-cluster', name: `Race Cluster ${i}`, kind: 'CLUSTER' },
      }),
    );
    const won = answers.filter((a) => !a.errors);
    const lost = answers.filter((a) => a.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(29);
    for (const a of lost) {
      expect(a.data?.createOrganisation ?? null).toBeNull();
      expect(a.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.slug' });
      expect(a.errors![0]!.message).toMatch(/race-cluster/);
    }
    const stored = await api
      .db()
      .query(
        "MATCH (o:Organisation {slug: 'race-cluster'}) RETURN o.id AS id, o.name AS name, count(*) AS n",
      );
    expect(stored.records).toHaveLength(1);
    expect(stored.records[0]!.get('name')).toBe(won[0]!.data!.createOrganisation.name);
    expect(stored.records[0]!.get('id')).toBe(uuidOf(won[0]!.data!.createOrganisation.id));
  });

  it.each([
    ['Organisation', { kind: 'OTHER' }],
    ['Person', {}],
    ['Event', { kind: 'MEETING' }],
    ['Project', {}],
    ['Publication', { kind: 'REPORT' }],
    ['Place', { kind: 'CITY' }],
    ['Topic', {}],
    ['Award', {}],
  ])('10 parallel create%s with one slug: exactly one succeeds', async (type, fields) => {
    const slug = `race-${type.toLowerCase()}`;
    const answers = await parallel(10, (i) =>
      api.gql<Record<string, { name: string }>>(
        `mutation($input: Create${type}Input!) { create${type}(input: $input) { id name } }`,
        { input: { slug, name: `Race ${type} ${i}`, ...fields } },
      ),
    );
    const won = answers.filter((a) => !a.errors);
    expect(won).toHaveLength(1);
    for (const a of answers.filter((x) => x.errors)) {
      expect(a.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.slug' });
    }
    const stored = await api
      .db()
      .query(`MATCH (n:${type} {slug: $slug}) RETURN collect(n.name) AS names`, { slug });
    expect(stored.records[0]!.get('names')).toEqual([won[0]!.data![`create${type}`]!.name]);
  });

  it('20 parallel upserts of one slug: each caller is answered with what its write stored', async () => {
    const UPSERT =
      'mutation($input: CreateOrganisationInput!) { upsertOrganisation(input: $input) { id name description } }';
    const answers = await parallel(20, (i) =>
      api.gql<{ upsertOrganisation: { id: string; name: string; description: string } }>(UPSERT, {
        input: {
          slug: 'upsert-race',
          name: `Upsert Race ${i}`,
          description: `written by caller ${i}`,
          kind: 'OTHER',
        },
      }),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data!.upsertOrganisation.id)).size).toBe(1);
    answers.forEach((a, i) => {
      expect(a.data!.upsertOrganisation).toMatchObject({
        name: `Upsert Race ${i}`,
        description: `written by caller ${i}`,
      });
    });
    const stored = await api
      .db()
      .query(
        "MATCH (o:Organisation {slug: 'upsert-race'}) RETURN o.name AS name, o.description AS d",
      );
    expect(stored.records).toHaveLength(1);
    const name = stored.records[0]!.get('name') as string;
    expect(stored.records[0]!.get('d')).toBe(`written by caller ${name.split(' ').at(-1)}`);
  });

  it('20 parallel recordInvitation of one slug: one node, each answer its own parties, stored whole', async () => {
    const RECORD = `mutation($input: RecordInvitationInput!) { recordInvitation(input: $input) {
      id summary inviter { slug } invitees { slug } target { slug } } }`;
    const invitees = await Promise.all(
      ['sitra', 'leontief-centre', 'green-net-finland'].map((s) => idOf('ORGANISATION', s)),
    );
    const inviter = await idOf('PERSON', 'elena-belova');
    const target = await idOf('EVENT', 'wcef');
    const answers = await parallel(20, (i) =>
      api.gql<{
        recordInvitation: { id: string; summary: string; invitees: { slug: string }[] };
      }>(RECORD, {
        input: {
          slug: 'invitation-race',
          summary: `caller ${i}`,
          inviter,
          target,
          invitees: [invitees[i % 3]],
        },
      }),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data!.recordInvitation.id)).size).toBe(1);
    const slugs = ['sitra', 'leontief-centre', 'green-net-finland'];
    answers.forEach((a, i) => {
      expect(a.data!.recordInvitation.summary).toBe(`caller ${i}`);
      expect(a.data!.recordInvitation.invitees).toEqual([{ slug: slugs[i % 3] }]);
    });
    const stored = await api.db().query(
      `MATCH (i:Invitation {slug: 'invitation-race'})
       RETURN i.summary AS summary, [(i)-[:INVITES]->(e) | e.slug] AS invitees`,
    );
    expect(stored.records).toHaveLength(1);
    const caller = Number((stored.records[0]!.get('summary') as string).split(' ')[1]);
    expect(stored.records[0]!.get('invitees')).toEqual([slugs[caller % 3]]);
    await api
      .db()
      .write((tx) => tx.run("MATCH (i:Invitation {slug: 'invitation-race'}) DETACH DELETE i"));
  });

  it('30 parallel linkEntities of one pair leave one relationship', async () => {
    const from = await idOf('ORGANISATION', 'green-net-finland');
    const to = await idOf('PLACE', 'helsinki');
    const answers = await parallel(30, (i) =>
      api.gql(
        `mutation($from: ID!, $to: ID!, $url: String!) { linkEntities(input: { type: BASED_IN, from: $from, to: $to, evidence: [{ url: $url }] }) }`,
        { from, to, url: `https://example.org/based-in/${i}` },
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const count = await api
      .db()
      .query(
        "MATCH (:Organisation {slug: 'green-net-finland'})-[r:BASED_IN]->(:Place {slug: 'helsinki'}) RETURN count(r) AS n, sum(size(r.evidenceIds)) AS ev",
      );
    expect(Number(count.records[0]!.get('n'))).toBe(1);
  });
});

describe('deletes keep the integrity rules', () => {
  const RECORD =
    'mutation($input: RecordInvitationInput!) { recordInvitation(input: $input) { id } }';

  async function person(name: string): Promise<string> {
    const res = await api.gql<{ createPerson: { id: string } }>(
      'mutation($name: String!) { createPerson(input: { name: $name }) { id } }',
      { name },
    );
    return res.data!.createPerson.id;
  }

  it('refuses deletePerson(detach: true) of the only inviter with CONFLICT naming the invitation', async () => {
    const inviter = await person('Ida Inviter');
    const invitation = await api.gql<{ recordInvitation: { id: string } }>(RECORD, {
      input: {
        summary: 'Ida invited Sitra to WCEF.',
        inviter,
        invitees: [await idOf('ORGANISATION', 'sitra')],
        target: await idOf('EVENT', 'wcef'),
      },
    });
    const invitationId = invitation.data!.recordInvitation.id;
    const error = await failing('mutation($id: ID!) { deletePerson(id: $id, detach: true) }', {
      id: inviter,
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', argument: 'id' });
    expect(error.extensions.dependents).toEqual([invitationId]);
    expect(error.message).toContain(invitationId);
    const list = await api.gql(
      '{ invitations(first: 100) { edges { node { inviter { name } target { name } } } } }',
    );
    expect(list.errors).toBeUndefined();
    // Deleting the invitation first lets the person go.
    await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', { id: invitationId });
    const deleted = await api.gql('mutation($id: ID!) { deletePerson(id: $id, detach: true) }', {
      id: inviter,
    });
    expect(deleted.errors).toBeUndefined();
  });

  it('deletes one of two invitees with detach; the invitation keeps the other', async () => {
    const first = await person('Ivo Invitee');
    const second = await person('Ilse Invitee');
    const invitation = await api.gql<{ recordInvitation: { id: string } }>(RECORD, {
      input: {
        summary: 'Sitra invited Ivo and Ilse to WCEF.',
        inviter: await idOf('ORGANISATION', 'sitra'),
        invitees: [first, second],
        target: await idOf('EVENT', 'wcef'),
      },
    });
    const id = invitation.data!.recordInvitation.id;
    const deleted = await api.gql('mutation($id: ID!) { deletePerson(id: $id, detach: true) }', {
      id: first,
    });
    expect(deleted.errors).toBeUndefined();
    const read = await api.gql<{ node: { invitees: { name: string }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on Invitation { invitees { name } } } }',
      { id },
    );
    expect(read.data!.node.invitees).toEqual([{ name: 'Ilse Invitee' }]);
    await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', { id });
  });

  it('refuses deleteEvent(detach: true) of the only target and deleteOrganisation of the only presenter', async () => {
    const event = await api.gql<{ createEvent: { id: string } }>(
      'mutation { createEvent(input: { name: "Doomed Forum", kind: FORUM }) { id } }',
    );
    const target = event.data!.createEvent.id;
    const org = await api.gql<{ createOrganisation: { id: string } }>(
      'mutation { createOrganisation(input: { name: "Doomed Presenter Oy", kind: COMPANY }) { id } }',
    );
    const presenter = org.data!.createOrganisation.id;
    const invitation = await api.gql<{ recordInvitation: { id: string } }>(RECORD, {
      input: {
        summary: 'Sitra invited the presenter to the forum.',
        inviter: await idOf('ORGANISATION', 'sitra'),
        invitees: [presenter],
        target,
      },
    });
    const presentation = await api.gql<{ recordPresentation: { id: string } }>(
      'mutation($input: RecordPresentationInput!) { recordPresentation(input: $input) { id } }',
      { input: { summary: 'It presented.', presenters: [presenter], event: target } },
    );
    const noTarget = await failing('mutation($id: ID!) { deleteEvent(id: $id, detach: true) }', {
      id: target,
    });
    expect(noTarget.extensions).toMatchObject({ code: 'CONFLICT', argument: 'id' });
    expect(noTarget.extensions.dependents).toEqual([invitation.data!.recordInvitation.id]);
    const noPresenter = await failing(
      'mutation($id: ID!) { deleteOrganisation(id: $id, detach: true) }',
      { id: presenter },
    );
    expect(noPresenter.extensions.code).toBe('CONFLICT');
    expect(new Set(noPresenter.extensions.dependents as string[])).toEqual(
      new Set([invitation.data!.recordInvitation.id, presentation.data!.recordPresentation.id]),
    );
    for (const id of [
      invitation.data!.recordInvitation.id,
      presentation.data!.recordPresentation.id,
    ]) {
      await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', { id });
    }
  });
});

describe('a damaged record never fails a whole list', () => {
  it('reports an entity that lacks a field every entity of its type has (legacy damage)', async () => {
    await api
      .db()
      .write((tx) =>
        tx.run(
          "MATCH (o:Organisation {slug: 'green-net-finland'}) SET o.keptKind = o.kind REMOVE o.kind",
        ),
      );
    try {
      const violations = await graphViolations(api.db());
      expect(violations.map((v) => [v.rule, v.kind])).toEqual([
        ['entity-required-fields', 'Organisation'],
      ]);
      expect(violations[0]!.problem).toMatch(/green-net-finland lacks kind/);
    } finally {
      await api
        .db()
        .write((tx) =>
          tx.run(
            "MATCH (o:Organisation {slug: 'green-net-finland'}) SET o.kind = o.keptKind REMOVE o.keptKind",
          ),
        );
    }
  });

  it.each([
    [
      'an alias equal to its name',
      "o.aliasNames = o.aliasNames + ' green net FINLAND', o.aliasLanguages = o.aliasLanguages + 'fi'",
      /green-net-finland has its name as the alias " green net FINLAND"/,
    ],
    [
      'the same alias twice in one language',
      "o.aliasNames = ['GNF', 'gnf'], o.aliasLanguages = ['en', 'EN']",
      /green-net-finland has the alias "gnf" twice in one language/,
    ],
  ])('reports an entity with %s (issue 15)', async (_what, damage, problem) => {
    await api.db().write((tx) =>
      tx.run(
        // green-net-finland has two aliases (GNF in en, Green Net Finland ry in fi).
        `MATCH (o:Organisation {slug: 'green-net-finland'}) SET o.keptNames = o.aliasNames, o.keptLanguages = o.aliasLanguages SET ${damage}`,
      ),
    );
    try {
      const violations = await graphViolations(api.db());
      expect(violations.map((v) => [v.rule, v.kind])).toEqual([['entity-aliases', 'Organisation']]);
      expect(violations[0]!.problem).toMatch(problem);
    } finally {
      await api
        .db()
        .write((tx) =>
          tx.run(
            "MATCH (o:Organisation {slug: 'green-net-finland'}) SET o.aliasNames = o.keptNames, o.aliasLanguages = o.keptLanguages REMOVE o.keptNames, o.keptLanguages",
          ),
        );
    }
  });

  it('answers the other invitations when one has lost its inviter (legacy damage)', async () => {
    const recorded = await api.gql<{ recordInvitation: { id: string } }>(
      'mutation($input: RecordInvitationInput!) { recordInvitation(input: $input) { id } }',
      {
        input: {
          slug: 'damaged-invitation',
          summary: 'Damaged on purpose.',
          inviter: await idOf('PERSON', 'daniel-kaufmann'),
          invitees: [await idOf('ORGANISATION', 'leontief-centre')],
          target: await idOf('EVENT', 'wcef'),
        },
      },
    );
    const damaged = recorded.data!.recordInvitation.id;
    // Legacy damage: the inviter's link removed behind the API's back.
    await api
      .db()
      .write((tx) =>
        tx.run("MATCH (:Entity)-[r:EXTENDED]->(:Invitation {slug: 'damaged-invitation'}) DELETE r"),
      );
    expect((await graphViolations(api.db())).map((v) => v.rule)).toEqual(['invitation-inviter']);
    try {
      const LIST =
        '{ invitations(first: 100) { totalCount edges { node { id inviter { name } target { name } } } } }';
      for (const query of [
        LIST,
        LIST.replace(
          'inviter { name }',
          'inviter { name ... on Person { affiliations { role } } }',
        ),
      ]) {
        const list = await api.gql<{
          invitations: { edges: { node: { id: string; inviter: { name: string } } }[] };
        }>(query);
        expect(list.errors).toBeUndefined();
        const ids = list.data!.invitations.edges.map((e) => e.node.id);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids).not.toContain(damaged);
      }
      // Pages of one still walk every complete invitation, and the total agrees.
      const PAGE =
        'query($after: String) { invitations(first: 1, after: $after) { totalCount edges { node { id inviter { name } } } pageInfo { hasNextPage endCursor } } }';
      const walked: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let guard = 0; guard < 50; guard += 1) {
        const res: GraphQLResponse<{
          invitations: {
            totalCount: number;
            edges: { node: { id: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }> = await api.gql(PAGE, { after });
        expect(res.errors).toBeUndefined();
        total = res.data!.invitations.totalCount;
        walked.push(...res.data!.invitations.edges.map((e) => e.node.id));
        if (!res.data!.invitations.pageInfo.hasNextPage) break;
        after = res.data!.invitations.pageInfo.endCursor;
      }
      const stored = await api.db().query('MATCH (i:Invitation) RETURN count(i) AS n');
      expect(walked).not.toContain(damaged);
      expect(new Set(walked).size).toBe(Number(stored.records[0]!.get('n')) - 1);
      expect(total).toBe(walked.length);
      const received: GraphQLResponse<{
        entity: { invitationsReceived: { edges: { node: { id: string } }[] } };
      }> = await api.gql(
        '{ entity(type: ORGANISATION, slug: "leontief-centre") { ... on Organisation { invitationsReceived { edges { node { id inviter { name } } } } } } }',
      );
      expect(received.errors).toBeUndefined();
      expect(received.data!.entity.invitationsReceived.edges.map((e) => e.node.id)).not.toContain(
        damaged,
      );
      const node = await api.gql<{ node: unknown }>(
        'query($id: ID!) { node(id: $id) { ... on Invitation { inviter { name } } } }',
        { id: damaged },
      );
      expect(node.errors).toBeUndefined();
      expect(node.data!.node).toBeNull();
    } finally {
      await api
        .db()
        .write((tx) => tx.run("MATCH (i:Invitation {slug: 'damaged-invitation'}) DETACH DELETE i"));
    }
  });
});

describe('a STATED evidence always has its quote', () => {
  const DOC = 'gnf-2019-10-25-sitra-st-petersburg-meeting';

  it.each([
    ['without a quote', [{ document: 'DOC' }], 'input.evidence[0].quote', /quote/],
    [
      'with a blank quote',
      [{ url: 'https://example.org/x' }, { document: 'DOC', quote: '   ' }],
      'input.evidence[1].quote',
      /quote/,
    ],
    [
      'repeating a source (its translation or confidence would silently win)',
      [
        { url: 'https://example.org/x' },
        { url: 'https://example.org/y' },
        { url: 'https://example.org/x', confidence: 'INFERRED' },
      ],
      'input.evidence[2]',
      /input\.evidence\[2\] repeats input\.evidence\[0\]/,
    ],
    [
      'repeating a url in other letter case',
      [{ url: 'https://EXAMPLE.org/dup' }, { url: 'https://example.org/dup' }],
      'input.evidence[1]',
      /input\.evidence\[1\] repeats input\.evidence\[0\]/,
    ],
  ] as [string, { document?: string }[], string, RegExp][])(
    'refuses evidence %s on every input that takes evidence',
    async (_, given, argument, message) => {
      const document = await idOf('DOCUMENT', DOC);
      const evidence = given.map((e) => (e.document ? { ...e, document } : e));
      const sitra = await idOf('ORGANISATION', 'sitra');
      const helsinki = await idOf('PLACE', 'helsinki');
      const wcef = await idOf('EVENT', 'wcef');
      const calls: [string, Record<string, unknown>][] = [
        [
          'mutation($e: [EvidenceInput!]) { createOrganisation(input: { name: "No Quote Oy", kind: OTHER, evidence: $e }) { id } }',
          {},
        ],
        [
          'mutation($e: [EvidenceInput!]) { upsertTopic(input: { name: "No quote topic", evidence: $e }) { id } }',
          {},
        ],
        [
          'mutation($e: [EvidenceInput!], $id: ID!) { updateOrganisation(id: $id, input: { evidence: $e }) { id } }',
          { id: sitra },
        ],
        [
          'mutation($e: [EvidenceInput!], $a: ID!, $b: ID!) { linkEntities(input: { type: BASED_IN, from: $a, to: $b, evidence: $e }) }',
          { a: sitra, b: helsinki },
        ],
        [
          'mutation($e: [EvidenceInput!], $a: ID!, $b: ID!) { recordInvitation(input: { summary: "x", inviter: $a, invitees: [$a], target: $b, evidence: $e }) { id } }',
          { a: sitra, b: wcef },
        ],
        [
          'mutation($e: [EvidenceInput!], $a: ID!) { recordPresentation(input: { summary: "x", presenters: [$a], evidence: $e }) { id } }',
          { a: sitra },
        ],
        [
          'mutation($e: [EvidenceInput!], $a: ID!) { recordProposal(input: { summary: "x", proposers: [$a], evidence: $e }) { id } }',
          { a: sitra },
        ],
        [
          'mutation($e: [EvidenceInput!], $a: ID!) { recordQuestion(input: { summary: "x", askers: [$a], evidence: $e }) { id } }',
          { a: sitra },
        ],
      ];
      for (const [query, variables] of calls) {
        const error = await failing(query, { ...variables, e: evidence });
        expect({ query, extensions: error.extensions }).toMatchObject({
          query,
          extensions: { code: 'BAD_USER_INPUT', argument },
        });
        expect(error.message).toMatch(message);
      }
    },
  );
});
