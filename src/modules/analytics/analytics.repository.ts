/**
 * Cypher of the analytics: k shortest paths, neighbourhoods level by level, timelines, and the
 * streamed projection the in-memory algorithms run on. Labels, types and bounds interpolated
 * into statements come from our closed lists or validated integers; values are parameters.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../../db/database';
import { INTERACTION_LABELS } from '../../shared/model';
import type { NodeType } from '../../shared/global-id';
import { plain } from '../entity/entity.record';
import { effectiveStart } from '../event/event.effective';
import { graphVersion } from '../system/graph-version';
import {
  countryOf,
  isGraphNode,
  linkInWindow,
  linkPeriod,
  LINK_TYPES,
  periodInWindow,
  typeOf,
  windowParams,
  type DateWindow,
  type LinkType,
} from './analytics.model';

export interface NodeRef {
  uuid: string;
  type: NodeType;
  /** Read along where it is free (neighbourhoods), so a light answer needs no second read. */
  name?: string | null;
}

/** Step i leads from nodes[i] to nodes[i + 1] of its path. */
export interface StepRecord {
  type: LinkType;
  reversed: boolean;
  role: string | null;
  evidenceIds: string[];
  /** The link's period as the window sees it (linkPeriod), YYYY-MM-DD; both null when undated. */
  startDate: string | null;
  endDate: string | null;
}

export interface PathRecord {
  nodes: NodeRef[];
  steps: StepRecord[];
}

export interface EdgeRecord {
  source: NodeRef;
  target: NodeRef;
  type: LinkType;
  role: string | null;
  evidenceIds: string[];
  startDate: string | null;
  endDate: string | null;
}

export interface TimelineRecord {
  node: NodeRef;
  /**
   * Any relationship of an entity to an event or interaction but MENTIONS: every such type is a
   * LinkType (the model's relationships and the interaction links are the only ones written).
   */
  link: LinkType;
  role: string | null;
  date: string | null;
}

export interface ProjectionNode {
  uuid: string;
  type: NodeType;
  name: string | null;
  country: string | null;
}

export interface LinkFilter {
  types: readonly LinkType[];
  window: DateWindow | null;
}

const storeLabel = (type: NodeType): 'Entity' | 'Interaction' =>
  (INTERACTION_LABELS as readonly string[]).includes(type) ? 'Interaction' : 'Entity';

/** Evidence of a step: the relationship's own, else (interaction links) the interaction's. */
const STEP_EVIDENCE = (r: string): string => `CASE
  WHEN ${r}.evidenceIds IS NOT NULL THEN ${r}.evidenceIds
  WHEN startNode(${r}):Interaction THEN startNode(${r}).evidenceIds
  ELSE coalesce(endNode(${r}).evidenceIds, []) END`;

/**
 * A path bound as ns (nodes) and rs (relationships), as the nodes and steps of a PathRecord.
 * The steps are read in a subquery because a link's period needs its ends bound to variables
 * (an event's derived days are a pattern from it).
 */
const PATH_COLUMNS = /* cypher */ `
CALL (ns, rs) {
  UNWIND range(0, size(rs) - 1) AS i
  WITH i, rs[i] AS r, ns[i] AS x, startNode(rs[i]) AS a, endNode(rs[i]) AS b
  WITH i, r, x, a, b, ${linkPeriod('r', 'a', 'b', 'stored')} AS period
  ORDER BY i
  RETURN collect({
    type: type(r), reversed: startNode(r) <> x, role: r.role,
    evidenceIds: ${STEP_EVIDENCE('r')}, startDate: period[0], endDate: period[1]
  }) AS steps
}
RETURN [n IN ns | {uuid: n.id, type: ${typeOf('n')}}] AS nodes, steps`;

