/**
 * search() finds every entity by its own names, on the real Neo4j: a walk over every entity of
 * the seed graph and of a generated graph, searching each name and alias as written, lower
 * case, without diacritics and without stop words, expecting the entity among the hits and
 * first when the name is exact and belongs to no other entity. Plus the names issue 15 reported
 * lost, a name longer than the word bound, and the stop words the service assumes.
 */
import { MAX_NAME_LENGTH } from '../../src/shared/inputs';
import type { Database } from '../../src/db/database';
import { generateGraph } from '../../src/generate/generate';
import { loadGenerated } from '../../src/generate/load';
import { STOP_WORDS } from '../../src/modules/search/search.query';
import { createServices, type Services } from '../../src/schema';
import type { Context } from '../../src/modules/request/context';
import { createLogger } from '../../src/shared/logger';
import { ANONYMOUS } from '../../src/shared/principal';
import { clearGraph, openTestDatabase } from '../support/db';

// The test's own notion of "the same name", independent of the service's: Latin letters
// without diacritics, lower case, letters and digits only.
const latin = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
const words = (s: string): string[] =>
  latin(s)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const key = (s: string): string => words(s).join(' ');
const looseKey = (s: string): string =>
  words(s)
    .filter((w) => !STOP_WORDS.has(w))
    .join(' ');
/** The name without its stop words, or null when it has none (or nothing else). */
function withoutStopWords(name: string): string | null {
  const kept = name.split(/\s+/).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return kept.length === name.split(/\s+/).length || kept.length === 0 ? null : kept.join(' ');
}

interface Named {
  id: string;
  names: string[];
}

async function entities(db: Database): Promise<Named[]> {
  const result = await db.query(
    'MATCH (n:Entity) RETURN n.id AS id, [n.name] + coalesce(n.aliasNames, []) AS names ORDER BY n.id',
  );
  return result.records.map((r) => ({ id: r.get('id') as string, names: r.get('names') }));
}

interface Miss {
  query: string;
  variant: string;
  expected: string;
  got: string[];
  first: boolean;
}

/**
 * Searches every name and alias of `sample` in its variants; returns what went wrong (nothing
 * when all is well), so a failure lists every miss at once.
 */
async function walk(services: Services, all: Named[], sample: Named[]): Promise<Miss[]> {
  const owners = new Map<string, Set<string>>();
  const looseOwners = new Map<string, Set<string>>();
  for (const e of all)
    for (const n of e.names) {
      owners.set(key(n), (owners.get(key(n)) ?? new Set()).add(e.id));
      looseOwners.set(looseKey(n), (looseOwners.get(looseKey(n)) ?? new Set()).add(e.id));
    }
  const jobs: { query: string; variant: string; expected: string; unique: boolean }[] = [];
  for (const e of sample)
    for (const name of new Set(e.names)) {
      const unique = owners.get(key(name))!.size === 1;
      jobs.push(
        { variant: 'as written', query: name, expected: e.id, unique },
        { variant: 'lower case', query: name.toLowerCase(), expected: e.id, unique },
        { variant: 'without diacritics', query: latin(name), expected: e.id, unique },
      );
      const stripped = withoutStopWords(name);
      if (stripped)
        jobs.push({
          variant: 'without stop words',
          query: stripped,
          expected: e.id,
          unique: looseOwners.get(looseKey(name))!.size === 1,
        });
    }
  const misses: Miss[] = [];
  // A few searches at a time, as clients send them; the default page of ten hits.
  for (let i = 0; i < jobs.length; i += 4)
    await Promise.all(
      jobs.slice(i, i + 4).map(async ({ query, variant, expected, unique }) => {
        const hits = await services.search.run(context(services), query, null, 10);
        const ids = hits.map((h) => (h.entity as unknown as { uuid: string }).uuid);
        if (!ids.includes(expected) || (unique && ids[0] !== expected))
          misses.push({ query, variant, expected, got: ids.slice(0, 3), first: unique });
      }),
    );
  return misses;
}

let requests = 0;
function context(services: Services): Context {
  requests += 1;
  const requestId = `search-walk-${requests}`;
  return {
    requestId,
    logger: createLogger('silent'),
    loaders: services.loaders(requestId),
    client: 'anonymous',
    principal: ANONYMOUS,
  };
}

