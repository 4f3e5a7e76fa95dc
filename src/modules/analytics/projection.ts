/**
 * The in-memory projection the algorithms run on: an undirected simple graphology graph of
 * entities (but documents) and interaction nodes, read from Neo4j in one streamed pass, and the
 * results computed on it. Cached per filter and keyed by the graph version, so a projection
 * lives until the graph changes and two requests never build the same one twice.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { NodeType } from '../../shared/global-id';
import type { LinkFilter, ProjectionNode } from './analytics.repository';

export interface NodeAttributes {
  type: NodeType;
  name: string | null;
  country: string | null;
}

export type ProjectionGraph = UndirectedGraph<NodeAttributes>;

/** Exact betweenness up to this many nodes; above it, Brandes from sampled sources. */
export const EXACT_BETWEENNESS_LIMIT = 2_000;
export const BETWEENNESS_SAMPLES = 256;

/** A deterministic [0, 1) generator, so sampled scores and communities repeat run to run. */
export function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

export interface Scores {
  values: Map<string, number>;
  approximate: boolean;
}

export interface Communities {
  of: Map<string, number>;
  modularity: number;
  count: number;
}

/** One projection and the results computed on it so far (each computed once). */
export class Projection {
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly graph: ProjectionGraph,
    readonly version: string,
  ) {}

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  degree(): Scores {
    return this.once('degree', () => {
      const values = new Map<string, number>();
      this.graph.forEachNode((node) => values.set(node, this.graph.degree(node)));
      return { values, approximate: false };
    });
  }

  pagerank(): Scores {
    return this.once('pagerank', () => ({
      values: new Map(Object.entries(pagerank(this.graph, { getEdgeWeight: null }))),
      approximate: false,
    }));
  }

  betweenness(): Scores {
    return this.once('betweenness', () =>
      this.graph.order <= EXACT_BETWEENNESS_LIMIT
        ? {
            values: new Map(
              Object.entries(betweennessCentrality(this.graph, { getEdgeWeight: null })),
            ),
            approximate: false,
          }
        : { values: sampledBetweenness(this.graph, BETWEENNESS_SAMPLES), approximate: true },
    );
  }

  communities(): Communities {
    return this.once('communities', () => {
      if (this.graph.size === 0) {
        const of = new Map<string, number>();
        let i = 0;
        this.graph.forEachNode((node) => of.set(node, i++));
        return { of, modularity: 0, count: of.size };
      }
      const detailed = louvain.detailed(this.graph, {
        getEdgeWeight: null,
        rng: seededRandom(1),
      });
      // Number communities by size (largest 0), ties by their smallest member id: stable output.
      const members = new Map<number, string[]>();
      for (const [node, c] of Object.entries(detailed.communities)) {
        const list = members.get(c) ?? [];
        list.push(node);
        members.set(c, list);
      }
      const order = [...members.values()]
        .map((list) => list.sort())
        .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
      const of = new Map<string, number>();
      order.forEach((list, i) => list.forEach((node) => of.set(node, i)));
      return { of, modularity: detailed.modularity, count: order.length };
    });
  }
}

/**
 * Betweenness estimated from `samples` source nodes (Brandes & Pich, 2007): the library's
 * indexed Brandes pass from each sampled source, accumulated and scaled by n / samples.
 * Normalised like graphology's exact betweenness, so the two are comparable.
 */
export function sampledBetweenness(graph: ProjectionGraph, samples: number): Map<string, number> {
  const n = graph.order;
  const brandes = createUnweightedIndexedBrandes(graph);
  const random = seededRandom(7);
  const sources = new Set<number>();
  while (sources.size < Math.min(samples, n)) sources.add(Math.floor(random() * n));
  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (const source of sources) {
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) centrality[w]! += delta[w]!;
    }
  }
  const scale = n <= 2 ? 1 : n / sources.size / ((n - 1) * (n - 2));
  const values = new Map<string, number>();
  const index = (brandes as unknown as { index: { nodes: string[] } }).index;
  index.nodes.forEach((node, i) => values.set(node, centrality[i]! * scale));
  return values;
}

/** Builds a projection from the streamed rows: nodes first, then links (parallel ones merged). */
export async function buildProjection(
  version: string,
  stream: (
    onNode: (node: ProjectionNode) => void,
    onEdge: (a: string, b: string) => void,
  ) => Promise<void>,
): Promise<Projection> {
  const graph: ProjectionGraph = new UndirectedGraph<NodeAttributes>({ allowSelfLoops: false });
  await stream(
    (node) => graph.addNode(node.uuid, { type: node.type, name: node.name, country: node.country }),
    (a, b) => {
      if (a !== b && graph.hasNode(a) && graph.hasNode(b)) graph.mergeEdge(a, b);
    },
  );
  return new Projection(graph, version);
}

/** Projections per link filter, dropped when the graph version moves on. */
export class ProjectionCache {
  private readonly entries = new Map<string, Promise<Projection>>();

  constructor(private readonly maxEntries = 4) {}

  static key(filter: LinkFilter): string {
    return JSON.stringify([[...filter.types].sort(), filter.window]);
  }

  async get(
    filter: LinkFilter,
    version: string,
    build: () => Promise<Projection>,
  ): Promise<Projection> {
    const key = ProjectionCache.key(filter);
    const cached = this.entries.get(key);
    if (cached) {
      const projection = await cached.catch(() => undefined);
      if (projection && projection.version === version) return projection;
      if (this.entries.get(key) === cached) this.entries.delete(key);
    }
    const pending = build();
    // Least recently built goes first when full.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    return pending;
  }
}