const shortestPaths = (
  from: NodeType,
  to: NodeType,
  k: number,
  maxHops: number,
): string => /* cypher */ `
MATCH (a:${storeLabel(from)} {id: $from}), (b:${storeLabel(to)} {id: $to})
MATCH p = SHORTEST ${k} (a)((x)-[r]-(y) WHERE type(r) IN $types AND ${isGraphNode('y')}
  AND ${linkInWindow('r', 'x', 'y')}){1,${maxHops}}(b)
WITH nodes(p) AS ns, relationships(p) AS rs ORDER BY length(p)
${PATH_COLUMNS}`;

/**
 * One shortest walk without a date window: Neo4j's shortestPath() searches from both ends at
 * once with the relationship types and the node predicate applied while it expands; SHORTEST 1
 * with the same predicates in a quantified pattern expands from one end and filters afterwards,
 * so it visits far more of the graph (the http bench's shortestPath question shows the
 * difference when either is tried). The types are spelled into the pattern from the closed
 * LinkType list, so the search expands by type instead of filtering every relationship.
 */
const oneShortestPath = (
  from: NodeType,
  to: NodeType,
  types: readonly LinkType[],
  maxHops: number,
): string => /* cypher */ `
MATCH (a:${storeLabel(from)} {id: $from}), (b:${storeLabel(to)} {id: $to})
MATCH p = shortestPath((a)-[:${types.join('|')}*1..${maxHops}]-(b))
WHERE all(n IN nodes(p) WHERE ${isGraphNode('n')})
WITH nodes(p) AS ns, relationships(p) AS rs
${PATH_COLUMNS}`;

/** The links a breadth-first step may take from x to a new node y. */
const STEP = (hasTypes: boolean): string => `type(r) IN $types AND ${isGraphNode('y')}
  AND ${linkInWindow('r', 'x', 'y')}
  ${hasTypes ? 'AND (y:Interaction OR any(l IN labels(y) WHERE l IN $labels))' : ''}`;

/** The centre and its first level in one statement (no centre: no row). */
const FIRST_LEVEL = (type: NodeType, hasTypes: boolean): string => /* cypher */ `
MATCH (x:${storeLabel(type)} {id: $id})
CALL (x) {
  MATCH (x)-[r]-(y) WHERE y <> x AND ${STEP(hasTypes)}
  WITH DISTINCT y LIMIT $limit
  RETURN collect({eid: elementId(y), uuid: y.id, type: ${typeOf('y')}, name: y.name}) AS found
}
RETURN elementId(x) AS eid, x.name AS name, found`;

const NEXT_LEVEL = (hasTypes: boolean): string => /* cypher */ `
UNWIND $frontier AS fid
MATCH (x) WHERE elementId(x) = fid
MATCH (x)-[r]-(y)
WHERE NOT elementId(y) IN $seen AND ${STEP(hasTypes)}
WITH DISTINCT y LIMIT $limit
RETURN elementId(y) AS eid, y.id AS uuid, ${typeOf('y')} AS type, y.name AS name`;

const SUBGRAPH = /* cypher */ `
UNWIND $eids AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]->(b)
WHERE elementId(b) IN $eids AND type(r) IN $types
WITH a, r, b, ${linkPeriod('r', 'a', 'b', 'stored')} AS period
WHERE ${periodInWindow('period')}
RETURN a.id AS a, ${typeOf('a')} AS aType, b.id AS b, ${typeOf('b')} AS bType,
       type(r) AS type, r.role AS role, ${STEP_EVIDENCE('r')} AS evidenceIds,
       period[0] AS startDate, period[1] AS endDate
ORDER BY a, type, b`;

const TIMELINE = /* cypher */ `
MATCH (e:Entity {id: $id})-[r]-(n)
WHERE (n:Event OR n:Interaction) AND type(r) <> 'MENTIONS'
WITH n, type(r) AS link, r.role AS role,
     CASE WHEN n:Event THEN ${effectiveStart('n')} ELSE n.date END AS day, n.startsAt AS at
RETURN n.id AS uuid, ${typeOf('n')} AS type, link, role, day
ORDER BY day IS NULL, day, at, link, uuid
LIMIT $first`;

