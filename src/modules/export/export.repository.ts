/**
 * The export's two streamed statements, nodes then relationships, in one read transaction so
 * both see the same graph. Nodes are entities and interaction nodes (evidence is provenance and
 * travels as a count on each relationship); filters are parameters.
 */
import type { Database } from '../../db/database';
import { plain } from '../entity/entity.record';
import { countryOf, linkInWindow, typeOf, windowParams } from '../analytics/analytics.model';
import type { DateWindow } from '../analytics/analytics.model';

export interface ExportFilter {
  /** Node labels to keep (null: all). */
  labels: string[] | null;
  /** Relationship types to keep (null: all). */
  linkTypes: string[] | null;
  window: DateWindow | null;
  /** Node uuids to keep (a neighbourhood), or null. */
  uuids: string[] | null;
}

export interface RawNode {
  uuid: string;
  type: string;
  name: string;
  kind: string | null;
  country: string | null;
  startDate: string | null;
  endDate: string | null;
  aliases: string[];
}

export interface RawEdge {
  source: string;
  sourceType: string;
  target: string;
  targetType: string;
  type: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  evidenceCount: number;
}

const KEEP = (n: string): string => `($labels IS NULL OR any(l IN labels(${n}) WHERE l IN $labels))
  AND ($uuids IS NULL OR ${n}.id IN $uuids)`;

// Dates travel as strings: decoding temporal values is the JavaScript driver's dearest work.
const EXPORT_NODES = /* cypher */ `
MATCH (n:Entity|Interaction)
WHERE ${KEEP('n')}
${countryOf('n')}
RETURN n.id AS uuid, ${typeOf('n')} AS type,
       coalesce(n.name, n.title, n.summary, n.slug) AS name, n.kind AS kind, country,
       toString(coalesce(n.startDate, date(n.startsAt), n.date)) AS startDate,
       toString(coalesce(n.endDate, date(n.endsAt))) AS endDate, coalesce(n.aliasNames, []) AS aliases
ORDER BY uuid`;

/**
 * One row per start node with all its outgoing relationships: a tenth of the records of one row
 * per relationship, which is what the driver's per-record cost scales with. In id order (start,
 * end, type, role, dates), as the nodes: edge ids are places in the file, so the same records
 * give the same file whatever order Neo4j stores them in.
 */
const EXPORT_EDGES = /* cypher */ `
MATCH (a:Entity|Interaction)
WHERE ${KEEP('a')}
WITH a ORDER BY a.id
CALL (a) {
  MATCH (a)-[r]->(b:Entity|Interaction)
  WHERE ${KEEP('b')} AND ($linkTypes IS NULL OR type(r) IN $linkTypes) AND ${linkInWindow('r', 'a', 'b', 'stored')}
  WITH r, b ORDER BY b.id, type(r), r.role, r.startDate, r.endDate
  RETURN collect([b.id, ${typeOf('b')}, type(r), r.role, toString(r.startDate), toString(r.endDate),
                  size(coalesce(r.evidenceIds, []))]) AS out
}
WITH a, out WHERE size(out) > 0
RETURN a.id AS source, ${typeOf('a')} AS sourceType, out`;

/** Node rows are handed over in batches of this many (one await per batch, not per row). */
const NODE_BATCH = 500;

type EdgeTuple = [string, string, string, string | null, string | null, string | null, unknown];

export class ExportRepository {
  constructor(private readonly db: Database) {}

  /**
   * Streams the rows to the callbacks in batches, awaiting each batch (so a slow client slows
   * the read instead of filling memory): nodes in batches of 500, relationships per start node.
   */
  async stream(
    filter: ExportFilter,
    parts: { nodes: boolean; edges: boolean },
    onNodes: (nodes: RawNode[]) => Promise<void>,
    onEdges: (edges: RawEdge[]) => Promise<void>,
    requestId?: string,
  ): Promise<void> {
    const params = {
      labels: filter.labels,
      linkTypes: filter.linkTypes,
      uuids: filter.uuids,
      ...windowParams(filter.window),
    };
    await this.db.stream(
      async (tx) => {
        if (parts.nodes) {
          let batch: RawNode[] = [];
          for await (const r of tx.run(EXPORT_NODES, params)) {
            batch.push({
              uuid: r.get('uuid') as string,
              type: r.get('type') as string,
              name: String(r.get('name') ?? ''),
              kind: (r.get('kind') as string | null) ?? null,
              country: (r.get('country') as string | null) ?? null,
              startDate: (r.get('startDate') as string | null) ?? null,
              endDate: (r.get('endDate') as string | null) ?? null,
              aliases: (r.get('aliases') as string[]).map(String),
            });
            if (batch.length === NODE_BATCH) {
              await onNodes(batch);
              batch = [];
            }
          }
          if (batch.length > 0) await onNodes(batch);
        }
        if (parts.edges) {
          for await (const r of tx.run(EXPORT_EDGES, params)) {
            const source = r.get('source') as string;
            const sourceType = r.get('sourceType') as string;
            await onEdges(
              (r.get('out') as EdgeTuple[]).map(
                ([target, targetType, type, role, start, end, evidence]) => ({
                  source,
                  sourceType,
                  target,
                  targetType,
                  type,
                  role: role ?? null,
                  startDate: start ?? null,
                  endDate: end ?? null,
                  evidenceCount: Number(plain(evidence) ?? 0),
                }),
              ),
            );
          }
        }
      },
      { operation: 'export', requestId, timeoutMs: 600_000 },
    );
  }
}
