/**
 * The change feed: every committed write of graph data, in commit order, resumable from a stored
 * cursor, complete under concurrent writers (issue 19).
 */
import { useSeededApi, type GraphQLResponse } from '../support/api';

const api = useSeededApi();

interface ChangeNode {
  id: string;
  seq: number;
  who: string;
  operation: string;
  records: {
    id: string;
    type: string;
    op: string;
    fields: string[];
    from: string | null;
    to: string | null;
  }[];
}
interface Feed {
  changes: {
    edges: { cursor: string; node: ChangeNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const FEED = `query($after: String, $first: Int, $last: Int, $types: [String!]) {
  changes(after: $after, first: $first, last: $last, types: $types) {
    edges { cursor node { id seq who operation records { id type op fields from to } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const read = (
  vars: Record<string, unknown>,
  token?: string | null,
): Promise<GraphQLResponse<Feed>> =>
  api.gql<Feed>(FEED, vars, token === undefined ? api.keys().reader : token);

/** The cursor of the newest change: where a partner that starts now begins. */
async function head(): Promise<string | null> {
  const res = await read({ last: 1 });
  expect(res.errors).toBeUndefined();
  return res.data!.changes.edges[0]?.cursor ?? null;
}

/** Every change after `after`, page by page. */
async function drain(
  after: string | null,
  types?: string[],
): Promise<{ nodes: ChangeNode[]; cursor: string | null }> {
  const nodes: ChangeNode[] = [];
  let cursor = after;
  for (;;) {
    const res = await read({ after: cursor, first: 7, types });
    expect(res.errors).toBeUndefined();
    const page = res.data!.changes;
    nodes.push(...page.edges.map((e) => e.node));
    if (page.edges.length > 0) cursor = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { nodes, cursor };
  }
}

async function write<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await api.gql<T>(query, variables, api.keys().editor);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** POST /import with an editor's key. */
const importNdjson = (body: string): Promise<Response> =>
  fetch(`${api.origin()}/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-ndjson',
      authorization: `Bearer ${api.keys().editor}`,
    },
    body,
  });

const CREATE_TOPIC = `mutation($i: CreateTopicInput!) { createTopic(input: $i) { id } }`;