describe('search by an entity’s own names', () => {
  let db: Database;
  let services: Services;
  beforeAll(async () => {
    db = openTestDatabase();
    services = createServices(db);
    await clearGraph(db);
  });
  afterAll(async () => {
    if (!db) return;
    await clearGraph(db);
    await db.close();
  });

  it('the service’s stop words are those of the folding analyzer of entity_names', async () => {
    const result = await db.query(
      "CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = 'standard-folding' RETURN stopwords",
    );
    const stopwords = result.records[0]!.get('stopwords') as string[];
    expect([...STOP_WORDS].sort()).toEqual([...stopwords].sort());
  });

  describe('on the seed graph', () => {
    let all: Named[];
    beforeAll(async () => {
      const { loadSeeds } = await import('../../src/seed/load');
      await loadSeeds(db);
      all = await entities(db);
    });
    afterAll(() => clearGraph(db));

    it('finds every entity by each name and alias, first when exact and unique', async () => {
      expect(all.length).toBeGreaterThan(50);
      expect(await walk(services, all, all)).toEqual([]);
    });

    it.each([
      ['Energy in Water', ['Energy in Water', 'Energy in water']],
      ['Forum of Strategists', ['Forum of Strategists']],
      [
        'Green and circular economy',
        ['Green and circular economy working group (European Cluster Conference 2016)'],
      ],
      [
        'Meeting of Sitra and the St Petersburg cleantech cluster',
        ['Meeting of Sitra and the St Petersburg cleantech cluster, 25 October 2019'],
      ],
      [
        'Circular Economy Playbook – Circular Economy business models for Finnish SMEs in the manufacturing industries',
        [
          'Circular Economy Playbook – Circular Economy business models for Finnish SMEs in the manufacturing industries',
        ],
      ],
      [
        'Strategies and Best Cluster Practices for Transition to a Circular Economy for Sustainable Urban Development',
        [
          'Strategies and Best Cluster Practices for Transition to a Circular Economy for Sustainable Urban Development',
        ],
      ],
    ])('finds %j (issue 15), best first', async (query, top) => {
      const hits = await services.search.run(context(services), query, null, 10);
      expect(
        hits
          .slice(0, top.length)
          .map((h) => h.entity.name)
          .sort(),
      ).toEqual([...top].sort());
    });

    it.each([
      // Eleven words; the last four tell it from "Service innovation and creative economy".
      'Service innovation and creative economy working group (European Cluster Conference 2016)',
      // Ten words, none a stop word: the words after the eighth are not asked one by one.
      'Strategies Best Cluster Practices Transition Circular Economy Sustainable Urban Development',
    ])('finds the name of more than eight words first for %j', async (query) => {
      const hits = await services.search.run(context(services), query, null, 3);
      expect(key(hits[0]!.entity.name)).toBe(
        all.map((e) => key(e.names[0]!)).find((k) => looseKey(k) === looseKey(query)),
      );
    });

    it.each([
      ['a soft hyphen', 'Sit\u00adra'],
      ['a zero-width space', 'Sit\u200bra'],
      ['a word joiner and a BOM', '\ufeffSit\u2060ra'],
    ])('finds Sitra through %s pasted into the query', async (_, query) => {
      const hits = await services.search.run(context(services), query, null, 3);
      expect(hits[0]?.entity.name).toBe('Sitra');
    });

    it('takes a query as long as the longest name an entity may have', async () => {
      const name = `${'Pitkä nimi '.repeat(27)}loppu`.slice(0, MAX_NAME_LENGTH);
      expect(name.length).toBe(MAX_NAME_LENGTH);
      const hits = await services.search.run(context(services), name, null, 3);
      expect(Array.isArray(hits)).toBe(true);
      await expect(services.search.run(context(services), `${name}x`, null, 3)).rejects.toThrow(
        /at most 300 characters/,
      );
      // Characters as a name counts them: one emoji is one character, not two UTF-16 units.
      const emoji = '\u{1F600}'.repeat(MAX_NAME_LENGTH);
      await expect(services.search.run(context(services), emoji, null, 3)).rejects.toThrow(
        /at least one letter or digit/,
      );
      await expect(services.search.run(context(services), `${emoji}x`, null, 3)).rejects.toThrow(
        /at most 300 characters, got 301/,
      );
    });

    it('names the alias that is the query exactly as `matched`', async () => {
      const [hit] = await services.search.run(
        context(services),
        'circular economy playbook',
        null,
        1,
      );
      expect(hit).toMatchObject({ matched: 'Circular Economy Playbook' });
    });
  });

  describe('on a generated graph', () => {
    const graph = generateGraph({ nodes: 600, seed: 15 });
    let all: Named[];
    beforeAll(async () => {
      await loadGenerated(db, graph);
      all = await entities(db);
    });

    it('finds every fourth entity by each name and alias, first when exact and unique', async () => {
      expect(all.length).toBe(graph.nodes.length);
      // Every fourth by id: deterministic, and a quarter of the graph keeps the walk short.
      const sample = all.filter((_, i) => i % 4 === 0);
      expect(await walk(services, all, sample)).toEqual([]);
    });
  });
});
