/**
 * Facts along PART_OF over HTTP on the seeded graph (issue 15): an event without a place is
 * held where the event it is part of is held, an event without dates spans its parts'; the
 * `events` filters, the Event.effective* fields and the analytics' date windows all follow that
 * rule, and every derived value says so.
 */
import { useSeededApi } from '../support/api';

const api = useSeededApi();

async function idOf(type: string, slug: string): Promise<string> {
  const res = await api.gql<{ entity: { id: string } }>(
    'query($t: EntityType!, $s: String!) { entity(type: $t, slug: $s) { id } }',
    { t: type, s: slug },
  );
  return res.data!.entity.id;
}

const SOURCE = 'derived derivedFrom { slug } chain { slug }';
const EFFECTIVE = `effectivePlace { slug } effectivePlaceSource { ${SOURCE} }
  effectiveStartDate effectiveStartDateSource { ${SOURCE} }
  effectiveEndDate effectiveEndDateSource { ${SOURCE} }`;

type Source = { derived: boolean; derivedFrom: { slug: string } | null; chain: { slug: string }[] };
type Effective = {
  slug: string;
  effectivePlace: { slug: string } | null;
  effectivePlaceSource: Source | null;
  effectiveStartDate: string | null;
  effectiveStartDateSource: Source | null;
  effectiveEndDate: string | null;
  effectiveEndDateSource: Source | null;
};

const stated: Source = { derived: false, derivedFrom: null, chain: [] };
const derivedVia = (...slugs: string[]): Source => ({
  derived: true,
  derivedFrom: { slug: slugs.at(-1)! },
  chain: slugs.map((slug) => ({ slug })),
});

const FORUM = 'all-russia-strategy-forum-2019';
const SESSION = 'circular-economy-session-2019-10-29';
const MEETING = 'sitra-st-petersburg-cleantech-meeting-2019-10-25';

