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

/** Union of two id lists, keeping order; used for evidence that several sources give. */
const UNION_EVIDENCE = (target: string, param: string): string =>
  `${target}.evidenceIds = coalesce(${target}.evidenceIds, []) + [evId IN ${param} WHERE NOT evId IN coalesce(${target}.evidenceIds, [])]`;

const writeNodes = (label: string): string => /* cypher */ `
UNWIND $nodes AS n
MERGE (x:Entity:${label} {id: n.id})
ON CREATE SET x.createdAt = datetime(), x.updatedAt = datetime()
SET x += n.props, x.slug = n.slug,
    x.startDate = date(n.dates.startDate), x.endDate = date(n.dates.endDate), x.date = date(n.dates.date),
    x.startsAt = datetime(n.dateTimes.startsAt), x.endsAt = datetime(n.dateTimes.endsAt),
    ${UNION_EVIDENCE('x', 'n.evidenceIds')}`;

const writeRelationships = (type: string): string => /* cypher */ `
UNWIND $rels AS r
MATCH (a:Entity {id: r.fromId}), (b:Entity {id: r.toId})
MERGE (a)-[rel:${type}]->(b)
SET rel.role = coalesce(r.role, rel.role),
    rel.startDate = coalesce(date(r.startDate), rel.startDate), rel.endDate = coalesce(date(r.endDate), rel.endDate),
    ${UNION_EVIDENCE('rel', 'r.evidenceIds')}
RETURN count(*) AS written`;

const writeInteractions = (label: string): string => /* cypher */ `
UNWIND $items AS i
MERGE (x:Interaction:${label} {id: i.id})
ON CREATE SET x.createdAt = datetime(), x.updatedAt = datetime()
SET x += i.props, x.slug = i.slug, x.date = date(i.date), ${UNION_EVIDENCE('x', 'i.evidenceIds')}`;

const writeLinks = (type: string, outgoing: boolean): string => /* cypher */ `
UNWIND $links AS l
MATCH (x:Interaction {id: l.interactionId}), (e:Entity {id: l.entityId})
MERGE ${outgoing ? `(x)-[:${type}]->(e)` : `(e)-[:${type}]->(x)`}
RETURN count(*) AS written`;

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
