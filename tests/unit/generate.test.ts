/**
 * The synthetic graph generator (src/generate/generate.ts), pure: determinism, size and mix, the
 * model's rules (relationship endpoints, interaction parties and directions), evidence that
 * resolves and quotes its document verbatim, names with diacritics, heavy-tailed degrees, the
 * cross-border share of organisation links, unique ids and slugs; and the CLI's argument check.
 */
import { parseGenerateArgs } from '../../src/cli/generate';
import {
  generateGraph,
  plannedCounts,
  slugify,
  transliterate,
  type GeneratedGraph,
} from '../../src/generate/generate';
import {
  checkEndpoints,
  ENTITY_LABELS,
  INTERACTION_LINKS,
  INTERACTION_PARTIES,
  KINDS_BY_LABEL,
  PROJECT_STATUSES,
  type EntityLabel,
  type InteractionLinkType,
} from '../../src/shared/model';

const N = 3000;
const SEED = 42;
const graph = generateGraph({ nodes: N, seed: SEED });
const byId = new Map(graph.nodes.map((n) => [n.id, n]));
const labelOf = (id: string): EntityLabel => {
  const node = byId.get(id);
  if (!node) throw new Error(`no entity ${id}`);
  return node.label;
};

function degrees(g: GeneratedGraph): number[] {
  const degree = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  const bump = (id: string): void => {
    degree.set(id, (degree.get(id) ?? 0) + 1);
  };
  for (const r of g.relationships) {
    bump(r.fromId);
    bump(r.toId);
  }
  for (const i of g.interactions) for (const l of i.links) bump(l.entityId);
  return [...degree.values()].sort((a, b) => a - b);
}