/**
 * A keyset page of a timeline (the order of TIMELINE) with the total, in one statement over the
 * entity's links. The order is one string key (the day, undated last; the start instant, as
 * epoch milliseconds shifted positive and zero-padded so that text order is time order, untimed
 * last; the link type) and a tie (the node's id and the role: one may take part in an event in
 * two roles). Forwards the rows after the cursor, ascending; backwards those before it,
 * nearest first. `beyond`: whether an entry lies on the other side of the cursor.
 */
const timelinePage = (backward: boolean): string => {
  const [ahead, behind, behindOrAt, direction] = backward
    ? ['<', '>', '>=', ' DESC']
    : ['>', '<', '<=', ''];
  return /* cypher */ `
MATCH (e:Entity {id: $id})-[r]-(n)
WHERE (n:Event OR n:Interaction) AND type(r) <> 'MENTIONS'
WITH n, type(r) AS link, r.role AS role,
     CASE WHEN n:Event THEN ${effectiveStart('n')} ELSE n.date END AS day, n.startsAt AS at
WITH collect({uuid: n.id, type: ${typeOf('n')}, link: link, role: role, day: day,
  sortKey: coalesce(toString(day), '~') + ' ' +
    CASE WHEN at IS NULL THEN '~' ELSE right('0000000000000000' + toString(at.epochMillis + 100000000000000), 16) END +
    ' ' + link,
  tie: n.id + ' ' + coalesce(role, '')}) AS entries
CALL (entries) {
  UNWIND entries AS x
  WITH x WHERE $cursorKey IS NULL OR x.sortKey ${ahead} $cursorKey OR (x.sortKey = $cursorKey AND x.tie ${ahead} $cursorTie)
  WITH x ORDER BY x.sortKey${direction}, x.tie${direction} LIMIT $limit
  RETURN collect(x) AS rows
}
RETURN size(entries) AS total, rows,
  any(x IN CASE WHEN $cursorKey IS NULL THEN [] ELSE entries END
      WHERE x.sortKey ${behind} $cursorKey OR (x.sortKey = $cursorKey AND x.tie ${behindOrAt} $cursorTie)) AS beyond`;
};

const PROJECTION_NODES = /* cypher */ `
MATCH (n:Entity|Interaction) WHERE NOT n:Document
${countryOf('n')}
RETURN n.id AS uuid, ${typeOf('n')} AS type, coalesce(n.name, n.summary) AS name, country`;

/** Each node's neighbours over the links that pass the filter, one row per node. */
const PROJECTION_EDGES = /* cypher */ `
MATCH (a:Entity|Interaction)-[r]->(b:Entity|Interaction)
WHERE type(r) IN $types AND NOT a:Document AND NOT b:Document AND ${linkInWindow('r', 'a', 'b', 'stored')}
RETURN a.id AS a, collect(b.id) AS b`;

/** Rows (or link ends) per batch handed to the projection's builder. */
const PROJECTION_BATCH = 1_000;

