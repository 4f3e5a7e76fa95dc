/**
 * Documents over HTTP on the seeded real Neo4j: addDocument stores a new Finnish document about
 * Sitra and St Petersburg once and finds its mentions through inflected forms, a fact recorded
 * through an existing mutation quotes it, the lists page and filter, and bad input, readers and
 * anonymous callers are refused with the graph unchanged.
 */
import { useSeededApi } from '../support/api';
import { assertGraphIntegrity } from '../support/integrity';
import { writeHelpers } from '../support/writes';
import { MAX_DOCUMENT_LENGTH } from '../../src/modules/document/document.inputs';

const api = useSeededApi();
afterEach(async () => {
  await assertGraphIntegrity(api.db());
});
const { idOf, failing } = writeHelpers(api);

const TEXT = [
  'Sitran asiantuntijat vierailivat Pietarissa marraskuussa 2026.',
  'Tapaamisessa Leontief -keskuksesta kerrottiin Pietarin cleantech -klusterin uusista hankkeista.',
  'Sitra ja Leontief-keskus sopivat yhteistyöstä kiertotaloudessa.',
  'Maksim Balanev Pietarin Technoparkista esitteli yritysten kokemuksia.',
].join('\n\n');

const ADD = `mutation($input: AddDocumentInput!) { addDocument(input: $input) {
  id slug title language text date url
  mentions(first: 50) { totalCount edges { node { start end form entity { slug }
    spans { start end form } } } } } }`;

interface Added {
  id: string;
  slug: string;
  text: string;
  date: string | null;
  mentions: {
    totalCount: number;
    edges: {
      node: {
        start: number;
        end: number;
        form: string;
        entity: { slug: string };
        spans: { start: number; end: number; form: string }[];
      };
    }[];
  };
}

const INPUT = {
  title: 'Sitra ja Pietarin kiertotalous',
  language: 'fi',
  text: TEXT,
  url: 'https://example.org/sitra-pietari',
  publishedAt: '2026-11-20',
};

