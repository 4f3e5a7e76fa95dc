/**
 * The seed loader on the real Neo4j: counts per label and relationship type (expected counts are
 * derived from the YAML files themselves, independently of the planner), idempotency, evidence
 * integrity, time zones, aliases, and every bad-file case leaving the graph as it was.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Database } from '../../src/db/database';
import { DEFAULT_SEED_DIR, loadSeeds } from '../../src/seed/load';
import { SeedError } from '../../src/seed/plan';
import { graphState, useSeededGraph } from '../support/db';

interface RawFile {
  document?: { slug: string; publisher?: string };
  entities?: { slug: string; type: string }[];
  mentions?: { entity: string }[];
  relationships?: { type: string; from: string; to: string }[];
  invitations?: { invitees: string[]; onBehalfOf?: string }[];
  presentations?: {
    presenters: string[];
    subjects?: string[];
    event?: string;
    onBehalfOf?: string;
  }[];
  proposals?: { proposers: string[]; subjects?: string[]; event?: string }[];
  questions?: { askers: string[]; subjects?: string[]; event?: string }[];
}

/** Expected counts, read straight from the YAML (relationships are unique per type and ends). */
function expectedCounts(seedDir: string): {
  labels: Record<string, number>;
  types: Record<string, number>;
} {
  const files = readdirSync(path.join(seedDir, 'graph'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(path.join(seedDir, 'graph', f), 'utf8')) as RawFile);
  const labels: Record<string, number> = {};
  const bump = (map: Record<string, number>, key: string, by = 1): void => {
    map[key] = (map[key] ?? 0) + by;
  };
  const rels = new Set<string>();
  const types: Record<string, number> = {};
  for (const f of files) {
    if (f.document) {
      bump(labels, 'Document');
      bump(labels, 'Entity');
      if (f.document.publisher) rels.add(`PUBLISHED|${f.document.publisher}|${f.document.slug}`);
    }
    for (const e of f.entities ?? []) {
      bump(labels, e.type);
      bump(labels, 'Entity');
      if (f.document) rels.add(`MENTIONS|${f.document.slug}|${e.slug}`);
    }
    for (const m of f.mentions ?? []) rels.add(`MENTIONS|${f.document!.slug}|${m.entity}`);
    for (const r of f.relationships ?? []) rels.add(`${r.type}|${r.from}|${r.to}`);
    const interactions = (
      label: string,
      items: unknown[] | undefined,
      links: (item: never) => Record<string, number>,
    ): void => {
      for (const item of items ?? []) {
        bump(labels, label);
        bump(labels, 'Interaction');
        if (f.document) bump(types, 'MENTIONS');
        for (const [type, n] of Object.entries(links(item as never))) bump(types, type, n);
      }
    };
    interactions('Invitation', f.invitations, (i: NonNullable<RawFile['invitations']>[number]) => ({
      EXTENDED: 1,
      INVITES: i.invitees.length,
      TO: 1,
      ON_BEHALF_OF: i.onBehalfOf ? 1 : 0,
    }));
    interactions(
      'Presentation',
      f.presentations,
      (p: NonNullable<RawFile['presentations']>[number]) => ({
        GAVE: p.presenters.length,
        AT: p.event ? 1 : 0,
        ABOUT: p.subjects?.length ?? 0,
        ON_BEHALF_OF: p.onBehalfOf ? 1 : 0,
      }),
    );
    interactions('Proposal', f.proposals, (p: NonNullable<RawFile['proposals']>[number]) => ({
      PUT_FORWARD: p.proposers.length,
      AT: p.event ? 1 : 0,
      ABOUT: p.subjects?.length ?? 0,
    }));
    interactions('Question', f.questions, (q: NonNullable<RawFile['questions']>[number]) => ({
      ASKED: q.askers.length,
      AT: q.event ? 1 : 0,
      ABOUT: q.subjects?.length ?? 0,
    }));
  }
  for (const key of rels) bump(types, key.split('|')[0]!);
  return {
    labels,
    types: Object.fromEntries(Object.entries(types).filter(([, n]) => n > 0)),
  };
}

function copySeeds(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-seeds-'));
  cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, 'graph', file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(full, after);
}

const MEETING_FILE = '10-gnf-2019-10-25-sitra-meeting.yaml';

