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

const EXPORT_NODES = /* cypher */ `
MATCH (n:Entity|Interaction)
WHERE ${KEEP('n')}
${countryOf('n')}
RETURN n.id AS uuid, ${typeOf('n')} AS type,
       coalesce(n.name, n.title, n.summary, n.slug) AS name, n.kind AS kind, country,
       coalesce(n.startDate, date(n.startsAt), n.date) AS startDate,
       coalesce(n.endDate, date(n.endsAt)) AS endDate, coalesce(n.aliasNames, []) AS aliases
ORDER BY uuid`;

const EXPORT_EDGES = /* cypher */ `
MATCH (a:Entity|Interaction)-[r]->(b:Entity|Interaction)
WHERE ${KEEP('a')} AND ${KEEP('b')}
  AND ($linkTypes IS NULL OR type(r) IN $linkTypes) AND ${linkInWindow('r', 'a', 'b')}
RETURN a.id AS source, ${typeOf('a')} AS sourceType, b.id AS target, ${typeOf('b')} AS targetType,
       type(r) AS type, r.role AS role, r.startDate AS startDate, r.endDate AS endDate,
       size(coalesce(r.evidenceIds, [])) AS evidenceCount`;

export class ExportRepository {
  constructor(private readonly db: Database) {}

  /** Streams the rows to the callbacks, awaiting each (so a slow client slows the read). */
  async stream(
    filter: ExportFilter,
    parts: { nodes: boolean; edges: boolean },
    onNode: (node: RawNode) => Promise<void>,
    onEdge: (edge: RawEdge) => Promise<void>,
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
          for await (const r of tx.run(EXPORT_NODES, params)) {
            await onNode({
              uuid: r.get('uuid') as string,
              type: r.get('type') as string,
              name: String(r.get('name') ?? ''),
              kind: (r.get('kind') as string | null) ?? null,
              country: (r.get('country') as string | null) ?? null,
              startDate: plain(r.get('startDate')) as string | null,
              endDate: plain(r.get('endDate')) as string | null,
              aliases: (r.get('aliases') as string[]).map(String),
            });
          }
        }
        if (parts.edges) {
          for await (const r of tx.run(EXPORT_EDGES, params)) {
            await onEdge({
              source: r.get('source') as string,
              sourceType: r.get('sourceType') as string,
              target: r.get('target') as string,
              targetType: r.get('targetType') as string,
              type: r.get('type') as string,
              role: (r.get('role') as string | null) ?? null,
              startDate: plain(r.get('startDate')) as string | null,
              endDate: plain(r.get('endDate')) as string | null,
              evidenceCount: Number(plain(r.get('evidenceCount')) ?? 0),
            });
          }
        }
      },
      { operation: 'export', requestId, timeoutMs: 600_000 },
    );
  }
}
