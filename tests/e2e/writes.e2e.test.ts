/**
 * Write paths over HTTP on the seeded real Neo4j: create, upsert (idempotent), update, delete,
 * link and unlink, each with its failure cases, and the graph unchanged after every failure.
 */
import { useSeededApi } from '../support/api';
import { graphState } from '../support/db';
import { writeHelpers } from '../support/writes';
import { assertGraphIntegrity } from '../support/integrity';

const api = useSeededApi();

// Every write test leaves a graph that keeps every integrity rule.
afterEach(async () => {
  await assertGraphIntegrity(api.db());
});

const { idOf, failing } = writeHelpers(api);

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {
  id slug name kind country aliases { name language } evidence { kind assertedBy url } } }`;

describe('createOrganisation', () => {
  it('creates an organisation with a slug made from its name, ASSERTED by the client', async () => {
    const res = await api.gql<{ createOrganisation: Record<string, unknown> }>(CREATE, {
      input: {
        name: 'Nordic Circular Hub',
        kind: 'CLUSTER',
        country: 'FI',
        aliases: [{ name: 'Pohjoismainen kiertotalouskeskus', language: 'fi' }],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createOrganisation).toMatchObject({
      slug: 'nordic-circular-hub',
      name: 'Nordic Circular Hub',
      kind: 'CLUSTER',
      country: 'FI',
      aliases: [{ name: 'Pohjoismainen kiertotalouskeskus', language: 'fi' }],
      evidence: [{ kind: 'ASSERTED', assertedBy: 'key:test-editor', url: null }],
    });
    const id = res.data!.createOrganisation.id as string;
    const read = await api.gql<{ node: { name: string } }>(
      'query($id: ID!) { node(id: $id) { ... on Organisation { name } } }',
      { id },
    );
    expect(read.data!.node).toEqual({ name: 'Nordic Circular Hub' });
    const search = await api.gql<{ search: { entity: { slug: string } }[] }>(
      '{ search(query: "kiertotalouskeskus") { entity { slug } } }',
    );
    expect(search.data!.search[0]?.entity.slug).toBe('nordic-circular-hub');
  });

  it.each([
    [{ name: '', kind: 'CLUSTER' }, 'input.name'],
    [{ name: 'X', kind: 'CLUSTER', slug: 'Bad Slug' }, 'input.slug'],
    [{ name: 'X', kind: 'CLUSTER', country: 'Finland' }, 'input.country'],
    [{ name: 'X', kind: 'CLUSTER', website: 'javascript:alert(1)' }, 'input.website'],
    [
      { name: 'X', kind: 'CLUSTER', aliases: [{ name: 'Y', language: 'english!' }] },
      'input.aliases[0].language',
    ],
    [
      { name: 'X', kind: 'CLUSTER', evidence: [{ translation: 'nothing to point at' }] },
      'input.evidence[0]',
    ],
    [{ name: 'Леонтьевский', kind: 'CLUSTER' }, 'input.slug'],
  ])(
    'rejects invalid input %j with BAD_USER_INPUT naming %s, writing nothing',
    async (input, argument) => {
      const error = await failing(CREATE, { input });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(error.message).toContain(argument);
    },
  );

  it('rejects an unknown kind before anything runs', async () => {
    const error = await failing(CREATE, { input: { name: 'X', kind: 'GUILD' } });
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers CONFLICT for a slug that is taken, writing nothing', async () => {
    const error = await failing(CREATE, {
      input: { name: 'Sitra Oy', kind: 'FUND', slug: 'sitra' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.slug' });
  });

  it.each([
    ['not in the document', 'Sitra was not there', /is not a verbatim substring of the document/],
    ['too short to state anything', 'a', /at least 3 letters or digits, found 1/],
    ['only punctuation', ' – ', /at least 3 letters or digits, found 0/],
    ['cut inside a word at its start', 'itran esityksessä', /whole words/],
    ['cut inside a word at its end', 'Sitran esityksess', /whole words/],
  ])('refuses a quote %s (%j), writing nothing', async (_case, quote, message) => {
    const document = await idOf('DOCUMENT', 'gnf-2019-10-25-sitra-st-petersburg-meeting');
    const error = await failing(CREATE, {
      input: {
        name: 'Quote Test',
        kind: 'OTHER',
        evidence: [{ document, quote, translation: 'x' }],
      },
    });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.evidence[0].quote',
    });
    expect(error.message).toMatch(message);
    const left = await api
      .db()
      .query("MATCH (o:Organisation {name: 'Quote Test'}) RETURN count(o) AS n");
    expect(Number(left.records[0]!.get('n'))).toBe(0);
  });

  it('accepts a quote of whole words, however short, with punctuation at its edges', async () => {
    const document = await idOf('DOCUMENT', 'gnf-2019-10-25-sitra-st-petersburg-meeting');
    const answer = await api.gql<{ createOrganisation: { id: string } }>(CREATE, {
      input: {
        name: 'Quote Edge Test',
        kind: 'OTHER',
        evidence: [
          { document, quote: 'hyvähenkinen tapaaminen!', translation: 'good-spirited meeting!' },
        ],
      },
    });
    expect(answer.errors).toBeUndefined();
  });
});

describe('upsertOrganisation', () => {
  it('gives exactly one node for 50 concurrent identical upserts, each answered with it', async () => {
    const UPSERT =
      'mutation($input: CreateOrganisationInput!) { upsertOrganisation(input: $input) { id } }';
    const input = { name: 'Concurrent Cluster Oy', kind: 'CLUSTER', country: 'FI' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.gql<{ upsertOrganisation: { id: string } }>(UPSERT, { input }),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data!.upsertOrganisation.id)).size).toBe(1);
    const count = await api
      .db()
      .query("MATCH (o:Organisation) WHERE o.name = 'Concurrent Cluster Oy' RETURN count(o) AS n");
    expect(Number(count.records[0]!.get('n'))).toBe(1);
  });

  it('is idempotent: the same call twice gives one node', async () => {
    const input = {
      name: 'Baltic Cleantech Alliance',
      kind: 'ASSOCIATION',
      evidence: [{ url: 'https://example.org/bca' }],
    };
    const UPSERT =
      'mutation($input: CreateOrganisationInput!) { upsertOrganisation(input: $input) { id slug evidence { kind url } } }';
    const first = await api.gql<{ upsertOrganisation: { id: string; evidence: unknown[] } }>(
      UPSERT,
      { input },
    );
    const before = await graphState(api.db());
    const second = await api.gql<{ upsertOrganisation: { id: string; evidence: unknown[] } }>(
      UPSERT,
      { input },
    );
    expect(second.data!.upsertOrganisation.id).toBe(first.data!.upsertOrganisation.id);
    expect(second.data!.upsertOrganisation.evidence).toEqual([
      { kind: 'EXTERNAL', url: 'https://example.org/bca' },
    ]);
    const after = await graphState(api.db());
    expect(after.labels).toEqual(before.labels);
    expect(after.types).toEqual(before.types);
    const count = await api
      .db()
      .query("MATCH (o:Organisation {slug: 'baltic-cleantech-alliance'}) RETURN count(o) AS n");
    expect(Number(count.records[0]!.get('n'))).toBe(1);
  });
});

describe('updateOrganisation and deleteOrganisation', () => {
  it('updates only the fields given', async () => {
    const id = await idOf('ORGANISATION', 'green-net-finland');
    const res = await api.gql<{
      updateOrganisation: {
        name: string;
        kind: string;
        description: string | null;
        country: string;
      };
    }>(
      'mutation($id: ID!) { updateOrganisation(id: $id, input: { description: "Finnish cleantech network." }) { name kind description country } }',
      { id },
    );
    expect(res.data!.updateOrganisation).toEqual({
      name: 'Green Net Finland',
      kind: 'ASSOCIATION',
      description: 'Finnish cleantech network.',
      country: 'FI',
    });
  });

  it('answers CONFLICT when an update takes a slug another organisation has, writing nothing', async () => {
    const id = await idOf('ORGANISATION', 'green-net-finland');
    const error = await failing(
      'mutation($id: ID!) { updateOrganisation(id: $id, input: { slug: "sitra" }) { id } }',
      { id },
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.slug' });
  });

  it('answers NOT_FOUND for an id that does not exist, writing nothing', async () => {
    const missing = Buffer.from('Organisation:00000000-0000-4000-8000-000000000000').toString(
      'base64url',
    );
    const error = await failing(
      'mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "X" }) { id } }',
      { id: missing },
    );
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });

  // A field every entity of its type has cannot be cleared: null is refused (it was stored,
  // answered INTERNAL_SERVER_ERROR, and broke every list that then met the record).
  it.each([
    { type: 'Organisation', label: 'ORGANISATION', slug: 'green-net-finland', field: 'kind' },
    { type: 'Organisation', label: 'ORGANISATION', slug: 'green-net-finland', field: 'name' },
    { type: 'Organisation', label: 'ORGANISATION', slug: 'green-net-finland', field: 'slug' },
    { type: 'Organisation', label: 'ORGANISATION', slug: 'green-net-finland', field: 'aliases' },
    { type: 'Organisation', label: 'ORGANISATION', slug: 'green-net-finland', field: 'evidence' },
    { type: 'Event', label: 'EVENT', slug: 'wcef', field: 'kind' },
    { type: 'Event', label: 'EVENT', slug: 'wcef', field: 'name' },
    { type: 'Place', label: 'PLACE', slug: 'kolpino', field: 'kind' },
    { type: 'Project', label: 'PROJECT', slug: 'cata3pult', field: 'status' },
    { type: 'Publication', label: 'PUBLICATION', slug: 'circular-economy-playbook', field: 'kind' },
    { type: 'Person', label: 'PERSON', slug: 'daniel-kaufmann', field: 'name' },
    { type: 'Topic', label: 'TOPIC', slug: 'cleantech', field: 'name' },
    { type: 'Award', label: 'AWARD', slug: 'best-cluster-cooperation-project-2016', field: 'name' },
  ])('update$type refuses $field: null, literal or variable, writing nothing', async (row) => {
    const id = await idOf(row.label, row.slug);
    const literal = await failing(
      `mutation($id: ID!) { update${row.type}(id: $id, input: { ${row.field}: null, description: "Changed." }) { id } }`,
      { id },
    );
    expect(literal.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: `input.${row.field}`,
    });
    expect(literal.message).toMatch(new RegExp(`input\\.${row.field}.*cannot be null`));
    const variable = await failing(
      `mutation($id: ID!, $input: Update${row.type}Input!) { update${row.type}(id: $id, input: $input) { id } }`,
      { id, input: { [row.field]: null, description: 'Changed.' } },
    );
    expect(variable.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: `input.${row.field}`,
    });
  });

  it.each(['create', 'upsert'])(
    '%sProject refuses status: null (its default, UNKNOWN, is what to send), writing nothing',
    async (verb) => {
      const error = await failing(
        `mutation { ${verb}Project(input: { name: "Null Status Project", status: null }) { id } }`,
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.status' });
    },
  );

  it('answers CONFLICT when deleting an organisation others reference, writing nothing', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const error = await failing('mutation($id: ID!) { deleteOrganisation(id: $id) }', {
      id: sitra,
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', argument: 'id' });
    expect(error.message).toMatch(/detach: true/);
  });

  it('deletes with detach, taking its relationships along', async () => {
    const created = await api.gql<{ createOrganisation: { id: string } }>(CREATE, {
      input: { name: 'Short Lived Org', kind: 'OTHER' },
    });
    const id = created.data!.createOrganisation.id;
    const helsinki = await idOf('PLACE', 'helsinki');
    const linked = await api.gql(
      'mutation($from: ID!, $to: ID!) { linkEntities(input: { type: BASED_IN, from: $from, to: $to }) }',
      { from: id, to: helsinki },
    );
    expect(linked.errors).toBeUndefined();
    const deleted = await api.gql<{ deleteOrganisation: string }>(
      'mutation($id: ID!) { deleteOrganisation(id: $id, detach: true) }',
      { id },
    );
    expect(deleted.data!.deleteOrganisation).toBe(id);
    const gone = await api.gql<{ node: null }>('query($id: ID!) { node(id: $id) { id } }', { id });
    expect(gone.data!.node).toBeNull();
  });
});

describe('linkEntities and unlinkEntities', () => {
  it('records a relationship with a verbatim quote as evidence, and removes it', async () => {
    const balanev = await idOf('PERSON', 'maksim-balanev');
    const cluster = await idOf('ORGANISATION', 'st-petersburg-cleantech-cluster');
    const document = await idOf('DOCUMENT', 'gnf-2019-10-25-sitra-st-petersburg-meeting');
    const linked = await api.gql(
      `mutation($from: ID!, $to: ID!, $doc: ID!) { linkEntities(input: { type: AFFILIATED_WITH, from: $from, to: $to, role: "speaker",
        evidence: [{ document: $doc, quote: "pietarilaisten yritysten mukaantulosta kiertotalouteen", translation: "St Petersburg companies joining the circular economy", confidence: "INFERRED" }] }) }`,
      { from: balanev, to: cluster, doc: document },
    );
    expect(linked.errors).toBeUndefined();
    const AFFILIATIONS =
      'query($id: ID!) { node(id: $id) { ... on Person { affiliations { role organisation { slug } evidence { kind language quote document { slug } } } } } }';
    const read = await api.gql<{ node: { affiliations: unknown[] } }>(AFFILIATIONS, {
      id: balanev,
    });
    expect(read.data!.node.affiliations).toEqual([
      {
        role: 'speaker',
        organisation: { slug: 'st-petersburg-cleantech-cluster' },
        evidence: [
          {
            kind: 'STATED',
            language: 'fi',
            quote: 'pietarilaisten yritysten mukaantulosta kiertotalouteen',
            document: { slug: 'gnf-2019-10-25-sitra-st-petersburg-meeting' },
          },
        ],
      },
    ]);
    const unlinked = await api.gql(
      'mutation($from: ID!, $to: ID!) { unlinkEntities(input: { type: AFFILIATED_WITH, from: $from, to: $to }) }',
      { from: balanev, to: cluster },
    );
    expect(unlinked.errors).toBeUndefined();
    const after = await api.gql<{ node: { affiliations: unknown[] } }>(AFFILIATIONS, {
      id: balanev,
    });
    expect(after.data!.node.affiliations).toEqual([]);
  });

  it('answers NOT_FOUND for a missing end, writing nothing', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const missing = Buffer.from('Place:00000000-0000-4000-8000-000000000000').toString('base64url');
    const error = await failing(
      'mutation($from: ID!, $to: ID!) { linkEntities(input: { type: BASED_IN, from: $from, to: $to }) }',
      { from: sitra, to: missing },
    );
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.to' });
  });

  it('refuses a relationship between the wrong kinds of thing, writing nothing', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const helsinki = await idOf('PLACE', 'helsinki');
    const error = await failing(
      'mutation($from: ID!, $to: ID!) { linkEntities(input: { type: HELD_IN, from: $from, to: $to }) }',
      { from: sitra, to: helsinki },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.type' });
  });

  it('answers NOT_FOUND when unlinking a relationship that does not exist, writing nothing', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const helsinki = await idOf('PLACE', 'helsinki');
    const error = await failing(
      'mutation($from: ID!, $to: ID!) { unlinkEntities(input: { type: PART_OF, from: $from, to: $to }) }',
      { from: sitra, to: helsinki },
    );
    expect(error.extensions.code).toBe('NOT_FOUND');
  });
});

describe('createPerson', () => {
  it('creates a person, slugged from a name with diacritics, and finds them by a Russian alias', async () => {
    const res = await api.gql<{ createPerson: { slug: string } }>(
      'mutation { createPerson(input: { name: "Jüri Õunapuu", aliases: [{ name: "Юри Оунапуу", language: "ru" }] }) { slug } }',
    );
    expect(res.data!.createPerson.slug).toBe('juri-ounapuu');
    const search = await api.gql<{ search: { matched: string; entity: { slug: string } }[] }>(
      '{ search(query: "Юри") { matched entity { slug } } }',
    );
    expect(search.data!.search[0]).toEqual({
      matched: 'Юри Оунапуу',
      entity: { slug: 'juri-ounapuu' },
    });
  });
});

describe('recordInvitation, recordPresentation, deleteInteraction', () => {
  const RECORD = `mutation($input: RecordInvitationInput!) { recordInvitation(input: $input) {
    id date inviter { name } invitees { name } target { name } onBehalfOf { name } evidence { kind url } } }`;

  it('records an invitation once, however often it is sent', async () => {
    const input = {
      summary: 'Daniel Kaufmann invited the Leontief Centre to WCEF.',
      date: '2019-11-05',
      inviter: await idOf('PERSON', 'daniel-kaufmann'),
      onBehalfOf: await idOf('ORGANISATION', 'sitra'),
      invitees: [await idOf('ORGANISATION', 'leontief-centre')],
      target: await idOf('EVENT', 'wcef'),
      evidence: [{ url: 'https://example.org/wcef-invitation' }],
    };
    const first = await api.gql<{ recordInvitation: { id: string } }>(RECORD, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordInvitation).toMatchObject({
      date: '2019-11-05',
      inviter: { name: 'Daniel Kaufmann' },
      invitees: [{ name: 'Leontief Centre' }],
      target: { name: 'World Circular Economy Forum' },
      onBehalfOf: { name: 'Sitra' },
      evidence: [{ kind: 'EXTERNAL', url: 'https://example.org/wcef-invitation' }],
    });
    const before = await graphState(api.db());
    const again = await api.gql<{ recordInvitation: { id: string } }>(RECORD, { input });
    expect(again.data!.recordInvitation.id).toBe(first.data!.recordInvitation.id);
    expect((await graphState(api.db())).types).toEqual(before.types);
    const sent = await api.gql<{ entity: { invitationsSent: { totalCount: number } } }>(
      '{ entity(type: PERSON, slug: "daniel-kaufmann") { ... on Person { invitationsSent { totalCount } } } }',
    );
    expect(sent.data!.entity.invitationsSent.totalCount).toBe(1);
    const deleted = await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', {
      id: first.data!.recordInvitation.id,
    });
    expect(deleted.errors).toBeUndefined();
  });

  it('racing a detaching delete, every recordInvitation succeeds or answers NOT_FOUND, never half-written', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const codes = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const person = await api.gql<{ createPerson: { id: string } }>(
        'mutation($n: String!) { createPerson(input: { name: $n }) { id } }',
        { n: `Racer ${round}` },
      );
      const project = await api.gql<{ createProject: { id: string } }>(
        'mutation($n: String!) { createProject(input: { name: $n }) { id } }',
        { n: `Race Project ${round}` },
      );
      const inviter = person.data!.createPerson.id;
      const target = project.data!.createProject.id;
      const record = (i: number) =>
        api.gql(RECORD, {
          input: {
            slug: `race-${round}-${i}`,
            summary: 'A race.',
            inviter,
            invitees: [sitra],
            target,
          },
        });
      const answers = await Promise.all([
        record(0),
        record(1),
        record(2),
        api.gql('mutation($id: ID!) { deletePerson(id: $id, detach: true) }', { id: inviter }),
        record(3),
        record(4),
        api.gql('mutation($id: ID!) { deleteProject(id: $id, detach: true) }', { id: target }),
        record(5),
      ]);
      for (const answer of answers) {
        const code = answer.errors?.[0]?.extensions?.code;
        codes.add(typeof code === 'string' ? `${code} ${answer.errors![0]!.message}` : 'ok');
      }
    }
    for (const code of codes) expect(code).toMatch(/^(ok$|NOT_FOUND |CONFLICT )/);
    expect(codes).toContain('ok');
    // Whatever won, no invitation is left without its inviter or target.
    const left = await api
      .db()
      .query(
        'MATCH (i:Invitation) WHERE i.slug STARTS WITH "race-" AND (NOT (i)<-[:EXTENDED]-() OR NOT (i)-[:INVITES]->() OR NOT (i)-[:TO]->()) RETURN count(i) AS n',
      );
    expect(left.records[0]!.get('n').toNumber()).toBe(0);
  });

  it('refuses an invitee of the wrong kind and a missing target, writing nothing', async () => {
    const base = {
      summary: 'x',
      inviter: await idOf('PERSON', 'elena-belova'),
      invitees: [await idOf('ORGANISATION', 'sitra'), await idOf('PLACE', 'helsinki')],
      target: await idOf('EVENT', 'wcef'),
    };
    const wrongKind = await failing(RECORD, { input: base });
    expect(wrongKind.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.invitees[1]',
    });
    const missing = Buffer.from('Event:00000000-0000-4000-8000-000000000000').toString('base64url');
    const noTarget = await failing(RECORD, {
      input: { ...base, invitees: [base.invitees[0]], target: missing },
    });
    expect(noTarget.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.target' });
    const empty = await failing(RECORD, { input: { ...base, invitees: [] } });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.invitees' });
  });

  it('records a presentation at an event, visible from the event', async () => {
    const res = await api.gql<{
      recordPresentation: {
        id: string;
        presenter: { name: string };
        event: { name: string };
        subjects: { name: string }[];
      };
    }>(
      `mutation($input: RecordPresentationInput!) { recordPresentation(input: $input) { id presenter { name } event { name } subjects { name } } }`,
      {
        input: {
          summary: 'Elena Belova presented the Forum of Strategists.',
          presenters: [await idOf('PERSON', 'elena-belova')],
          event: await idOf('EVENT', 'sitra-st-petersburg-cleantech-meeting-2019-10-25'),
          subjects: [await idOf('EVENT', 'forum-of-strategists')],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordPresentation).toMatchObject({
      presenter: { name: 'Elena Belova' },
      event: { name: 'Meeting of Sitra and the St Petersburg cleantech cluster, 25 October 2019' },
      subjects: [{ name: 'Forum of Strategists' }],
    });
    const atEvent = await api.gql<{ entity: { presentations: { totalCount: number } } }>(
      '{ entity(type: EVENT, slug: "sitra-st-petersburg-cleantech-meeting-2019-10-25") { ... on Event { presentations { totalCount } } } }',
    );
    expect(atEvent.data!.entity.presentations.totalCount).toBe(5);
    await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', {
      id: res.data!.recordPresentation.id,
    });
  });

  it('lists the parties of an interaction by name, whatever order they were given or stored in', async () => {
    const slugs = ['sitra', 'leontief-centre', 'ingria', 'st-petersburg-cleantech-cluster'];
    const ids = await Promise.all(slugs.map((slug) => idOf('ORGANISATION', slug)));
    const names = async (id: string): Promise<string[]> => {
      const res = await api.gql<{ node: { subjects: { name: string }[] } }>(
        'query($id: ID!) { node(id: $id) { ... on Presentation { subjects { name } } } }',
        { id },
      );
      return res.data!.node.subjects.map((s) => s.name);
    };
    const recorded: string[] = [];
    // The same subjects in two orders: both answer them by name.
    for (const subjects of [ids, [...ids].reverse()]) {
      const res = await api.gql<{ recordPresentation: { id: string } }>(
        'mutation($input: RecordPresentationInput!) { recordPresentation(input: $input) { id } }',
        {
          input: {
            summary: `Elena Belova presented four organisations (${recorded.length + 1}).`,
            presenters: [await idOf('PERSON', 'elena-belova')],
            subjects,
          },
        },
      );
      expect(res.errors).toBeUndefined();
      recorded.push(res.data!.recordPresentation.id);
    }
    for (const id of recorded) {
      const got = await names(id);
      expect(got).toEqual([...got].sort((a, b) => a.localeCompare(b)));
      expect(got).toHaveLength(4);
      await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', { id });
    }
  });

  it('records a proposal and a question at an event, each idempotent by slug', async () => {
    const meeting = await idOf('EVENT', 'sitra-st-petersburg-cleantech-meeting-2019-10-25');
    const sitra = await idOf('ORGANISATION', 'sitra');
    const balanev = await idOf('PERSON', 'maksim-balanev');
    const PROPOSE = `mutation($input: RecordProposalInput!) { recordProposal(input: $input) { id proposers { slug } event { slug } } }`;
    const proposal = {
      slug: 'joint-summer-school',
      summary: 'Sitra proposed a joint summer school.',
      proposers: [sitra],
      event: meeting,
    };
    const first = await api.gql<{
      recordProposal: { id: string; proposers: { slug: string }[]; event: { slug: string } };
    }>(PROPOSE, { input: proposal });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordProposal).toMatchObject({
      proposers: [{ slug: 'sitra' }],
      event: { slug: 'sitra-st-petersburg-cleantech-meeting-2019-10-25' },
    });
    const again = await api.gql<{ recordProposal: { id: string } }>(PROPOSE, { input: proposal });
    expect(again.data!.recordProposal.id).toBe(first.data!.recordProposal.id);
    const question = await api.gql<{
      recordQuestion: { id: string; answer: string; askers: { slug: string }[] };
    }>(
      `mutation($input: RecordQuestionInput!) { recordQuestion(input: $input) { id answer askers { slug } } }`,
      {
        input: {
          summary: 'Who funds industrial symbiosis pilots?',
          answer: 'Not stated.',
          askers: [balanev],
          event: meeting,
        },
      },
    );
    expect(question.data!.recordQuestion).toMatchObject({
      answer: 'Not stated.',
      askers: [{ slug: 'maksim-balanev' }],
    });
    for (const id of [first.data!.recordProposal.id, question.data!.recordQuestion.id]) {
      const deleted = await api.gql('mutation($id: ID!) { deleteInteraction(id: $id) }', { id });
      expect(deleted.errors).toBeUndefined();
    }
  });

  it('refuses a proposal without proposers, writing nothing', async () => {
    const error = await failing(
      'mutation { recordProposal(input: { summary: "x", proposers: [] }) { id } }',
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.proposers' });
  });

  it('answers NOT_FOUND when deleting an interaction that does not exist, writing nothing', async () => {
    const missing = Buffer.from('Invitation:00000000-0000-4000-8000-000000000000').toString(
      'base64url',
    );
    const error = await failing('mutation($id: ID!) { deleteInteraction(id: $id) }', {
      id: missing,
    });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });
});

describe('writes for every other entity type', () => {
  it('creates an event with its zoned times', async () => {
    const res = await api.gql<{ createEvent: Record<string, unknown> }>(
      `mutation { createEvent(input: { name: "Circular Baltic Day", kind: SESSION, startDate: "2020-05-14",
        startsAt: "2020-05-14T09:00:00Z", endsAt: "2020-05-14T10:30:00Z", timeZone: "Europe/Tallinn" }) {
        slug kind startDate startsAt endsAt timeZone } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createEvent).toEqual({
      slug: 'circular-baltic-day',
      kind: 'SESSION',
      startDate: '2020-05-14',
      startsAt: '2020-05-14T12:00:00+03:00',
      endsAt: '2020-05-14T13:30:00+03:00',
      timeZone: 'Europe/Tallinn',
    });
  });

  it('refuses an unknown time zone, writing nothing', async () => {
    const error = await failing(
      'mutation { createEvent(input: { name: "Bad Zone Day", kind: MEETING, startsAt: "2020-05-14T09:00:00Z", timeZone: "Mars/Olympus" }) { id } }',
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.timeZone' });
  });

  it.each([
    [
      'Project',
      '{ name: "Baltic Loop", status: ACTIVE, startYear: 2021 }',
      'status startYear',
      { status: 'ACTIVE', startYear: 2021 },
      '{ endYear: 2024 }',
      'endYear',
      { endYear: 2024 },
    ],
    [
      'Publication',
      '{ name: "Loop Report", kind: REPORT, date: "2021-03-01" }',
      'kind date',
      { kind: 'REPORT', date: '2021-03-01' },
      '{ url: "https://example.org/r" }',
      'url',
      { url: 'https://example.org/r' },
    ],
    [
      'Place',
      '{ name: "Tartu", kind: CITY, country: "EE", aliases: [{ name: "Дерпт", language: "ru" }] }',
      'kind country',
      { kind: 'CITY', country: 'EE' },
      '{ kind: TOWN }',
      'kind',
      { kind: 'TOWN' },
    ],
    [
      'Topic',
      '{ name: "Urban mining" }',
      'name',
      { name: 'Urban mining' },
      '{ description: "Recovering materials from cities." }',
      'description',
      { description: 'Recovering materials from cities.' },
    ],
    [
      'Award',
      '{ name: "Loop Prize 2021", year: 2021 }',
      'year',
      { year: 2021 },
      '{ name: "Loop Prize" }',
      'name',
      { name: 'Loop Prize' },
    ],
  ])(
    'creates, updates and deletes a %s',
    async (type, create, createFields, created, update, updateFields, updated) => {
      const made = await api.gql<Record<string, Record<string, unknown>>>(
        `mutation { create${type}(input: ${create}) { id ${createFields} } }`,
      );
      expect(made.errors).toBeUndefined();
      const { id, ...fields } = made.data![`create${type}`]!;
      expect(fields).toEqual(created);
      const changed = await api.gql<Record<string, Record<string, unknown>>>(
        `mutation($id: ID!) { update${type}(id: $id, input: ${update}) { ${updateFields} } }`,
        { id },
      );
      expect(changed.data![`update${type}`]).toEqual(updated);
      const deleted = await api.gql<Record<string, string>>(
        `mutation($id: ID!) { delete${type}(id: $id) }`,
        { id },
      );
      expect(deleted.data![`delete${type}`]).toBe(id);
      const gone = await api.gql<{ node: null }>('query($id: ID!) { node(id: $id) { id } }', {
        id,
      });
      expect(gone.data!.node).toBeNull();
    },
  );

  it('refuses an id of another type, writing nothing', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const error = await failing('mutation($id: ID!) { deleteTopic(id: $id) }', { id: sitra });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});
