/**
 * Writes a seed plan: one transaction per file (a document and its facts), MERGE on stable
 * ids so a second load changes nothing. Labels and relationship types are interpolated only
 * from the closed lists of src/shared/model.ts; every value travels as a parameter.
 */
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { Database } from '../db/database';
import {
  ENTITY_LABELS,
  INTERACTION_LABELS,
  RELATIONSHIP_TYPES,
  INTERACTION_LINKS,
} from '../shared/model';
import { WRITE_EVIDENCE } from '../modules/evidence/evidence.repository';
import type { FilePlan } from './plan';
import { writeInteractions, writeLinks, writeNodes, writeRelationships } from './statements';

const MENTION_INTERACTIONS = /* cypher */ `
UNWIND $ids AS id
MATCH (x:Interaction {id: id}), (d:Document {id: $documentId})
MERGE (d)-[:MENTIONS]->(x)`;

/** A MATCH that found nothing writes nothing, silently: treat a shortfall as a failed load. */
function expectWritten(result: QueryResult, expected: number, what: string): void {
  const written = Number(result.records[0]?.get('written') ?? 0);
  if (written !== expected)
    throw new Error(`wrote ${written} of ${expected} ${what}: an endpoint is missing`);
}

async function writeFile(tx: ManagedTransaction, plan: FilePlan): Promise<void> {
  // Documents first: evidence points at them.
  const ordered = [...plan.nodes].sort(
    (a, b) => Number(b.label === 'Document') - Number(a.label === 'Document'),
  );
  for (const label of ['Document', ...ENTITY_LABELS.filter((l) => l !== 'Document')]) {
    const nodes = ordered.filter((n) => n.label === label);
    if (nodes.length > 0) await tx.run(writeNodes(label), { nodes });
  }
  if (plan.evidence.length > 0) await tx.run(WRITE_EVIDENCE, { evidence: plan.evidence });
  for (const type of RELATIONSHIP_TYPES) {
    const rels = plan.relationships.filter((r) => r.type === type);
    if (rels.length > 0)
      expectWritten(
        await tx.run(writeRelationships(type), { rels }),
        rels.length,
        `${type} relationships`,
      );
  }
  for (const label of INTERACTION_LABELS) {
    const items = plan.interactions.filter((i) => i.label === label);
    if (items.length === 0) continue;
    await tx.run(writeInteractions(label), { items });
    const { actor, others } = INTERACTION_LINKS[label];
    for (const type of [actor, ...others]) {
      for (const outgoing of [false, true]) {
        const links = items.flatMap((i) =>
          i.links
            .filter((l) => l.type === type && l.outgoing === outgoing)
            .map((l) => ({ interactionId: i.id, entityId: l.entityId })),
        );
        if (links.length > 0)
          expectWritten(
            await tx.run(writeLinks(type, outgoing), { links }),
            links.length,
            `${type} links`,
          );
      }
    }
  }
  const documentNode = plan.nodes.find((n) => n.label === 'Document');
  if (documentNode && plan.interactions.length > 0) {
    await tx.run(MENTION_INTERACTIONS, {
      ids: plan.interactions.map((i) => i.id),
      documentId: documentNode.id,
    });
  }
}

export interface WriteReport {
  files: {
    file: string;
    nodes: number;
    relationships: number;
    interactions: number;
    evidence: number;
  }[];
}

/** Writes every file of the plan, each in its own transaction. */
export async function writePlan(db: Database, plans: FilePlan[]): Promise<WriteReport> {
  const report: WriteReport = { files: [] };
  for (const plan of plans) {
    await db.write((tx) => writeFile(tx, plan), { operation: `seed ${plan.file}` });
    report.files.push({
      file: plan.file,
      nodes: plan.nodes.length,
      relationships: plan.relationships.length,
      interactions: plan.interactions.length,
      evidence: plan.evidence.length,
    });
  }
  return report;
}