describe('events held in St Petersburg in October 2019, with their organisers', () => {
  it('are the meeting, the forum (place stated, dates from its session) and the session (dates stated, place from the forum)', async () => {
    const stPetersburg = await idOf('PLACE', 'st-petersburg');
    const res = await api.gql<{
      events: {
        totalCount: number;
        edges: { node: { slug: string; organisers: { name: string }[] } }[];
      };
    }>(
      `query($p: ID) { events(filter: { heldIn: $p, from: "2019-10-01", to: "2019-10-31" }, orderBy: START_DATE) {
        totalCount edges { node { slug ... on Event { organisers { name } } } } } }`,
      { p: stPetersburg },
    );
    expect(res.errors).toBeUndefined();
    const events = res.data!.events.edges.map((e) => e.node);
    expect(res.data!.events.totalCount).toBe(3);
    // The meeting starts on the 25th; the forum and its session on the 29th (same key: by id).
    expect(events[0]!.slug).toBe(MEETING);
    expect(events.map((e) => e.slug).sort()).toEqual([FORUM, SESSION, MEETING].sort());
    const organisers = Object.fromEntries(
      events.map((e) => [e.slug, e.organisers.map((o) => o.name)]),
    );
    expect(organisers).toEqual({
      [MEETING]: ['St Petersburg Technopark'],
      [FORUM]: ['Leontief Centre'],
      [SESSION]: ['St Petersburg Cleantech Cluster for Urban Environment'],
    });
  });

  it('say which of their place and dates are stated and which derived, and from which event', async () => {
    const res = await api.gql<{ events: { edges: { node: Effective }[] } }>(
      `query($p: ID) { events(filter: { heldIn: $p, from: "2019-10-01", to: "2019-10-31" }) {
        edges { node { slug ... on Event { ${EFFECTIVE} } } } } }`,
      { p: await idOf('PLACE', 'st-petersburg') },
    );
    expect(res.errors).toBeUndefined();
    const bySlug = Object.fromEntries(res.data!.events.edges.map((e) => [e.node.slug, e.node]));
    const place = { slug: 'st-petersburg' };
    expect(bySlug[MEETING]).toEqual({
      slug: MEETING,
      effectivePlace: place,
      effectivePlaceSource: stated,
      effectiveStartDate: '2019-10-25',
      effectiveStartDateSource: stated,
      effectiveEndDate: '2019-10-25',
      effectiveEndDateSource: stated,
    });
    expect(bySlug[FORUM]).toEqual({
      slug: FORUM,
      effectivePlace: place,
      effectivePlaceSource: stated,
      effectiveStartDate: '2019-10-29',
      effectiveStartDateSource: derivedVia(SESSION),
      effectiveEndDate: '2019-10-29',
      effectiveEndDateSource: derivedVia(SESSION),
    });
    expect(bySlug[SESSION]).toEqual({
      slug: SESSION,
      effectivePlace: place,
      effectivePlaceSource: derivedVia(FORUM),
      effectiveStartDate: '2019-10-29',
      effectiveStartDateSource: stated,
      effectiveEndDate: '2019-10-29',
      effectiveEndDateSource: stated,
    });
  });

  it('never turn a derived value into a stated one: the forum still has no dates, the session no place', async () => {
    const res = await api.gql<{
      forum: { startDate: null; endDate: null };
      session: { place: null };
    }>(
      `{ forum: entity(type: EVENT, slug: "${FORUM}") { ... on Event { startDate endDate } }
         session: entity(type: EVENT, slug: "${SESSION}") { ... on Event { place { slug } } } }`,
    );
    expect(res.data).toEqual({
      forum: { startDate: null, endDate: null },
      session: { place: null },
    });
  });

  it('reads the effective facts of a whole page in one statement', async () => {
    const db = api.db();
    const before = db.queryCount;
    const res = await api.gql(
      `{ events(first: 20) { edges { node { ... on Event { effectivePlace { name } effectiveStartDate
          effectivePlaceSource { derived derivedFrom { name } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    // The list, then the effective facts of its events (places and chains come with them).
    expect(db.queryCount - before).toBe(2);
  });
});

describe('events held in a place or in any place within it', () => {
  const created: { type: string; id: string }[] = [];
  async function create(type: 'Place' | 'Event', input: Record<string, unknown>): Promise<string> {
    const res = await api.gql<Record<string, { id: string }>>(
      `mutation($input: Create${type}Input!) { create${type}(input: $input) { id } }`,
      { input },
    );
    expect(res.errors).toBeUndefined();
    const id = res.data![`create${type}`]!.id;
    created.push({ type, id });
    return id;
  }
  async function link(type: string, from: string, to: string): Promise<boolean> {
    const res = await api.gql('mutation($input: LinkInput!) { linkEntities(input: $input) }', {
      input: { type, from, to },
    });
    return res.errors === undefined;
  }
  async function heldIn(place: string, name?: string): Promise<string[]> {
    const res = await api.gql<{
      events: { totalCount: number; edges: { node: { slug: string } }[] };
    }>(
      `query($p: ID, $n: String) { events(filter: { heldIn: $p, name: $n }, first: 100, orderBy: NAME) {
        totalCount edges { node { slug } } } }`,
      { p: place, n: name ?? null },
    );
    expect(res.errors).toBeUndefined();
    const slugs = res.data!.events.edges.map((e) => e.node.slug);
    expect(res.data!.events.totalCount).toBe(slugs.length);
    return slugs;
  }

  it('in Russia are the three events held in St Petersburg (St Petersburg is part of Russia)', async () => {
    expect((await heldIn(await idOf('PLACE', 'russia'))).sort()).toEqual(
      [FORUM, SESSION, MEETING].sort(),
    );
  });

  it('follow a chain of places written through the API down to the deepest, and the parts held there', async () => {
    // Kolpino is part of St Petersburg, part of Russia; under it a district, a block, a hall.
    const district = await create('Place', {
      name: 'Held In Test District',
      slug: 'held-in-test-district',
      kind: 'DISTRICT',
    });
    const block = await create('Place', {
      name: 'Held In Test Block',
      slug: 'held-in-test-block',
      kind: 'DISTRICT',
    });
    const hall = await create('Place', {
      name: 'Held In Test Hall',
      slug: 'held-in-test-hall',
      kind: 'DISTRICT',
    });
    expect(await link('PART_OF', district, await idOf('PLACE', 'kolpino'))).toBe(true);
    expect(await link('PART_OF', block, district)).toBe(true);
    expect(await link('PART_OF', hall, block)).toBe(true);
    const expo = await create('Event', {
      name: 'Held In Test Expo',
      slug: 'held-in-test-expo',
      kind: 'OTHER',
    });
    const stand = await create('Event', {
      name: 'Held In Test Stand',
      slug: 'held-in-test-stand',
      kind: 'SESSION',
    });
    expect(await link('HELD_IN', expo, hall)).toBe(true);
    expect(await link('PART_OF', stand, expo)).toBe(true);

    const both = ['held-in-test-expo', 'held-in-test-stand'];
    for (const slug of [
      'held-in-test-hall',
      'held-in-test-block',
      'kolpino',
      'st-petersburg',
      'russia',
    ])
      expect(await heldIn(await idOf('PLACE', slug), 'held in test')).toEqual(both);
    expect(await heldIn(await idOf('PLACE', 'russia'))).toEqual(
      expect.arrayContaining([FORUM, SESSION, MEETING, ...both]),
    );
    expect(await heldIn(await idOf('PLACE', 'helsinki'), 'held in test')).toEqual([]);
    // A place within two places: the hall made part of Helsinki too.
    expect(await link('PART_OF', hall, await idOf('PLACE', 'helsinki'))).toBe(true);
    expect(await heldIn(await idOf('PLACE', 'helsinki'), 'held in test')).toEqual(both);

    // The effective place stays the nearest stated one, not the country.
    const res = await api.gql<{ node: { effectivePlace: { slug: string } } }>(
      'query($id: ID!) { node(id: $id) { ... on Event { effectivePlace { slug } } } }',
      { id: stand },
    );
    expect(res.data!.node.effectivePlace).toEqual({ slug: 'held-in-test-hall' });
  });

  it('answers, and does not hang, when PART_OF between places goes round in a circle', async () => {
    const p = await create('Place', {
      name: 'Circle Test P',
      slug: 'circle-test-p',
      kind: 'DISTRICT',
    });
    const q = await create('Place', {
      name: 'Circle Test Q',
      slug: 'circle-test-q',
      kind: 'DISTRICT',
    });
    const r = await create('Place', {
      name: 'Circle Test R',
      slug: 'circle-test-r',
      kind: 'DISTRICT',
    });
    const event = await create('Event', {
      name: 'Circle Test Gathering',
      slug: 'circle-test-gathering',
      kind: 'OTHER',
    });
    expect(await link('HELD_IN', event, r)).toBe(true);
    expect(await link('PART_OF', r, q)).toBe(true);
    expect(await link('PART_OF', q, p)).toBe(true);
    if (!(await link('PART_OF', p, r))) return; // refused: that is an answer too
    for (const place of [p, q, r])
      expect(await heldIn(place, 'circle test')).toEqual(['circle-test-gathering']);
  });

  afterAll(async () => {
    for (const { type, id } of created.reverse())
      await api.gql(`mutation($id: ID!) { delete${type}(id: $id, detach: true) }`, { id });
  });
});

describe('a chain of parts written through the API', () => {
  const created: string[] = [];
  async function create(input: Record<string, unknown>): Promise<string> {
    const res = await api.gql<{ createEvent: { id: string } }>(
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      { input },
    );
    expect(res.errors).toBeUndefined();
    created.push(res.data!.createEvent.id);
    return res.data!.createEvent.id;
  }
  async function link(type: string, from: string, to: string): Promise<void> {
    const res = await api.gql('mutation($input: LinkInput!) { linkEntities(input: $input) }', {
      input: { type, from, to },
    });
    expect(res.errors).toBeUndefined();
  }
  async function effective(id: string): Promise<Effective> {
    const res = await api.gql<{ node: Effective }>(
      `query($id: ID!) { node(id: $id) { ... on Event { slug ${EFFECTIVE} } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.node;
  }

  it('inherits the place down a session of a session and spans the days of the parts up the chain', async () => {
    const place = await api.gql<{ createPlace: { id: string } }>(
      'mutation { createPlace(input: { name: "Chain Test Town", slug: "chain-test-town", kind: CITY, country: "FI" }) { id } }',
    );
    expect(place.errors).toBeUndefined();
    const town = place.data!.createPlace.id;
    // forum (place, no dates) <- track (nothing) <- session A (2031-05-02..03), session B (2031-05-01, a time only)
    const forum = await create({
      name: 'Chain Test Forum',
      slug: 'chain-test-forum',
      kind: 'FORUM',
    });
    const track = await create({
      name: 'Chain Test Track',
      slug: 'chain-test-track',
      kind: 'SESSION',
    });
    const a = await create({
      name: 'Chain Test Session A',
      slug: 'chain-test-session-a',
      kind: 'SESSION',
      startDate: '2031-05-02',
      endDate: '2031-05-03',
    });
    const b = await create({
      name: 'Chain Test Session B',
      slug: 'chain-test-session-b',
      kind: 'SESSION',
      startsAt: '2031-05-01T23:30:00+03:00',
      timeZone: 'Europe/Helsinki',
    });
    await link('HELD_IN', forum, town);
    await link('PART_OF', track, forum);
    await link('PART_OF', a, track);
    await link('PART_OF', b, track);

    const session = await effective(a);
    expect(session.effectivePlace).toEqual({ slug: 'chain-test-town' });
    expect(session.effectivePlaceSource).toEqual(
      derivedVia('chain-test-track', 'chain-test-forum'),
    );
    expect(session.effectiveStartDateSource).toEqual(stated);

    const whole = await effective(forum);
    // B's first day is the day of its startsAt in its own offset (1 May, not 1 May UTC 20:30).
    expect(whole.effectiveStartDate).toBe('2031-05-01');
    expect(whole.effectiveStartDateSource).toEqual(
      derivedVia('chain-test-track', 'chain-test-session-b'),
    );
    expect(whole.effectiveEndDate).toBe('2031-05-03');
    expect(whole.effectiveEndDateSource).toEqual(
      derivedVia('chain-test-track', 'chain-test-session-a'),
    );
    expect((await effective(track)).effectiveStartDate).toBe('2031-05-01');

    const listed = await api.gql<{ events: { edges: { node: { slug: string } }[] } }>(
      `query($p: ID) { events(filter: { heldIn: $p, from: "2031-05-01", to: "2031-05-01" }, orderBy: NAME) {
        edges { node { slug } } } }`,
      { p: town },
    );
    expect(listed.errors).toBeUndefined();
    // A starts on the 2nd; the forum and the track start with B on the 1st.
    expect(listed.data!.events.edges.map((e) => e.node.slug)).toEqual([
      'chain-test-forum',
      'chain-test-session-b',
      'chain-test-track',
    ]);

    // A stated value wins over a derived one: the track gets a place and a first day of its own.
    const elsewhere = await idOf('PLACE', 'helsinki');
    await link('HELD_IN', track, elsewhere);
    const update = await api.gql(
      'mutation($id: ID!) { updateEvent(id: $id, input: { startDate: "2031-04-30" }) { id } }',
      { id: track },
    );
    expect(update.errors).toBeUndefined();
    const again = await effective(a);
    expect(again.effectivePlace).toEqual({ slug: 'helsinki' });
    expect(again.effectivePlaceSource).toEqual(derivedVia('chain-test-track'));
    const forumAgain = await effective(forum);
    expect(forumAgain.effectiveStartDate).toBe('2031-04-30');
    expect(forumAgain.effectiveStartDateSource).toEqual(derivedVia('chain-test-track'));
  });

  it('answers, and does not hang, when PART_OF goes round in a circle', async () => {
    const x = await create({ name: 'Circle Test X', slug: 'circle-test-x', kind: 'SESSION' });
    const y = await create({ name: 'Circle Test Y', slug: 'circle-test-y', kind: 'SESSION' });
    await link('PART_OF', x, y);
    const back = await api.gql('mutation($input: LinkInput!) { linkEntities(input: $input) }', {
      input: { type: 'PART_OF', from: y, to: x },
    });
    if (back.errors) {
      // Refused: that is an answer too.
      expect(back.errors[0]!.extensions.code).toBe('CONFLICT');
      return;
    }
    const res = await effective(x);
    expect(res).toMatchObject({
      effectivePlace: null,
      effectiveStartDate: null,
      effectiveEndDate: null,
    });
    const listed = await api.gql<{ events: { totalCount: number } }>(
      '{ events(filter: { name: "circle test", from: "2000-01-01" }) { totalCount } }',
    );
    expect(listed.data!.events.totalCount).toBe(0);
  });

  afterAll(async () => {
    for (const id of created)
      await api.gql('mutation($id: ID!) { deleteEvent(id: $id, detach: true) }', { id });
  });
});

describe('analytics date windows', () => {
  it("count the forum's links in October 2019: its days are its session's", async () => {
    const forum = await idOf('EVENT', FORUM);
    const res = await api.gql<{
      neighbourhood: { nodes: { id: string; name?: string }[]; edges: { type: string }[] };
    }>(
      `query($id: ID!) { neighbourhood(id: $id, depth: 1, window: { from: "2019-10-01", to: "2019-10-31", includeUndated: false }) {
        nodes { id ... on Entity { name } } edges { source target type } } }`,
      { id: forum },
    );
    expect(res.errors).toBeUndefined();
    const names = res.data!.neighbourhood.nodes.map((n) => n.name);
    // Undated links of the forum take its effective days (29 October): the organiser and the
    // session are in the window, as is the invitation (dated 25 October).
    expect(names).toEqual(
      expect.arrayContaining([
        'All-Russia Strategy Forum 2019',
        'Leontief Centre',
        'Strategies and Best Cluster Practices for Transition to a Circular Economy for Sustainable Urban Development',
      ]),
    );
    expect(res.data!.neighbourhood.edges.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ORGANISED', 'PART_OF', 'TO']),
    );
    const in2018 = await api.gql<{ neighbourhood: { edges: unknown[] } }>(
      `query($id: ID!) { neighbourhood(id: $id, window: { from: "2018-10-01", to: "2018-10-31", includeUndated: false }) {
        edges { type } } }`,
      { id: forum },
    );
    expect(in2018.data!.neighbourhood.edges).toEqual([]);
  });

  it("rank by degree in October 2019 with the forum's links counted", async () => {
    const res = await api.gql<{ centrality: { entity: { slug: string }; score: number }[] }>(
      `{ centrality(measure: DEGREE, types: [EVENT], first: 10, window: { from: "2019-10-01", to: "2019-10-31", includeUndated: false }) {
        score entity { slug } } }`,
    );
    expect(res.errors).toBeUndefined();
    const forum = res.data!.centrality.find((r) => r.entity.slug === FORUM);
    expect(forum?.score).toBeGreaterThan(0);
  });

  it("place the forum in its organiser's timeline on its session's day", async () => {
    const res = await api.gql<{
      timeline: { date: string | null; link: string; node: { slug?: string } }[];
    }>('query($id: ID!) { timeline(id: $id) { date link node { ... on Entity { slug } } } }', {
      id: await idOf('ORGANISATION', 'leontief-centre'),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.timeline).toEqual(
      expect.arrayContaining([{ date: '2019-10-29', link: 'ORGANISED', node: { slug: FORUM } }]),
    );
  });
});
