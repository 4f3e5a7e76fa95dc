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
import { brokers, type BrokerScore } from './brokers';
import { VersionedCache } from '../../shared/versioned-cache';

export interface NodeAttributes {
  uuid: string;
  type: NodeType;
  name: string | null;
  country: string | null;
}

export type ProjectionGraph = UndirectedGraph<NodeAttributes>;

/** Exact betweenness up to this many nodes; above it, Brandes from sampled sources. */
export const EXACT_BETWEENNESS_LIMIT = 2_000;
/**
 * Sources sampled for approximate betweenness: 256 on mid-sized graphs, fewer on large ones so
 * an estimate costs about 50 million link visits (each sample is one breadth-first pass).
 */
export function betweennessSamples(links: number): number {
  return Math.max(32, Math.min(256, Math.floor(5e7 / Math.max(links, 1))));
}

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
  /** Node key in the graph by uuid (keys are short, uuids live in the attributes). */
  private readonly keys = new Map<string, string>();

  readonly builtAt = new Date();

  constructor(
    readonly graph: ProjectionGraph,
    readonly version: string,
    /** Milliseconds the build took (read and graph construction). */
    readonly buildMs = 0,
  ) {
    graph.forEachNode((key, attributes) => this.keys.set(attributes.uuid, key));
  }

  /** The attributes of the node with this uuid, or undefined when it is not in the projection. */
  attributes(uuid: string): NodeAttributes | undefined {
    const key = this.keys.get(uuid);
    return key === undefined ? undefined : this.graph.getNodeAttributes(key);
  }

  /** A per-key result re-keyed by uuid. */
  private byUuid(values: Iterable<[string, number]>): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, value] of values) out.set(this.graph.getNodeAttribute(key, 'uuid'), value);
    return out;
  }

  brokers(
    groupOf: (uuid: string) => string | null,
    options: { candidates: Set<string>; required: string[] },
  ): BrokerScore[] {
    return brokers(
      this.graph,
      (key) => groupOf(this.graph.getNodeAttribute(key, 'uuid')),
      options,
    ).map((b) => ({ ...b, uuid: this.graph.getNodeAttribute(b.uuid, 'uuid') }));
  }

  private once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  degree(): Scores {
    return this.once('degree', () => {
      const values = new Map<string, number>();
      this.graph.forEachNode((node, a) => values.set(a.uuid, this.graph.degree(node)));
      return { values, approximate: false };
    });
  }

  pagerank(): Scores {
    return this.once('pagerank', () => ({
      values: this.byUuid(Object.entries(pagerank(this.graph, { getEdgeWeight: null }))),
      approximate: false,
    }));
  }

  betweenness(): Scores {
    return this.once('betweenness', () =>
      this.graph.order <= EXACT_BETWEENNESS_LIMIT
        ? {
            values: this.byUuid(
              Object.entries(betweennessCentrality(this.graph, { getEdgeWeight: null })),
            ),
            approximate: false,
          }
        : {
            values: this.byUuid(
              sampledBetweenness(this.graph, betweennessSamples(this.graph.size)),
            ),
            approximate: true,
          },
    );
  }

  communities(): Communities {
    return this.once('communities', () => {
      if (this.graph.size === 0) {
        const of = new Map<string, number>();
        let i = 0;
        this.graph.forEachNode((_, a) => of.set(a.uuid, i++));
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
        list.push(this.graph.getNodeAttribute(node, 'uuid'));
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

/**
 * Builds a projection from the streamed rows: nodes first, then each node's neighbours. Links are
 * packed into numbers (lower index * n + higher index), sorted and deduplicated before graphology
 * sees them, so parallel and opposite links cost nothing and the graph is built in order.
 */
export async function buildProjection(
  version: string,
  stream: (
    onNode: (node: ProjectionNode) => void,
    onLinks: (from: string, to: string[]) => void,
  ) => Promise<void>,
): Promise<Projection> {
  const started = performance.now();
  const nodes: ProjectionNode[] = [];
  const index = new Map<string, number>();
  let packed = new Float64Array(1 << 16);
  let count = 0;
  await stream(
    (node) => {
      index.set(node.uuid, nodes.length);
      nodes.push(node);
    },
    (from, to) => {
      const a = index.get(from);
      if (a === undefined) return;
      for (const target of to) {
        const b = index.get(target);
        if (b === undefined || b === a) continue;
        if (count === packed.length) {
          const grown = new Float64Array(packed.length * 2);
          grown.set(packed);
          packed = grown;
        }
        packed[count++] = a < b ? a * nodes.length + b : b * nodes.length + a;
      }
    },
  );
  const graph: ProjectionGraph = new UndirectedGraph<NodeAttributes>({ allowSelfLoops: false });
  nodes.forEach((n, i) =>
    graph.addNode(i.toString(36), { uuid: n.uuid, type: n.type, name: n.name, country: n.country }),
  );
  const links = packed.subarray(0, count).sort();
  const n = nodes.length;
  let previous = -1;
  for (const link of links) {
    if (link === previous) continue;
    previous = link;
    const a = Math.floor(link / n);
    graph.addEdge(a.toString(36), (link - a * n).toString(36));
  }
  return new Projection(graph, version, Math.round(performance.now() - started));
}

/** Projections per link filter, dropped when the graph version moves on. */
export class ProjectionCache {
  private readonly cache: VersionedCache<Projection>;

  constructor(maxEntries = 4) {
    this.cache = new VersionedCache(maxEntries);
  }

  /** The projection for a filter if one is built (whatever its version), without building. */
  peek(filter: LinkFilter): Promise<Projection | undefined> {
    return this.cache.peek(ProjectionCache.key(filter));
  }

  static key(filter: LinkFilter): string {
    return JSON.stringify([[...filter.types].sort(), filter.window]);
  }

  get(filter: LinkFilter, version: string, build: () => Promise<Projection>): Promise<Projection> {
    return this.cache.get(ProjectionCache.key(filter), version, build);
  }
}