/**
 * Lets the event loop serve what waits between two batches. Records buffered by the driver are
 * handed over as microtasks, which never yield on their own: without this a read of a large
 * projection held the loop for hundreds of milliseconds at a time. While this read pauses, the
 * driver stops pulling (its buffer is bounded), so each pause also bounds what arrives next.
 */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export class AnalyticsRepository {
  constructor(private readonly db: Database) {}

  /** The graph version a projection is built at and checked against. */
  graphVersion(requestId?: string): Promise<string> {
    return graphVersion(this.db, requestId);
  }

  /** Up to k shortest walks from one node to another, shortest first (none: empty list). */
  async shortestPaths(
    from: NodeRef,
    to: NodeRef,
    k: number,
    maxHops: number,
    filter: LinkFilter,
    requestId?: string,
  ): Promise<PathRecord[]> {
    // Documents are not walked through: the node predicate of oneShortestPath covers the ends
    // too, so a walk from or to one keeps the general form (which checks only later nodes).
    const simple =
      k === 1 &&
      filter.window === null &&
      filter.types.length > 0 &&
      filter.types.every((t) => LINK_TYPES.includes(t)) &&
      from.type !== 'Document' &&
      to.type !== 'Document';
    const result = await this.db.query(
      simple
        ? oneShortestPath(from.type, to.type, filter.types, maxHops)
        : shortestPaths(from.type, to.type, k, maxHops),
      { from: from.uuid, to: to.uuid, types: filter.types, ...windowParams(filter.window) },
      { operation: 'analytics.shortestPaths', requestId },
    );
    return result.records.map((record) => ({
      nodes: record.get('nodes') as NodeRef[],
      steps: (record.get('steps') as StepRecord[]).map((step) => ({
        ...step,
        role: step.role ?? null,
        evidenceIds: strings(step.evidenceIds),
        startDate: plain(step.startDate) as string | null,
        endDate: plain(step.endDate) as string | null,
      })),
    }));
  }

  /**
   * Breadth-first neighbourhood, one statement per level in one read transaction, so nearer
   * nodes are always kept before farther ones when the cap cuts.
   */
  async neighbourhood(
    centre: NodeRef,
    depth: number,
    cap: number,
    filter: LinkFilter & { labels: readonly string[] | null },
    withEdges: boolean,
    requestId?: string,
  ): Promise<{ nodes: NodeRef[]; edges: EdgeRecord[]; truncated: boolean } | null> {
    const params = { types: filter.types, labels: filter.labels, ...windowParams(filter.window) };
    return this.db.read(
      async (tx) => {
        const hasTypes = filter.labels !== null;
        const first = await tx.run(FIRST_LEVEL(centre.type, hasTypes), {
          ...params,
          id: centre.uuid,
          limit: neo4j.int(cap),
        });
        const start = first.records[0];
        if (!start) return null;
        type Found = { eid: string; uuid: string; type: NodeType; name: string | null };
        const seen: string[] = [start.get('eid') as string];
        const nodes: NodeRef[] = [{ ...centre, name: start.get('name') as string | null }];
        let truncated = false;
        // Keeps what fits under the cap (nearer levels came first) and says whether it cut.
        const take = (found: Found[]): string[] => {
          const room = cap - seen.length;
          if (found.length > room) truncated = true;
          const kept = found.slice(0, Math.max(room, 0));
          for (const f of kept) {
            seen.push(f.eid);
            nodes.push({ uuid: f.uuid, type: f.type, name: f.name ?? null });
          }
          return kept.map((f) => f.eid);
        };
        let frontier = take(start.get('found') as Found[]);
        for (let level = 2; level <= depth && frontier.length > 0 && !truncated; level++) {
          const found = await tx.run(NEXT_LEVEL(hasTypes), {
            ...params,
            frontier,
            seen,
            limit: neo4j.int(cap - seen.length + 1),
          });
          frontier = take(
            found.records.map((r) => ({
              eid: r.get('eid') as string,
              uuid: r.get('uuid') as string,
              type: r.get('type') as NodeType,
              name: r.get('name') as string | null,
            })),
          );
        }
        if (!withEdges) return { nodes, edges: [], truncated };
        const edges = await tx.run(SUBGRAPH, { ...params, eids: seen });
        return {
          nodes,
          edges: edges.records.map((r) => ({
            source: { uuid: r.get('a') as string, type: r.get('aType') as NodeType },
            target: { uuid: r.get('b') as string, type: r.get('bType') as NodeType },
            type: r.get('type') as LinkType,
            role: (r.get('role') as string | null) ?? null,
            evidenceIds: strings(r.get('evidenceIds')),
            startDate: plain(r.get('startDate')) as string | null,
            endDate: plain(r.get('endDate')) as string | null,
          })),
          truncated,
        };
      },
      { operation: 'analytics.neighbourhood', requestId },
    );
  }

  async timeline(uuid: string, first: number, requestId?: string): Promise<TimelineRecord[]> {
    const result = await this.db.query(
      TIMELINE,
      { id: uuid, first: neo4j.int(first) },
      { operation: 'analytics.timeline', requestId },
    );
    return result.records.map((r) => ({
      node: { uuid: r.get('uuid') as string, type: r.get('type') as NodeType },
      link: r.get('link') as LinkType,
      role: (r.get('role') as string | null) ?? null,
      date: plain(r.get('day')) as string | null,
    }));
  }

  /** One page of a timeline (limit rows after or before the cursor), its total, and `beyond`. */
  async timelinePage(
    uuid: string,
    cursor: { key: string; tie: string } | null,
    limit: number,
    backward: boolean,
    requestId?: string,
  ): Promise<{
    rows: (TimelineRecord & { sortKey: string; tie: string })[];
    total: number;
    beyond: boolean;
  }> {
    const result = await this.db.query(
      timelinePage(backward),
      {
        id: uuid,
        cursorKey: cursor?.key ?? null,
        cursorTie: cursor?.tie ?? null,
        limit: neo4j.int(limit),
      },
      { operation: 'analytics.timelinePage', requestId },
    );
    const record = result.records[0];
    const rows = (record?.get('rows') ?? []) as Record<string, unknown>[];
    return {
      rows: rows.map((r) => ({
        node: { uuid: r.uuid as string, type: r.type as NodeType },
        link: r.link as LinkType,
        role: (r.role as string | null) ?? null,
        date: plain(r.day) as string | null,
        sortKey: r.sortKey as string,
        tie: r.tie as string,
      })),
      total: Number(record?.get('total') ?? 0),
      beyond: record?.get('beyond') === true,
    };
  }

  /**
   * Streams the projection: every node, then every link passing the filter, in batches of
   * PROJECTION_BATCH rows as the driver pulls them, with a turn of the event loop after each,
   * so the caller hands each batch on (to the worker that builds the graph) without holding
   * the rows or the event loop. A sink that throws ends the read.
   */
  async project(
    filter: LinkFilter,
    sink: {
      /** Called as each attempt starts (the driver retries a read that failed transiently). */
      begin: () => void;
      nodes: (batch: ProjectionNode[]) => void;
      links: (from: string[], to: string[][]) => void;
    },
    options: { timeoutMs: number; requestId?: string },
  ): Promise<void> {
    await this.db.read(
      async (tx) => {
        sink.begin();
        let nodes: ProjectionNode[] = [];
        for await (const r of tx.run(PROJECTION_NODES)) {
          nodes.push({
            uuid: r.get('uuid') as string,
            type: r.get('type') as NodeType,
            name: (r.get('name') as string | null) ?? null,
            country: (r.get('country') as string | null) ?? null,
          });
          if (nodes.length === PROJECTION_BATCH) {
            sink.nodes(nodes);
            nodes = [];
            await turn();
          }
        }
        if (nodes.length > 0) sink.nodes(nodes);
        let from: string[] = [];
        let to: string[][] = [];
        let size = 0;
        for await (const r of tx.run(PROJECTION_EDGES, {
          types: filter.types,
          ...windowParams(filter.window),
        })) {
          const targets = r.get('b') as string[];
          from.push(r.get('a') as string);
          to.push(targets);
          size += 1 + targets.length;
          if (size >= PROJECTION_BATCH) {
            sink.links(from, to);
            [from, to, size] = [[], [], 0];
            await turn();
          }
        }
        if (from.length > 0) sink.links(from, to);
      },
      {
        operation: 'analytics.project',
        requestId: options.requestId,
        timeoutMs: options.timeoutMs,
      },
    );
  }
}