describe('addDocument', () => {
  let added: Added;

  it('stores a Finnish document and finds its mentions through inflected forms', async () => {
    const publisher = await idOf('ORGANISATION', 'sitra');
    const res = await api.gql<{ addDocument: Added }>(ADD, { input: { ...INPUT, publisher } });
    expect(res.errors).toBeUndefined();
    added = res.data!.addDocument;
    expect(added).toMatchObject({ text: TEXT, date: '2026-11-20' });
    const bySlug = new Map(added.mentions.edges.map((e) => [e.node.entity.slug, e.node]));
    expect(bySlug.get('sitra')!.spans.map((s) => s.form)).toEqual(['Sitran', 'Sitra']);
    expect(bySlug.get('st-petersburg')!.form).toBe('Pietarissa');
    expect(bySlug.get('leontief-centre')!.spans.map((s) => s.form)).toEqual([
      'Leontief -keskuksesta',
      'Leontief-keskus',
    ]);
    expect(bySlug.get('st-petersburg-cleantech-cluster')!.form).toBe(
      'Pietarin cleantech -klusterin',
    );
    expect(bySlug.get('circular-economy')!.form).toBe('kiertotaloudessa');
    // Every offset points at its form in the text (JavaScript string offsets).
    for (const { node } of added.mentions.edges)
      for (const span of node.spans) expect(TEXT.slice(span.start, span.end)).toBe(span.form);
    // Text order, each entity once.
    const starts = added.mentions.edges.map((e) => e.node.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(added.mentions.totalCount).toBe(bySlug.size);
  });

  it('answers the same document for the same text, changing nothing', async () => {
    const again = await api.gql<{ addDocument: Added }>(ADD, {
      input: { ...INPUT, title: 'Another title' },
    });
    expect(again.errors).toBeUndefined();
    expect(again.data!.addDocument.id).toBe(added.id);
    expect(again.data!.addDocument.slug).toBe(added.slug);
    const count = await api.db().query('MATCH (d:Document {sha256: $sha}) RETURN count(d) AS n', {
      sha: (
        await api.db().query('MATCH (d:Document {slug: $slug}) RETURN d.sha256 AS s', {
          slug: added.slug,
        })
      ).records[0]!.get('s'),
    });
    expect(Number(count.records[0]!.get('n'))).toBe(1);
  });

  it('stores concurrent adds of one text as one document', async () => {
    const input = { title: 'Rinnakkain', language: 'fi', text: 'Sitra ja Pietari, yhtä aikaa.' };
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => api.gql<{ addDocument: Added }>(ADD, { input })),
    );
    for (const a of answers) expect(a.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.data!.addDocument.id)).size).toBe(1);
  });

  it('lets a fact quote the new document as STATED evidence, verbatim', async () => {
    const balanev = await idOf('PERSON', 'maksim-balanev');
    const technopark = await idOf('ORGANISATION', 'st-petersburg-technopark');
    const quote = 'Maksim Balanev Pietarin Technoparkista esitteli yritysten kokemuksia.';
    const LINK = `mutation($from: ID!, $to: ID!, $doc: ID!, $quote: String!) { linkEntities(input: { type: AFFILIATED_WITH,
      from: $from, to: $to, role: "speaker", evidence: [{ document: $doc, quote: $quote,
      translation: "Maksim Balanev of the St Petersburg Technopark presented the companies' experience." }] }) }`;
    const linked = await api.gql(LINK, { from: balanev, to: technopark, doc: added.id, quote });
    expect(linked.errors).toBeUndefined();
    const read = await api.gql<{
      node: { affiliations: { organisation: { slug: string }; evidence: unknown[] }[] };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Person { affiliations { organisation { slug }
        evidence { kind quote language document { id } } } } } }`,
      { id: balanev },
    );
    expect(read.errors).toBeUndefined();
    const affiliation = read.data!.node.affiliations.find(
      (a) => a.organisation.slug === 'st-petersburg-technopark',
    );
    expect(affiliation!.evidence).toContainEqual({
      kind: 'STATED',
      quote,
      language: 'fi',
      document: { id: added.id },
    });
    // A quote that is not in the text is refused, as for the seed documents.
    const refused = await failing(LINK, {
      from: balanev,
      to: technopark,
      doc: added.id,
      quote: 'Maksim Balanev ei esitellyt mitään.',
    });
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.evidence[0].quote',
    });
  });

  it('lists the document in documents (filters) and in Entity.mentionedIn', async () => {
    const sitra = await idOf('ORGANISATION', 'sitra');
    const LIST = `query($f: DocumentFilter) { documents(filter: $f, first: 10) { totalCount edges { node { slug } } } }`;
    const slugs = async (f: Record<string, unknown>): Promise<string[]> => {
      const res = await api.gql<{ documents: { edges: { node: { slug: string } }[] } }>(LIST, {
        f,
      });
      expect(res.errors).toBeUndefined();
      return res.data!.documents.edges.map((e) => e.node.slug);
    };
    expect(await slugs({ language: 'fi', from: '2026-11-01' })).toEqual([added.slug]);
    expect(await slugs({ publisher: sitra })).toEqual([added.slug]);
    expect(await slugs({ language: 'et' })).toEqual(['ejkl-2016-12-european-cluster-conference']);
    expect(await slugs({ to: '2016-12-31' })).toEqual(['ejkl-2016-12-european-cluster-conference']);
    // A bad filter names itself as filter.<field>, not as an input.
    const bad = await api.gql(LIST, { f: { language: 'xx-!!' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.language',
    });
    const mentioned = await api.gql<{
      node: { mentionedIn: { edges: { node: { slug: string } }[] } };
    }>(
      'query($id: ID!) { node(id: $id) { ... on Entity { mentionedIn(first: 10) { edges { node { slug } } } } } }',
      {
        id: sitra,
      },
    );
    expect(mentioned.data!.node.mentionedIn.edges.map((e) => e.node.slug)).toEqual(
      expect.arrayContaining([added.slug, 'gnf-2019-10-25-sitra-st-petersburg-meeting']),
    );
  });

  it('tells the change feed what it created', async () => {
    const entry = await api
      .db()
      .query(
        "MATCH (a:AuditEntry) WHERE a.operation = 'add Document' RETURN a.items AS items ORDER BY a.seq LIMIT 1",
      );
    const items = JSON.parse(entry.records[0]!.get('items') as string) as {
      id: string;
      type: string;
      op: string;
      fields: string[];
    }[];
    expect(items).toEqual([
      expect.objectContaining({ id: added.id, type: 'Document', op: 'CREATE' }),
    ]);
    expect(items[0]!.fields).toEqual(expect.arrayContaining(['title', 'text', 'language', 'url']));
  });

  it.each([
    [{ ...INPUT, text: 'x', language: 'Finnish' }, 'input.language'],
    [{ ...INPUT, text: '' }, 'input.text'],
    [{ ...INPUT, text: 'a'.repeat(MAX_DOCUMENT_LENGTH + 1) }, 'input.text'],
    [{ ...INPUT, text: 'y', url: 'ftp://example.org/x' }, 'input.url'],
    [{ ...INPUT, text: 'z', title: '' }, 'input.title'],
  ])('refuses bad input %#, naming the argument', async (input, argument) => {
    const error = await failing(ADD, { input });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('refuses readers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const input = { ...INPUT, text: 'Sitra kirjoitti tämän.' };
    const reader = await api.gql(ADD, { input }, api.keys().reader);
    expect(reader.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(ADD, { input }, null);
    expect(anonymous.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const stored = await api
      .db()
      .query("MATCH (d:Document) WHERE d.text = 'Sitra kirjoitti tämän.' RETURN count(d) AS n");
    expect(Number(stored.records[0]!.get('n'))).toBe(0);
  });
});
