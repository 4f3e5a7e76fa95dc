/**
 * The mention finder against the ground truth we have: the hand-made MENTIONS of the two seed
 * documents. The finder runs as addDocument runs it (candidates from the names index of the
 * seeded graph, then stems), on each seed document's text, and its entities are compared with
 * the entities the seed links the document to by MENTIONS (interactions aside), as sets of
 * entities: the seed mentions carry no offsets, so (entity, start) pairs cannot be compared.
 * Precision and recall must both be at least 0.9, over both documents and for each.
 */
import { EntityWriteRepository } from '../../src/modules/entity/entity-write.repository';
import { DocumentRepository } from '../../src/modules/document/document.repository';
import type { Database } from '../../src/db/database';
import { generateGraph } from '../../src/generate/generate';
import { loadGenerated } from '../../src/generate/load';
import { clearGraph, openTestDatabase, useSeededGraph } from '../support/db';

const THRESHOLD = 0.9;

interface Score {
  precision: number;
  recall: number;
  found: number;
  truth: number;
  missed: string[];
  extra: string[];
}

function score(found: Set<string>, truth: Set<string>, names: Map<string, string>): Score {
  const hits = [...found].filter((id) => truth.has(id)).length;
  return {
    precision: found.size === 0 ? 0 : hits / found.size,
    recall: truth.size === 0 ? 1 : hits / truth.size,
    found: found.size,
    truth: truth.size,
    missed: [...truth].filter((id) => !found.has(id)).map((id) => names.get(id) ?? id),
    extra: [...found].filter((id) => !truth.has(id)).map((id) => names.get(id) ?? id),
  };
}

describe('mentions found in the seed documents', () => {
  const db = useSeededGraph();

  it('match the hand-made MENTIONS with precision and recall of at least 0.9', async () => {
    const repo = new DocumentRepository(db(), new EntityWriteRepository(db()));
    const docs = (
      await db().query(`
        MATCH (d:Document)
        RETURN d.id AS id, d.text AS text, d.language AS language, d.slug AS slug,
          COLLECT { MATCH (d)-[:MENTIONS]->(x:Entity) RETURN x.id } AS truth
        ORDER BY slug`)
    ).records.map((r) => ({
      id: r.get('id') as string,
      slug: r.get('slug') as string,
      text: r.get('text') as string,
      language: r.get('language') as string,
      truth: new Set(r.get('truth') as string[]),
    }));
    expect(docs).toHaveLength(2);
    const names = new Map(
      (await db().query('MATCH (x:Entity) RETURN x.id AS id, x.name AS name')).records.map((r) => [
        r.get('id') as string,
        r.get('name') as string,
      ]),
    );
    const all = { found: new Set<string>(), truth: new Set<string>() };
    const perDocument: Record<string, Score> = {};
    for (const doc of docs) {
      const found = new Set((await repo.findIn(doc.text, doc.language)).map((m) => m.entityId));
      perDocument[doc.slug] = score(found, doc.truth, names);
      found.forEach((id) => all.found.add(`${doc.id}|${id}`));
      doc.truth.forEach((id) => all.truth.add(`${doc.id}|${id}`));
    }
    const overall = score(all.found, all.truth, names);
    // The figures, for the README and the report.
    console.log(
      JSON.stringify(
        { overall: { precision: overall.precision, recall: overall.recall }, perDocument },
        null,
        2,
      ),
    );
    expect(overall.precision).toBeGreaterThanOrEqual(THRESHOLD);
    expect(overall.recall).toBeGreaterThanOrEqual(THRESHOLD);
    for (const s of Object.values(perDocument)) {
      expect(s.precision).toBeGreaterThanOrEqual(THRESHOLD);
      expect(s.recall).toBeGreaterThanOrEqual(THRESHOLD);
    }
  });
});

/**
 * The generator's documents know what they mention (MENTIONS), but name only the first few of
 * them in their text ("... and others"): the truth is the MENTIONS whose entity's name or an
 * alias is written in the text. Recall against it must be at least 0.9; precision is measured
 * against every entity whose name or alias the text writes verbatim (the generator's texts name
 * many more entities than their MENTIONS, in the quotes of other facts).
 */
describe('mentions found in generated documents', () => {
  let db: Database | undefined;
  const graph = generateGraph({ nodes: 2000, seed: 7 });
  beforeAll(async () => {
    db = openTestDatabase();
    await clearGraph(db);
    await loadGenerated(db, graph, { batchSize: 1000 });
  }, 120_000);
  afterAll(async () => {
    if (!db) return;
    await clearGraph(db);
    await db.close();
  });

  it('finds the MENTIONS the text names with recall of at least 0.9', async () => {
    const repo = new DocumentRepository(db!, new EntityWriteRepository(db!));
    const entities = graph.nodes
      .filter((n) => n.label !== 'Document')
      .map((n) => ({
        id: n.id,
        names: [n.props.name as string, ...((n.props.aliasNames as string[] | undefined) ?? [])],
      }));
    const mentions = graph.relationships.filter((r) => r.type === 'MENTIONS');
    let truth = 0;
    let hits = 0;
    let found = 0;
    let written = 0;
    const started = Date.now();
    const documents = graph.nodes.filter((n) => n.label === 'Document');
    for (const d of documents) {
      const text = d.props.text as string;
      const named = new Set(
        entities.filter((e) => e.names.some((name) => text.includes(name))).map((e) => e.id),
      );
      const got = new Set(
        (await repo.findIn(text, d.props.language as string)).map((m) => m.entityId),
      );
      for (const m of mentions.filter((r) => r.fromId === d.id && named.has(r.toId))) {
        truth += 1;
        if (got.has(m.toId)) hits += 1;
      }
      found += got.size;
      written += [...got].filter((id) => named.has(id)).length;
    }
    const ms = Date.now() - started;
    const figures = {
      documents: documents.length,
      recallOfNamedMentions: hits / truth,
      precisionAgainstNamesWritten: written / found,
      msPerDocument: Math.round(ms / documents.length),
    };
    console.log(JSON.stringify(figures, null, 2));
    expect(truth).toBeGreaterThan(20);
    expect(figures.recallOfNamedMentions).toBeGreaterThanOrEqual(THRESHOLD);
    expect(figures.precisionAgainstNamesWritten).toBeGreaterThanOrEqual(THRESHOLD);
  }, 120_000);
});