describe('generateGraph', () => {
  it('gives byte-identical output for the same nodes and seed, and another graph for another seed', () => {
    const once = JSON.stringify(generateGraph({ nodes: 1500, seed: 7 }));
    const twice = JSON.stringify(generateGraph({ nodes: 1500, seed: 7 }));
    expect(twice).toBe(once);
    const other = generateGraph({ nodes: 1500, seed: 8 });
    expect(JSON.stringify(other)).not.toBe(once);
    // Not just other ids: other names and other structure.
    const names = (g: GeneratedGraph): string =>
      g.nodes.map((n) => n.props.name as string).join('|');
    expect(names(other)).not.toBe(names(generateGraph({ nodes: 1500, seed: 7 })));
  });

  it.each([10, 57, 600, 3000, 12_345])('makes about as many nodes as asked for (%i)', (nodes) => {
    const g = nodes === N ? graph : generateGraph({ nodes, seed: 1 });
    const made = g.nodes.length + g.interactions.length;
    expect(made).toBeGreaterThanOrEqual(Math.floor(nodes * 0.97));
    expect(made).toBeLessThanOrEqual(Math.ceil(nodes * 1.03));
  });

  it('mixes the labels roughly as planned, with about ten relationships per node', () => {
    const count = (label: EntityLabel): number =>
      graph.nodes.filter((n) => n.label === label).length;
    const share = (label: EntityLabel): number => count(label) / N;
    expect(share('Person')).toBeGreaterThan(0.4);
    expect(share('Person')).toBeLessThan(0.5);
    expect(share('Organisation')).toBeCloseTo(0.19, 1);
    expect(share('Event')).toBeCloseTo(0.14, 1);
    expect(share('Project')).toBeCloseTo(0.08, 1);
    expect(share('Publication')).toBeCloseTo(0.06, 1);
    for (const label of ENTITY_LABELS) expect([label, count(label) > 0]).toEqual([label, true]);
    expect(graph.interactions.length / N).toBeCloseTo(0.05, 2);
    const links = graph.interactions.reduce((sum, i) => sum + i.links.length, 0);
    const perNode = (graph.relationships.length + links) / N;
    expect(perNode).toBeGreaterThan(7);
    expect(perNode).toBeLessThan(13);
    expect(plannedCounts(100_000).Person).toBeGreaterThan(40_000);
  });

  it('uses only relationship endpoints the model allows, each relationship once', () => {
    // Problems are collected, not asserted one by one: 27,000 expect() calls take seconds.
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const r of graph.relationships) {
      const problem = checkEndpoints(r.type, labelOf(r.fromId), labelOf(r.toId));
      if (problem) problems.push(problem);
      if (r.fromId === r.toId) problems.push(`${r.type} loop at ${r.fromId}`);
      const key = `${r.type}|${r.fromId}|${r.toId}`;
      if (seen.has(key)) problems.push(`${key} twice`);
      seen.add(key);
      if (r.startDate && r.endDate && r.startDate > r.endDate) problems.push(`${key} ends first`);
    }
    expect(problems).toEqual([]);
    const types = new Set(graph.relationships.map((r) => r.type));
    for (const type of ['AFFILIATED_WITH', 'PARTICIPATED_IN', 'HELD_IN', 'WORKS_ON', 'MENTIONS'])
      expect(types.has(type as never)).toBe(true);
  });

  it('gives every interaction link a party the model allows, in the direction the seed writer uses', () => {
    for (const i of graph.interactions) {
      const { actor, others } = INTERACTION_LINKS[i.label];
      expect(i.links.some((l) => l.type === actor)).toBe(true);
      for (const l of i.links) {
        const type = l.type as InteractionLinkType;
        expect([...others, actor]).toContain(type);
        // actor -[EXTENDED|GAVE|...]-> interaction; interaction -[the others]-> entity.
        expect([type, l.outgoing]).toEqual([type, type !== actor]);
        expect((INTERACTION_PARTIES[type] as readonly string[]).includes(labelOf(l.entityId))).toBe(
          true,
        );
      }
      if (i.label === 'Invitation') {
        expect(i.links.filter((l) => l.type === 'INVITES').length).toBeGreaterThan(0);
        expect(i.links.filter((l) => l.type === 'TO')).toHaveLength(1);
      } else expect(i.links.filter((l) => l.type === 'AT')).toHaveLength(1);
      expect(i.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof i.props.summary).toBe('string');
    }
    const labels = new Set(graph.interactions.map((i) => i.label));
    expect([...labels].sort()).toEqual(['Invitation', 'Presentation', 'Proposal', 'Question']);
  });

  it('backs every entity, relationship and interaction with evidence that exists', () => {
    const evidence = new Set(graph.evidence.map((e) => e.id));
    const holders = [...graph.nodes, ...graph.relationships, ...graph.interactions];
    expect(holders.filter((h) => h.evidenceIds.length === 0)).toEqual([]);
    const missing = holders.flatMap((h) => h.evidenceIds.filter((id) => !evidence.has(id)));
    expect(missing).toEqual([]);
    // Shared list evidence keeps big graphs small: a few per hundred relationships.
    const ratio = graph.evidence.length / graph.relationships.length;
    expect(ratio).toBeGreaterThan(0.02);
    expect(ratio).toBeLessThan(0.05);
  });

  it('quotes every piece of evidence verbatim from its document, in its language, with a translation', () => {
    for (const e of graph.evidence) {
      expect([e.kind, e.confidence]).toEqual(['STATED', 'STATED']);
      const doc = byId.get(e.documentId!)!;
      expect(doc.label).toBe('Document');
      expect(['fi', 'et', 'ru']).toContain(e.language);
      expect(e.language).toBe(doc.props.language);
      expect((doc.props.text as string).includes(e.quote!)).toBe(true);
      expect((doc.props.translation as string).includes(e.translation!)).toBe(true);
    }
    const stated = graph.evidence.map((e) => e.quote!).join(' ');
    expect(stated).toMatch(/[äöõüšž]/);
    expect(stated).toMatch(/[а-яё]/);
  });

  it('writes names and aliases in Finnish, Estonian and Russian transliteration, with their diacritics', () => {
    const aliases = graph.nodes.flatMap((n) => n.props.aliasNames as string[]).join(' ');
    for (const letter of ['ä', 'ö', 'õ', 'ü', 'š', 'ž', 'å']) expect(aliases).toContain(letter);
    for (const n of graph.nodes) {
      const names = n.props.aliasNames as string[];
      const languages = n.props.aliasLanguages as string[];
      expect(languages).toHaveLength(names.length);
      for (const lang of languages) expect(lang).toMatch(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/);
    }
    const pietari = graph.nodes.find((n) => n.props.name === 'St Petersburg')!;
    expect(pietari.props.aliasNames).toEqual(
      expect.arrayContaining(['Pietari', 'Санкт-Петербург']),
    );
  });

  it('gives entities the properties their label has in the model', () => {
    for (const n of graph.nodes) {
      const kinds = KINDS_BY_LABEL[n.label];
      if (kinds) expect(kinds).toContain(n.props.kind);
      if (n.label === 'Organisation' || n.label === 'Place')
        expect(n.props.country).toMatch(/^[A-Z]{2}$/);
      if (n.label === 'Project') expect(PROJECT_STATUSES).toContain(n.props.status);
      if (n.label === 'Event') {
        expect(n.dates.startDate! <= n.dates.endDate!).toBe(true);
        expect(n.dates.startDate! >= '2015-01-01' && n.dates.endDate! <= '2025-12-31').toBe(true);
        if (n.dateTimes.startsAt) {
          expect(n.dateTimes.startsAt).toMatch(
            /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}\[[A-Za-z_]+\/[A-Za-z_]+\]$/,
          );
          expect(n.dateTimes.startsAt.slice(0, 10)).toBe(n.dates.startDate);
          expect(n.dateTimes.endsAt!.slice(0, 10)).toBe(n.dates.endDate);
        }
      }
      if (n.label === 'Publication') expect(n.dates.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (n.label === 'Document') {
        expect(n.props.title).toBe(n.props.name);
        expect(n.props.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    }
    // Summer time is right: Helsinki is +03:00 in July and +02:00 in January.
    const helsinki = graph.nodes.filter((n) =>
      (n.dateTimes.startsAt ?? '').endsWith('[Europe/Helsinki]'),
    );
    expect(helsinki.length).toBeGreaterThan(0);
    for (const n of helsinki) {
      const month = Number(n.dateTimes.startsAt!.slice(5, 7));
      if (month === 7) expect(n.dateTimes.startsAt).toContain('+03:00[');
      if (month === 1) expect(n.dateTimes.startsAt).toContain('+02:00[');
    }
  });

  it('has heavy-tailed degrees: a few hubs, most nodes with few links', () => {
    const sorted = degrees(graph);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted[sorted.length - 1]!;
    expect(median).toBeGreaterThan(0);
    expect(max).toBeGreaterThanOrEqual(10 * median);
  });

  it('keeps most organisation-organisation links within a country', () => {
    let links = 0;
    let cross = 0;
    for (const r of graph.relationships) {
      const a = byId.get(r.fromId)!;
      const b = byId.get(r.toId)!;
      if (a.label !== 'Organisation' || b.label !== 'Organisation') continue;
      links += 1;
      if (a.props.country !== b.props.country) cross += 1;
    }
    expect(links).toBeGreaterThan(500);
    expect(cross / links).toBeGreaterThanOrEqual(0.01);
    expect(cross / links).toBeLessThanOrEqual(0.3);
  });

  it('has unique ids, slugs unique per label and valid slugs', () => {
    const ids = [...graph.nodes, ...graph.interactions, ...graph.evidence].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    const slugs = [...graph.nodes, ...graph.interactions].map((x) => `${x.label}:${x.slug}`);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const x of [...graph.nodes, ...graph.interactions])
      expect(x.slug).toMatch(/^g42-[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('refuses sizes and seeds outside the documented range', () => {
    expect(() => generateGraph({ nodes: 9, seed: 1 })).toThrow(RangeError);
    expect(() => generateGraph({ nodes: 100, seed: -1 })).toThrow(RangeError);
    expect(() => generateGraph({ nodes: 100.5, seed: 1 })).toThrow(RangeError);
  });
});

describe('generator text helpers', () => {
  it('transliterates Russian names the English, Finnish and Estonian way', () => {
    expect(transliterate('Александр Жуков', 'en')).toBe('Aleksandr Zhukov');
    expect(transliterate('Александр Жуков', 'fi')).toBe('Aleksandr Žukov');
    expect(transliterate('Елена Крылова', 'fi')).toBe('Jelena Krylova');
    expect(transliterate('Елена Крылова', 'et')).toBe('Jelena Krõlova');
    expect(transliterate('Дмитрий Щербаков', 'fi')).toBe('Dmitri Štšerbakov');
    expect(transliterate('Наталья Чернышёва', 'et')).toBe('Natalja Tšernõšova');
  });

  it('folds names into slugs', () => {
    expect(slugify('Jyväskylä Groß-Õunapuu')).toBe('jyvaskyla-gross-ounapuu');
    expect(slugify('Санкт-Петербург')).toBe('');
  });
});

describe('npm run generate arguments', () => {
  it('reads --nodes, --seed, --clear and --batch', () => {
    expect(parseGenerateArgs(['--nodes', '100000', '--seed', '1', '--clear'])).toEqual({
      nodes: 100_000,
      seed: 1,
      clear: true,
      batch: 5000,
    });
    expect(parseGenerateArgs(['--nodes=600', '--seed=0', '--batch=250'])).toEqual({
      nodes: 600,
      seed: 0,
      clear: false,
      batch: 250,
    });
  });

  it.each([
    [[], /^--nodes is required/],
    [['--nodes', '100'], /^--seed is required/],
    [
      ['--nodes', '9', '--seed', '1'],
      /^--nodes must be a whole number from 10 to 2000000, got "9"\.$/,
    ],
    [['--nodes', '2000001', '--seed', '1'], /^--nodes must be a whole number/],
    [['--nodes', '1e5', '--seed', '1'], /^--nodes must be a whole number/],
    [['--nodes', '100', '--seed', 'x'], /^--seed must be a whole number from 0 to 2147483647/],
    [['--nodes', '100', '--seed'], /^--seed must be a whole number .* got nothing\.$/],
    [['--nodes', '100', '--seed', '1', '--batch', '5'], /^--batch must be a whole number/],
    [['--nodes', '100', '--seed', '1', '--verbose'], /^unknown argument "--verbose"/],
    [['--nodes', '100', '--nodes', '200', '--seed', '1'], /^--nodes is given twice/],
  ])('refuses %j with one sentence', (argv, message) => {
    expect(() => parseGenerateArgs(argv as string[])).toThrow(message);
  });
});