describe('seed loader on the real Neo4j', () => {
  const graph = useSeededGraph();
  let db: Database;
  beforeAll(() => {
    db = graph();
  });

  it('holds as many nodes per label and relationships per type as the seed files state', async () => {
    const state = await graphState(db);
    const expected = expectedCounts(DEFAULT_SEED_DIR);
    for (const [label, n] of Object.entries(expected.labels))
      expect([label, state.labels[label]]).toEqual([label, n]);
    for (const [type, n] of Object.entries(expected.types))
      expect([type, state.types[type]]).toEqual([type, n]);
    expect(state.labels.Document).toBe(2);
    expect(state.labels.Entity).toBeGreaterThan(60);
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await graphState(db);
    await loadSeeds(db);
    const after = await graphState(db);
    expect(after.labels).toEqual(before.labels);
    expect(after.types).toEqual(before.types);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('keeps the documents byte for byte', async () => {
    const result = await db.query('MATCH (d:Document) RETURN d.file AS file, d.text AS text');
    expect(result.records).toHaveLength(2);
    for (const r of result.records) {
      expect(r.get('text')).toBe(
        readFileSync(path.join(DEFAULT_SEED_DIR, r.get('file') as string), 'utf8'),
      );
    }
  });

  it('holds the same documents and README as shared/seed-documents, when that folder is beside the clone', () => {
    const shared = path.resolve(__dirname, '..', '..', '..', 'shared', 'seed-documents');
    const local = path.join(DEFAULT_SEED_DIR, 'documents');
    const ours = readdirSync(local).sort();
    expect(ours).toEqual(['000_5851b2a6f80c5466.txt', '002_02c354764cfabf8a.txt', 'README.md']);
    // CI and the team's machines have shared/ beside the clone; a lone clone has only our copy.
    const theirs = existsSync(shared) ? readdirSync(shared).sort() : ours;
    expect(theirs).toEqual(ours);
    for (const name of ours) {
      const original = existsSync(shared) ? path.join(shared, name) : path.join(local, name);
      expect([name, readFileSync(path.join(local, name)).equals(readFileSync(original))]).toEqual([
        name,
        true,
      ]);
    }
  });

  it('has a verbatim, translated quote behind every STATED piece of evidence', async () => {
    const result = await db.query(`
      MATCH (e:Evidence {kind: 'STATED'})
      OPTIONAL MATCH (e)-[:SOURCE]->(d:Document)
      RETURN count(e) AS stated,
             count(CASE WHEN d IS NULL OR NOT d.text CONTAINS e.quote THEN 1 END) AS notVerbatim,
             count(CASE WHEN e.translation IS NULL OR e.language IS NULL THEN 1 END) AS untranslated`);
    const r = result.records[0]!;
    expect(Number(r.get('stated'))).toBeGreaterThan(100);
    expect(Number(r.get('notVerbatim'))).toBe(0);
    expect(Number(r.get('untranslated'))).toBe(0);
    const external = await db.query(
      "MATCH (e:Evidence {kind: 'EXTERNAL'}) WHERE e.url IS NULL OR NOT e.url STARTS WITH 'http' RETURN count(e) AS n",
    );
    expect(Number(external.records[0]!.get('n'))).toBe(0);
  });

  it('gives every fact evidence: relationships, interactions and entities', async () => {
    const result = await db.query(`
      CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE size(coalesce(r.evidenceIds, [])) = 0 RETURN count(r) AS bareRels }
      CALL () { MATCH (i:Interaction) WHERE size(coalesce(i.evidenceIds, [])) = 0 RETURN count(i) AS bareInteractions }
      CALL () { MATCH (n:Entity) WHERE NOT n:Document AND size(coalesce(n.evidenceIds, [])) = 0 AND NOT ()-[:MENTIONS]->(n) RETURN count(n) AS bareEntities }
      CALL () { MATCH (n) WHERE n.evidenceIds IS NOT NULL UNWIND n.evidenceIds AS id OPTIONAL MATCH (e:Evidence {id: id}) WITH id, e WHERE e IS NULL RETURN count(id) AS dangling }
      RETURN bareRels, bareInteractions, bareEntities, dangling`);
    const r = result.records[0]!;
    expect(
      ['bareRels', 'bareInteractions', 'bareEntities', 'dangling'].map((k) => Number(r.get(k))),
    ).toEqual([0, 0, 0, 0]);
  });

  it('keeps the session time with its time zone (11:30-13:15 Moscow time)', async () => {
    const result = await db.query(`
      MATCH (s:Event {slug: 'circular-economy-session-2019-10-29'})
      RETURN toString(s.startsAt) AS startsAt, toString(s.endsAt) AS endsAt, s.startsAt.timezone AS zone,
             toString(datetime({datetime: s.startsAt, timezone: 'UTC'})) AS utc, toString(s.startDate) AS day`);
    const r = result.records[0]!;
    expect(r.get('startsAt')).toBe('2019-10-29T11:30:00+03:00[Europe/Moscow]');
    expect(r.get('endsAt')).toBe('2019-10-29T13:15:00+03:00[Europe/Moscow]');
    expect(r.get('zone')).toBe('Europe/Moscow');
    expect(r.get('utc')).toBe('2019-10-29T08:30:00Z[UTC]');
    expect(r.get('day')).toBe('2019-10-29');
  });

  it('stores multilingual aliases with language tags', async () => {
    const result = await db.query(`
      MATCH (n:Entity) WHERE n.slug IN ['st-petersburg', 'leontief-centre', 'waste-recycling-cluster']
      RETURN n.slug AS slug, [i IN range(0, size(n.aliasNames) - 1) | n.aliasLanguages[i] + ':' + n.aliasNames[i]] AS aliases`);
    const bySlug = Object.fromEntries(
      result.records.map((r) => [r.get('slug'), r.get('aliases') as string[]]),
    );
    expect(bySlug['st-petersburg']).toEqual(
      expect.arrayContaining(['fi:Pietari', 'ru:Санкт-Петербург']),
    );
    expect(bySlug['leontief-centre']).toEqual(
      expect.arrayContaining(['fi:Leontief-keskus', 'ru:Леонтьевский центр']),
    );
    expect(bySlug['waste-recycling-cluster']).toEqual(
      expect.arrayContaining(['et:Jäätmete Taaskasutusklaster']),
    );
  });

  it.each([
    ['PIETARI', 'st-petersburg'],
    ['ruutelmann', 'margit-ruutelmann'],
    ['леонтьевский', 'leontief-centre'],
    ['jaatmete taaskasutusklaster', 'waste-recycling-cluster'],
    ['Brüssel', 'brussels'],
  ])('finds %s through the folding full-text index', async (query, slug) => {
    const result = await db.query(
      "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node RETURN node.slug AS slug LIMIT 3",
      { query },
    );
    expect(result.records.map((r) => r.get('slug'))).toContain(slug);
  });

  describe('a bad file stops the load, names the problem, and writes nothing', () => {
    let dir: string;
    beforeEach(() => {
      dir = copySeeds();
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    async function expectRejected(pattern: RegExp): Promise<void> {
      const before = await graphState(db);
      let error: unknown;
      try {
        await loadSeeds(db, dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SeedError);
      expect((error as Error).message).toMatch(pattern);
      const after = await graphState(db);
      expect(after.fingerprint).toBe(before.fingerprint);
    }

    it('an unknown reference', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace(
          '    from: daniel-kaufmann\n    to: sitra',
          '    from: daniel-kaufmann\n    to: sitra-oy',
        ),
      );
      await expectRejected(
        /^graph\/10-gnf-2019-10-25-sitra-meeting\.yaml: relationships\[0\] \(AFFILIATED_WITH daniel-kaufmann -> sitra-oy\)\.to: unknown reference "sitra-oy"$/,
      );
    });

    it('a fact without evidence', async () => {
      edit(dir, '90-public-facts.yaml', (t) =>
        t.replace(
          /( {2}- type: BASED_IN\n {4}from: sitra\n {4}to: helsinki\n {4}evidence:)\n.*\n/,
          '$1 []\n',
        ),
      );
      await expectRejected(
        /^graph\/90-public-facts\.yaml: relationships\[0\]\.evidence: every fact needs at least one piece of evidence$/,
      );
    });

    it('a quote that is not a verbatim substring of its document', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace('quote: Sitran Daniel Kaufmannin\n', 'quote: Sitran Daniel Kauffmanin\n'),
      );
      await expectRejected(
        /^graph\/10-gnf-2019-10-25-sitra-meeting\.yaml: relationships\[0\] \(AFFILIATED_WITH daniel-kaufmann -> sitra\)\.evidence\[0\]: the quote is not a verbatim substring of documents\/000_5851b2a6f80c5466\.txt/,
      );
    });

    it('a date that does not exist', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace(
          'startDate: 2019-10-25\n    endDate: 2019-10-25',
          'startDate: 2019-02-30\n    endDate: 2019-10-25',
        ),
      );
      await expectRejected(
        /^graph\/10-gnf-2019-10-25-sitra-meeting\.yaml: entities\[\d+\]\.startDate: must be a real calendar date YYYY-MM-DD$/,
      );
    });

    it('an end before its start', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace(
          'endsAt: 2019-10-29T13:15:00+03:00[Europe/Moscow]',
          'endsAt: 2019-10-29T10:15:00+03:00[Europe/Moscow]',
        ),
      );
      await expectRejected(/entities\[\d+\]\.endsAt: endsAt is before startsAt$/);
    });

    it('a date-time on another day than the date beside it', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace(
          'startsAt: 2019-10-29T11:30:00+03:00[Europe/Moscow]',
          'startsAt: 2019-10-28T11:30:00+03:00[Europe/Moscow]',
        ),
      );
      await expectRejected(
        /entities\[\d+\]\.startsAt: startsAt falls on 2019-10-28, not on startDate 2019-10-29$/,
      );
    });

    it('a time without its zone', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace(
          'startsAt: 2019-10-29T11:30:00+03:00[Europe/Moscow]',
          'startsAt: 2019-10-29T11:30:00',
        ),
      );
      await expectRejected(/entities\[\d+\]\.startsAt: must be a date-time with offset and zone/);
    });

    it('a relationship between the wrong kinds of thing', async () => {
      edit(dir, '90-public-facts.yaml', (t) =>
        t.replace(
          '  - type: BASED_IN\n    from: sitra\n    to: helsinki',
          '  - type: HELD_IN\n    from: sitra\n    to: helsinki',
        ),
      );
      await expectRejected(
        /relationships\[0\] \(HELD_IN sitra -> helsinki\): HELD_IN cannot start at an Organisation/,
      );
    });

    it('a quote in Finnish without its translation', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace("        translation: Sitra's Daniel Kaufmann\n", ''),
      );
      await expectRejected(/evidence\[0\]: a quote in "fi" needs its English translation$/);
    });

    it('a duplicate slug', async () => {
      edit(dir, '90-public-facts.yaml', (t) =>
        t.replace('  - slug: helsinki\n', '  - slug: sitra\n'),
      );
      await expectRejected(
        /slug "sitra" is already defined in graph\/10-gnf-2019-10-25-sitra-meeting\.yaml$/,
      );
    });

    it('an alias that repeats an earlier alias, as the API refuses it (issue 15)', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace(
          '      - { name: Peterburi, language: et }\n',
          "      - { name: Peterburi, language: et }\n      - { name: ' pietari ', language: fi }\n",
        ),
      );
      await expectRejected(
        /^graph\/10-gnf-2019-10-25-sitra-meeting\.yaml: entities\[\d+\]\.aliases\[4\]: repeats aliases\[0\] \("pietari" in fi\): give each alias once\.$/,
      );
    });

    it('an alias that repeats the name, as the API refuses it (issue 15)', async () => {
      edit(dir, MEETING_FILE, (t) =>
        t.replace(
          '      - { name: Peterburi, language: et }\n',
          '      - { name: Peterburi, language: et }\n      - { name: ST PETERSBURG, language: en }\n',
        ),
      );
      await expectRejected(
        /^graph\/10-gnf-2019-10-25-sitra-meeting\.yaml: entities\[\d+\]\.aliases\[4\]: repeats the name "St Petersburg": an alias is another name; leave it out\.$/,
      );
    });

    it('a file that is not valid YAML', async () => {
      edit(dir, '90-public-facts.yaml', (t) => `${t}\n  - [unclosed\n`);
      await expectRejected(/^graph\/90-public-facts\.yaml: \(file\): is not valid YAML/);
    });
  });
});
