/**
 * The generated graph (src/generate) on the real Neo4j: the counts per label and relationship
 * type equal what was generated, a second load changes nothing, every evidenceId resolves and
 * every quote is verbatim in its document, temporal values arrive as Neo4j dates and zoned
 * date-times, and the batched clear leaves only the migration ledger. Other suites seed the graph
 * themselves, so this one clears it before and after.
 */
import type { Database } from '../../src/db/database';
import { generateGraph } from '../../src/generate/generate';
import { clearGraphInBatches, loadGenerated, type LoadReport } from '../../src/generate/load';
import { clearGraph, graphState, openTestDatabase } from '../support/db';

const graph = generateGraph({ nodes: 600, seed: 11 });

/** What the graph should hold, counted from the generated records alone. */
function expectedCounts(): { labels: Record<string, number>; types: Record<string, number> } {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  const bump = (map: Record<string, number>, key: string): void => {
    map[key] = (map[key] ?? 0) + 1;
  };
  for (const n of graph.nodes) {
    bump(labels, 'Entity');
    bump(labels, n.label);
  }
  for (const i of graph.interactions) {
    bump(labels, 'Interaction');
    bump(labels, i.label);
    for (const l of i.links) bump(types, l.type);
  }
  for (const e of graph.evidence) {
    bump(labels, 'Evidence');
    if (e.documentId) bump(types, 'SOURCE');
  }
  for (const r of graph.relationships) bump(types, r.type);
  return { labels, types };
}

describe('generated graph on the real Neo4j', () => {
  let db: Database;
  let report: LoadReport;
  beforeAll(async () => {
    db = openTestDatabase();
    await clearGraph(db);
    // Small batches, so the 600-node graph still takes many transactions per phase.
    report = await loadGenerated(db, graph, { batchSize: 250 });
  });
  afterAll(async () => {
    if (!db) return;
    await clearGraph(db);
    await db.close();
  });

  it('holds as many nodes per label and relationships per type as were generated', async () => {
    const links = graph.interactions.reduce((sum, i) => sum + i.links.length, 0);
    expect(report).toMatchObject({
      entities: graph.nodes.length,
      interactions: graph.interactions.length,
      evidence: graph.evidence.length,
      relationships: graph.relationships.length,
      links,
    });
    expect(report.transactions).toBeGreaterThan(20);
    const state = await graphState(db);
    const expected = expectedCounts();
    const { Migration: _ledger, ...labels } = state.labels;
    expect(labels).toEqual(expected.labels);
    expect(state.types).toEqual(expected.types);
    expect(expected.labels.Entity! + expected.labels.Interaction!).toBe(600);
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await graphState(db);
    await loadGenerated(db, graph, { batchSize: 400 });
    const after = await graphState(db);
    expect(after.labels).toEqual(before.labels);
    expect(after.types).toEqual(before.types);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('resolves every evidenceId to an Evidence node, and every quote to its document', async () => {
    const result = await db.query(`
      CALL () { MATCH ()-[r]->() WHERE r.evidenceIds IS NOT NULL UNWIND r.evidenceIds AS id
                OPTIONAL MATCH (e:Evidence {id: id}) WITH e WHERE e IS NULL RETURN count(*) AS danglingRels }
      CALL () { MATCH (n) WHERE n.evidenceIds IS NOT NULL UNWIND n.evidenceIds AS id
                OPTIONAL MATCH (e:Evidence {id: id}) WITH e WHERE e IS NULL RETURN count(*) AS danglingNodes }
      CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE size(coalesce(r.evidenceIds, [])) = 0 RETURN count(r) AS bareRels }
      CALL () { MATCH (n) WHERE (n:Entity OR n:Interaction) AND size(coalesce(n.evidenceIds, [])) = 0
                RETURN count(n) AS bareNodes }
      CALL () { MATCH (e:Evidence) OPTIONAL MATCH (e)-[:SOURCE]->(d:Document)
                RETURN count(e) AS evidence,
                       count(CASE WHEN d IS NULL OR NOT d.text CONTAINS e.quote THEN 1 END) AS notVerbatim,
                       count(CASE WHEN d.language <> e.language OR e.translation IS NULL THEN 1 END) AS untranslated }
      RETURN *`);
    const row = result.records[0]!.toObject() as Record<string, unknown>;
    const counts = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    expect(counts).toEqual({
      danglingRels: 0,
      danglingNodes: 0,
      bareRels: 0,
      bareNodes: 0,
      evidence: graph.evidence.length,
      notVerbatim: 0,
      untranslated: 0,
    });
  });

  it('stores dates as Neo4j dates and times as zoned date-times, as the seed writer does', async () => {
    const event = graph.nodes.find((n) => n.label === 'Event' && n.dateTimes.startsAt)!;
    const result = await db.query(
      `MATCH (e:Event {id: $id})
       RETURN toString(e.startDate) AS startDate, e.startsAt.timezone AS zone,
              toString(e.startsAt) AS startsAt, valueType(e.startsAt) AS type`,
      { id: event.id },
    );
    const row = result.records[0]!;
    expect(row.get('startDate')).toBe(event.dates.startDate);
    expect(row.get('type')).toBe('ZONED DATETIME NOT NULL');
    expect(`[${row.get('zone') as string}]`).toBe(
      /\[[^\]]+\]$/.exec(event.dateTimes.startsAt!)![0],
    );
    expect(row.get('startsAt')).toBe(event.dateTimes.startsAt);
  });

  it('deletes the graph in batches, keeping the migration ledger', async () => {
    const deleted = await clearGraphInBatches(db, { batchSize: 150 });
    expect(deleted).toBe(graph.nodes.length + graph.interactions.length + graph.evidence.length);
    const result = await db.query(
      `CALL () { MATCH (n) WHERE NOT n:Migration AND NOT n:GraphMeta RETURN count(n) AS left }
       CALL () { MATCH (m:Migration) RETURN count(m) AS ledger }
       RETURN left, ledger`,
    );
    expect(Number(result.records[0]!.get('left'))).toBe(0);
    expect(Number(result.records[0]!.get('ledger'))).toBeGreaterThan(0);
  });
});
