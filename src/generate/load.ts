/**
 * Loads a generated graph (src/generate/generate.ts) into Neo4j through the database gateway, in
 * batches of UNWIND + MERGE on stable ids, so loading the same (nodes, seed) twice changes
 * nothing. The statements mirror the seed writer's (same properties, same evidence union), so a
 * generated graph reads exactly like the seeded one. Labels and relationship types are
 * interpolated only from the closed lists of src/shared/model.ts; every value is a parameter.
 *
 * Also deletes a graph in batches for `--clear`: one DETACH DELETE of a whole big graph would
 * not fit the 1 GB heap of the local Neo4j, and CALL { ... } IN TRANSACTIONS cannot run inside
 * the gateway's transaction functions.
 */
import { int } from 'neo4j-driver';
import type { Database } from '../db/database';
import { WRITE_EVIDENCE } from '../modules/evidence/evidence.repository';
import type { RelationshipRecord } from '../seed/plan';
import { writeInteractions, writeLinks, writeNodes, writeRelationships } from '../seed/statements';
import {
  ENTITY_LABELS,
  INTERACTION_LABELS,
  INTERACTION_LINKS,
  RELATIONSHIP_TYPES,
} from '../shared/model';
import type { GeneratedGraph } from './generate';

export type LoadPhase =
  'documents' | 'evidence' | 'entities' | 'relationships' | 'interactions' | 'links';

export interface LoadProgress {
  phase: LoadPhase;
  /** Records written so far, over all phases, and how many there are in all. */
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Records per transaction (default 5000). */
  batchSize?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadReport {
  /** Entity nodes, documents included. */
  entities: number;
  interactions: number;
  evidence: number;
  /** Entity -> entity relationships. */
  relationships: number;
  /** Links between interactions and their parties. */
  links: number;
  transactions: number;
}

const writeEvidence = /* cypher */ `${WRITE_EVIDENCE}
RETURN count(*) AS written`;

/** Everything but the migration ledger and the graph's change counter. */
const DELETE_BATCH = /* cypher */ `
MATCH (n) WHERE NOT n:Migration AND NOT n:GraphMeta
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted`;

/** Bulk batches run longer than API requests; the gateway's 30 s default is for those. */
const BATCH_TIMEOUT_MS = 300_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
  return out;
}

/**
 * Writes the graph: documents, evidence (which points at them), the other entities, the
 * relationships type by type, then interactions and their links. Each batch is one transaction;
 * a batch whose MATCH misses an endpoint fails the load instead of writing less in silence.
 */
export async function loadGenerated(
  db: Database,
  graph: GeneratedGraph,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const batchSize = options.batchSize ?? 5000;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive whole number');
  const linkCount = graph.interactions.reduce((sum, i) => sum + i.links.length, 0);
  const total =
    graph.nodes.length +
    graph.evidence.length +
    graph.relationships.length +
    graph.interactions.length +
    linkCount;
  const report: LoadReport = {
    entities: 0,
    interactions: 0,
    evidence: 0,
    relationships: 0,
    links: 0,
    transactions: 0,
  };
  let done = 0;

  const write = async (
    phase: LoadPhase,
    cypher: string,
    key: string,
    batch: readonly unknown[],
    what: string,
  ): Promise<number> => {
    const result = await db.write((tx) => tx.run(cypher, { [key]: batch }), {
      operation: `generate ${phase}`,
      timeoutMs: BATCH_TIMEOUT_MS,
    });
    const written = Number(result.records[0]?.get('written') ?? 0);
    if (written !== batch.length)
      throw new Error(`wrote ${written} of ${batch.length} ${what}: an endpoint is missing`);
    report.transactions += 1;
    done += batch.length;
    options.onProgress?.({ phase, done, total });
    return written;
  };

  // Documents first: evidence links to them with SOURCE.
  for (const label of ['Document', ...ENTITY_LABELS.filter((l) => l !== 'Document')] as const) {
    const nodes = graph.nodes.filter((n) => n.label === label);
    const phase = label === 'Document' ? 'documents' : 'entities';
    for (const batch of chunks(nodes, batchSize))
      report.entities += await write(phase, writeNodes(label), 'nodes', batch, `${label} nodes`);
    if (label === 'Document') {
      for (const batch of chunks(graph.evidence, batchSize))
        report.evidence += await write('evidence', writeEvidence, 'evidence', batch, 'evidence');
    }
  }

  const byType = new Map<string, RelationshipRecord[]>();
  for (const r of graph.relationships) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  for (const type of RELATIONSHIP_TYPES) {
    for (const batch of chunks(byType.get(type) ?? [], batchSize)) {
      // Only what the statement reads travels: the type is in the Cypher already.
      const rels = batch.map((r) => ({
        fromId: r.fromId,
        toId: r.toId,
        role: r.role,
        startDate: r.startDate,
        endDate: r.endDate,
        evidenceIds: r.evidenceIds,
      }));
      report.relationships += await write(
        'relationships',
        writeRelationships(type),
        'rels',
        rels,
        `${type} relationships`,
      );
    }
  }

  for (const label of INTERACTION_LABELS) {
    const items = graph.interactions.filter((i) => i.label === label);
    for (const batch of chunks(items, batchSize)) {
      const payload = batch.map(({ id, slug, props, date, evidenceIds }) => ({
        id,
        slug,
        props,
        date,
        evidenceIds,
      }));
      report.interactions += await write(
        'interactions',
        writeInteractions(label),
        'items',
        payload,
        `${label} nodes`,
      );
    }
  }
  // Link types from the model only; ON_BEHALF_OF and ABOUT serve several labels, so collect once.
  const linkTypes = new Set<string>();
  for (const label of INTERACTION_LABELS) {
    const { actor, others } = INTERACTION_LINKS[label];
    for (const type of [actor, ...others]) linkTypes.add(type);
  }
  for (const type of linkTypes) {
    for (const outgoing of [false, true]) {
      const links = graph.interactions.flatMap((i) =>
        i.links
          .filter((l) => l.type === type && l.outgoing === outgoing)
          .map((l) => ({ interactionId: i.id, entityId: l.entityId })),
      );
      for (const batch of chunks(links, batchSize))
        report.links += await write(
          'links',
          writeLinks(type, outgoing),
          'links',
          batch,
          `${type} links`,
        );
    }
  }
  return report;
}

/**
 * Deletes every node but the migration ledger and the change counter, `batchSize` nodes (with
 * their relationships) per transaction, until none is left. Returns how many were deleted.
 */
export async function clearGraphInBatches(
  db: Database,
  options: { batchSize?: number; onProgress?: (deleted: number) => void } = {},
): Promise<number> {
  const limit = options.batchSize ?? 10_000;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError('batchSize must be a positive whole number');
  let deleted = 0;
  for (;;) {
    // LIMIT needs an integer; a plain JS number travels as a float.
    const result = await db.write((tx) => tx.run(DELETE_BATCH, { limit: int(limit) }), {
      operation: 'generate clear',
      timeoutMs: BATCH_TIMEOUT_MS,
    });
    const n = Number(result.records[0]?.get('deleted') ?? 0);
    if (n === 0) return deleted;
    deleted += n;
    options.onProgress?.(deleted);
  }
}