describe('the change feed', () => {
  it('replays every write in commit order: what, which fields, by whom', async () => {
    const start = await head();
    const { createTopic: a } = await write<{ createTopic: { id: string } }>(CREATE_TOPIC, {
      i: { name: 'Feed topic A', aliases: [{ name: 'Syötteen aihe A', language: 'fi' }] },
    });
    const { createOrganisation: b } = await write<{ createOrganisation: { id: string } }>(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { name: 'Feed Organisation B', kind: 'CLUSTER' } },
    );
    await write(
      `mutation($id: ID!) { updateTopic(id: $id, input: { description: "Changed" }) { id } }`,
      { id: a.id },
    );
    const link = { from: b.id, to: a.id, type: 'ABOUT' };
    await write(`mutation($i: LinkInput!) { linkEntities(input: $i) }`, { i: link });
    await write(`mutation($i: UnlinkInput!) { unlinkEntities(input: $i) }`, { i: link });
    await write(`mutation($id: ID!) { deleteOrganisation(id: $id) }`, { id: b.id });
    // A refused write is not a change.
    const refused = await api.gql(CREATE_TOPIC, { i: { name: 'Feed topic A' } }, api.keys().editor);
    expect(refused.errors?.[0]?.extensions.code).toBe('CONFLICT');

    const { nodes } = await drain(start);
    const seen = nodes.map((n) => [
      n.operation,
      n.records.map((r) => `${r.type} ${r.op} ${r.fields.join(',')}`),
    ]);
    expect(seen).toEqual([
      ['create Topic', ['Topic CREATE slug,name,aliases,evidence']],
      ['create Organisation', ['Organisation CREATE slug,name,kind,evidence']],
      ['update Topic', ['Topic UPDATE description']],
      ['link ABOUT', ['ABOUT CREATE evidence']],
      ['unlink ABOUT', ['ABOUT DELETE ']],
      ['delete entity', ['Organisation DELETE ']],
    ]);
    expect(nodes.map((n) => n.records[0]!.id)).toEqual([
      a.id,
      b.id,
      a.id,
      expect.any(String),
      expect.any(String),
      b.id,
    ]);
    expect(nodes[3]!.records[0]).toMatchObject({ from: b.id, to: a.id });
    expect(nodes[4]!.records[0]!.id).toBe(nodes[3]!.records[0]!.id);
    expect(new Set(nodes.map((n) => n.who))).toEqual(new Set(['key:test-editor']));
    const seqs = nodes.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('resumes from a stored cursor with nothing missed or repeated', async () => {
    const start = await head();
    for (const n of [1, 2, 3]) await write(CREATE_TOPIC, { i: { name: `Resume topic ${n}` } });
    const first = await read({ after: start, first: 2 });
    const stored = first.data!.changes.pageInfo.endCursor;
    expect(first.data!.changes.pageInfo.hasNextPage).toBe(true);
    for (const n of [4, 5]) await write(CREATE_TOPIC, { i: { name: `Resume topic ${n}` } });
    // A partner comes back later with the cursor it stored.
    const rest = await drain(stored);
    const names = [...first.data!.changes.edges.map((e) => e.node), ...rest.nodes].map(
      (n) => n.operation,
    );
    expect(names).toEqual(Array(5).fill('create Topic'));
    const again = await drain(rest.cursor);
    expect(again.nodes).toEqual([]);
  });

  it('misses nothing while many writers commit concurrently and a reader follows', async () => {
    const start = await head();
    const count = 40;
    let writing = true;
    const followed: ChangeNode[] = [];
    const follower = (async () => {
      let cursor = start;
      // Follows the feed while the writes commit, then once more after the last.
      for (let last = false; ;) {
        const page = await drain(cursor, ['Topic']);
        followed.push(...page.nodes);
        cursor = page.cursor;
        if (last) return;
        if (!writing) last = true;
      }
    })();
    const ids = await Promise.all(
      Array.from({ length: count }, async (_, n) => {
        const res = await api.gql<{ upsertTopic: { id: string } }>(
          `mutation($i: CreateTopicInput!) { upsertTopic(input: $i) { id } }`,
          { i: { name: `Concurrent topic ${n}`, description: `writer ${n}` } },
          api.keys().editor,
        );
        expect(res.errors).toBeUndefined();
        return res.data!.upsertTopic.id;
      }),
    );
    writing = false;
    await follower;
    const got = followed.flatMap((n) => n.records.map((r) => r.id));
    expect(got.sort()).toEqual([...ids].sort());
    const seqs = followed.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it('tells only real changes: a write repeating the stored values is none, and a change names only the fields that differ', async () => {
    const start = await head();
    const UPSERT = `mutation($i: CreateTopicInput!) { upsertTopic(input: $i) { id } }`;
    const UPDATE = `mutation($id: ID!, $i: UpdateTopicInput!) { updateTopic(id: $id, input: $i) { id } }`;
    const LINK = `mutation($i: LinkInput!) { linkEntities(input: $i) }`;
    const topic = { slug: 'repeat-topic', name: 'Repeat topic', description: 'First' };
    const { upsertTopic: t } = await write<{ upsertTopic: { id: string } }>(UPSERT, { i: topic });
    await write(UPSERT, { i: topic });
    await write(UPSERT, { i: { ...topic, description: 'Second' } });
    await write(UPDATE, { id: t.id, i: { name: 'Repeat topic', description: 'Second' } });
    await write(UPDATE, { id: t.id, i: { name: 'Repeat topic', description: 'Third' } });
    await write(UPDATE, { id: t.id, i: { aliases: [{ name: 'Toistoaihe', language: 'fi' }] } });
    await write(UPDATE, { id: t.id, i: { aliases: [{ name: 'Toistoaihe', language: 'fi' }] } });
    const { createOrganisation: o } = await write<{ createOrganisation: { id: string } }>(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { name: 'Repeat Organisation', kind: 'CLUSTER' } },
    );
    const page = 'https://example.org/repeat';
    const link = { from: o.id, to: t.id, type: 'ABOUT' };
    await write(LINK, { i: link });
    await write(LINK, { i: link });
    await write(LINK, { i: { ...link, evidence: [{ url: page }] } });
    await write(LINK, { i: { ...link, evidence: [{ url: page }] } });
    // Same source, so the same evidence id; a new confidence is still a change.
    await write(LINK, { i: { ...link, evidence: [{ url: page, confidence: 'INFERRED' }] } });

    const { nodes } = await drain(start);
    expect(
      nodes.map(
        (n) =>
          `${n.operation}: ${n.records.map((r) => `${r.op} ${r.fields.join(',')}`).join('; ')}`,
      ),
    ).toEqual([
      'upsert Topic: CREATE slug,name,description,evidence',
      'upsert Topic: UPDATE description',
      'update Topic: UPDATE description',
      'update Topic: UPDATE aliases',
      'create Organisation: CREATE slug,name,kind,evidence',
      'link ABOUT: CREATE evidence',
      'link ABOUT: UPDATE evidence',
      'link ABOUT: UPDATE evidence',
    ]);

    // The import tells the same: the line repeating the stored values is unchanged, the one
    // with a new confidence for the same source is an update naming evidence.
    const line = (input: Record<string, unknown>): string =>
      JSON.stringify({ entity: 'Topic', input: { ...topic, description: 'Third', ...input } });
    const second = JSON.stringify({
      entity: 'Topic',
      input: { slug: 'repeat-topic-2', name: 'Repeat topic 2' },
    });
    const first = await importNdjson([line({ evidence: [{ url: page }] }), second].join('\n'));
    expect(first.status).toBe(200);
    await first.text();
    const again = await importNdjson(
      [line({ evidence: [{ url: page, confidence: 'INFERRED' }] }), second].join('\n'),
    );
    const report = (await again.text())
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { line?: number; status?: string; fields?: string[] })
      .filter((r) => r.line !== undefined && r.status !== undefined);
    expect(report.map((r) => [r.line, r.status, r.fields])).toEqual([
      [1, 'updated', ['evidence']],
      [2, 'unchanged', []],
    ]);
  });

  it('tells concurrent identical writes as one change: upserts, links, imports and interactions', async () => {
    const { upsertTopic: t } = await write<{ upsertTopic: { id: string } }>(
      `mutation($i: CreateTopicInput!) { upsertTopic(input: $i) { id } }`,
      { i: { slug: 'race-topic', name: 'Race topic', description: 'c' } },
    );
    const { createOrganisation: o } = await write<{ createOrganisation: { id: string } }>(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { name: 'Race Organisation', kind: 'CLUSTER' } },
    );
    const { upsertEvent: ev } = await write<{ upsertEvent: { id: string } }>(
      `mutation($i: CreateEventInput!) { upsertEvent(input: $i) { id } }`,
      { i: { slug: 'race-event', name: 'Race event', kind: 'FORUM' } },
    );
    const { createOrganisation: o2 } = await write<{ createOrganisation: { id: string } }>(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { name: 'Race Organisation Two', kind: 'CLUSTER' } },
    );
    const start = await head();
    const times = <T>(n: number, f: () => Promise<T>): Promise<T[]> =>
      Promise.all(Array.from({ length: n }, f));
    await times(10, () =>
      write(`mutation($i: CreateTopicInput!) { upsertTopic(input: $i) { id } }`, {
        i: { slug: 'race-topic', name: 'Race topic', description: 'c2' },
      }),
    );
    await times(10, () =>
      write(`mutation($i: LinkInput!) { linkEntities(input: $i) }`, {
        i: { from: o.id, to: t.id, type: 'ABOUT', evidence: [{ url: 'https://example.org/r' }] },
      }),
    );
    await times(5, async () => {
      const res = await importNdjson(
        JSON.stringify({
          entity: 'Topic',
          input: { slug: 'race-topic', name: 'Race topic', description: 'c3' },
        }),
      );
      expect(res.status).toBe(200);
      await res.text();
    });
    const invitation = {
      slug: 'race-invitation',
      summary: 'Race invitation',
      date: '2021-05-01',
      inviter: o.id,
      invitees: [o2.id],
      target: ev.id,
    };
    const RECORD = `mutation($i: RecordInvitationInput!) { recordInvitation(input: $i) { id } }`;
    await times(10, () => write(RECORD, { i: invitation }));
    await times(10, () => write(RECORD, { i: invitation }));
    await times(10, () => write(RECORD, { i: { ...invitation, date: '2021-05-02' } }));

    const { nodes } = await drain(start);
    expect(
      nodes.map((n) => `${n.records.map((r) => `${r.type} ${r.op} ${r.fields.join(',')}`)}`),
    ).toEqual([
      'Topic UPDATE description',
      'ABOUT CREATE evidence',
      'Topic UPDATE description',
      'Invitation CREATE slug,summary,date,EXTENDED,INVITES,TO,evidence',
      'Invitation UPDATE date',
    ]);
  });

  it("keeps an event's time zone: startsAt alone stays in it, timeZone alone moves the times into it, and the feed names each", async () => {
    const EVENT = `mutation($i: CreateEventInput!) { upsertEvent(input: $i) { id startsAt timeZone } }`;
    const UPDATE = `mutation($id: ID!, $i: UpdateEventInput!) { updateEvent(id: $id, input: $i) { startsAt endsAt timeZone } }`;
    const { upsertEvent: e } = await write<{ upsertEvent: { id: string } }>(EVENT, {
      i: {
        slug: 'zone-event',
        name: 'Zone event',
        kind: 'FORUM',
        startsAt: '2021-06-01T10:00:00+03:00',
        endsAt: '2021-06-01T11:00:00+03:00',
        timeZone: 'Europe/Helsinki',
      },
    });
    const start = await head();
    type Shown = { updateEvent: { startsAt: string; endsAt: string; timeZone: string | null } };
    const a = await write<Shown>(UPDATE, { id: e.id, i: { startsAt: '2021-06-01T06:00:00Z' } });
    expect(a.updateEvent).toEqual({
      startsAt: '2021-06-01T09:00:00+03:00',
      endsAt: '2021-06-01T11:00:00+03:00',
      timeZone: 'Europe/Helsinki',
    });
    const b = await write<Shown>(UPDATE, { id: e.id, i: { timeZone: 'Asia/Tokyo' } });
    expect(b.updateEvent).toEqual({
      startsAt: '2021-06-01T15:00:00+09:00',
      endsAt: '2021-06-01T17:00:00+09:00',
      timeZone: 'Asia/Tokyo',
    });
    // The same values again, once as given and once in another offset: no change.
    await write<Shown>(UPDATE, { id: e.id, i: { timeZone: 'Asia/Tokyo' } });
    await write<Shown>(UPDATE, { id: e.id, i: { endsAt: '2021-06-01T08:00:00Z' } });
    const { nodes } = await drain(start);
    expect(nodes.map((n) => n.records.map((r) => `${r.op} ${r.fields.join(',')}`))).toEqual([
      ['UPDATE startsAt'],
      ['UPDATE startsAt,endsAt,timeZone'],
    ]);
  });

  it('keeps every instant through clock changes, stores a zone given before any time, and spells zones one way', async () => {
    const EVENT = `mutation($i: CreateEventInput!) { upsertEvent(input: $i) { id startsAt endsAt timeZone } }`;
    const UPDATE = `mutation($id: ID!, $i: UpdateEventInput!) { updateEvent(id: $id, input: $i) { startsAt endsAt timeZone } }`;
    type Shown = { startsAt: string | null; endsAt: string | null; timeZone: string | null };
    // 03:30 on 2024-10-27 happens twice in Helsinki: 00:30Z (+03:00) and 01:30Z (+02:00).
    const { upsertEvent: e } = await write<{ upsertEvent: Shown & { id: string } }>(EVENT, {
      i: {
        slug: 'overlap-event',
        name: 'Overlap event',
        kind: 'FORUM',
        startsAt: '2024-10-27T01:30:00Z',
        timeZone: 'Europe/Helsinki',
      },
    });
    expect(e.startsAt).toBe('2024-10-27T03:30:00+02:00');
    const start = await head();
    const earlier = await write<{ updateEvent: Shown }>(UPDATE, {
      id: e.id,
      i: { startsAt: '2024-10-27T00:30:00Z' },
    });
    expect(earlier.updateEvent.startsAt).toBe('2024-10-27T03:30:00+03:00');
    const utc = await write<{ updateEvent: Shown }>(UPDATE, { id: e.id, i: { timeZone: 'UTC' } });
    expect(utc.updateEvent).toMatchObject({ startsAt: '2024-10-27T00:30:00Z', timeZone: 'UTC' });
    const back = await write<{ updateEvent: Shown }>(UPDATE, {
      id: e.id,
      i: { timeZone: 'europe/helsinki' },
    });
    expect(back.updateEvent).toMatchObject({
      startsAt: '2024-10-27T03:30:00+03:00',
      timeZone: 'Europe/Helsinki',
    });
    // The same zone in other letters, and the same instant again: no change.
    await write(UPDATE, { id: e.id, i: { timeZone: 'EUROPE/HELSINKI' } });
    await write(UPDATE, { id: e.id, i: { startsAt: '2024-10-27T00:30:00Z' } });

    // A zone before any time, then an end time alone: shown in it, and read back.
    const { upsertEvent: z } = await write<{ upsertEvent: Shown & { id: string } }>(EVENT, {
      i: {
        slug: 'zone-first-event',
        name: 'Zone first event',
        kind: 'FORUM',
        timeZone: 'Asia/Tokyo',
      },
    });
    expect(z.timeZone).toBe('Asia/Tokyo');
    const ends = await write<{ updateEvent: Shown }>(UPDATE, {
      id: z.id,
      i: { endsAt: '2024-06-01T09:00:00Z' },
    });
    expect(ends.updateEvent).toEqual({
      startsAt: null,
      endsAt: '2024-06-01T18:00:00+09:00',
      timeZone: 'Asia/Tokyo',
    });
    const cleared = await api.gql(UPDATE, { id: z.id, i: { timeZone: null } }, api.keys().editor);
    expect(cleared.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.timeZone',
    });

    const { nodes } = await drain(start);
    expect(
      nodes.map((n) => `${n.operation}: ${n.records.map((r) => `${r.op} ${r.fields.join(',')}`)}`),
    ).toEqual([
      'update Event: UPDATE startsAt',
      'update Event: UPDATE startsAt,timeZone',
      'update Event: UPDATE startsAt,timeZone',
      'upsert Event: CREATE slug,name,kind,timeZone,evidence',
      'update Event: UPDATE endsAt',
    ]);
  });

  it('filters by type, and refuses unknown types, foreign cursors and anonymous callers', async () => {
    const start = await head();
    const { createTopic: t } = await write<{ createTopic: { id: string } }>(CREATE_TOPIC, {
      i: { name: 'Typed feed topic' },
    });
    await write(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, {
      i: { name: 'Typed Feed Organisation', kind: 'CLUSTER' },
    });
    const topics = await drain(start, ['Topic']);
    expect(topics.nodes.map((n) => n.records.map((r) => r.id))).toEqual([[t.id]]);
    const both = await drain(start, ['Topic', 'Organisation']);
    expect(both.nodes).toHaveLength(2);

    const unknown = await read({ types: ['Topic', 'Planet'] });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'types',
    });
    expect(unknown.errors?.[0]?.message).toContain('"Planet"');
    const foreign = await api.gql(
      `query($c: String) { auditEntries(first: 1) { edges { cursor } } c: changes(after: $c) { totalCount } }`,
      { c: 'bm90LWEtY3Vyc29y' },
      api.keys().admin,
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
    const audit = await api.gql<{ auditEntries: { edges: { cursor: string }[] } }>(
      `{ auditEntries(first: 1) { edges { cursor } } }`,
      {},
      api.keys().admin,
    );
    const other = await read({ after: audit.data!.auditEntries.edges[0]!.cursor });
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
    const anonymous = await read({ first: 1 }, null);
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('tells concurrent imports and upserts of one new slug as one create, every id a real node', async () => {
    const start = await head();
    const slugs = ['race-org-1', 'race-org-2', 'race-org-3'];
    const body = slugs
      .map((slug) =>
        JSON.stringify({
          entity: 'Organisation',
          input: { slug, name: `Race ${slug}`, kind: 'CLUSTER' },
        }),
      )
      .join('\n');
    const send = async (): Promise<void> => {
      const res = await importNdjson(body);
      expect(res.status).toBe(200);
      await res.text();
    };
    const upsert = async (slug: string): Promise<void> => {
      const res = await api.gql(
        `mutation($i: CreateOrganisationInput!) { upsertOrganisation(input: $i) { id } }`,
        { i: { slug, name: `Race ${slug}`, kind: 'CLUSTER' } },
        api.keys().editor,
      );
      expect(res.errors).toBeUndefined();
    };
    await Promise.all([send(), send(), send(), ...slugs.map(upsert)]);
    const { nodes } = await drain(start, ['Organisation']);
    const records = nodes.flatMap((n) => n.records);
    const creates = records.filter((r) => r.op === 'CREATE');
    expect(creates).toHaveLength(slugs.length);
    // Every id the feed names is a node that exists.
    const ids = [...new Set(records.map((r) => r.id))];
    expect(ids).toHaveLength(slugs.length);
    for (const id of ids) {
      const found = await api.gql<{ node: { id: string } | null }>(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id },
      );
      expect(found.data!.node).toEqual({ id });
    }
  });
});
