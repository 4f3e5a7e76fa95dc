/**
 * The in-memory projection the algorithms run on: an undirected simple graphology graph of
 * entities (but documents) and interaction nodes, built from the rows of one streamed read, and
 * the answers computed on it (rankings, communities, brokers), each cut to what a request asks
 * so little crosses back. Pure and synchronous: it runs inside the analytics worker threads
 * (analytics.worker.ts), never on the event loop that serves requests.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { ENTITY_LABELS } from '../../shared/model';
import type { ProjectionNode } from './analytics.repository';
import { brokers, type BrokerScore } from './brokers';
import type { NodeAttributes, ProjectionGraph } from './projection-graph';

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

export type Measure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

/** The best-ranked nodes of the allowed types, highest first (ties by uuid). */
export interface Ranking {
  ranked: [uuid: string, score: number][];
  approximate: boolean;
}

/** The communities a request lists, each with its countries and best-connected entities. */
export interface CommunityListing {
  modularity: number;
  count: number;
  communities: {
    id: number;
    size: number;
    countries: string[];
    /** Entity members, most links first, cut to membersFirst. */
    members: string[];
    memberIds: string[];
  }[];
}

/** Which of the costlier measures a metrics request wants (degree and country come free). */
export interface MetricsAsked {
  pageRank: boolean;
  betweenness: boolean;
  community: boolean;
}

/** One node's measures on the whole projection; a measure not asked for is null. */
export interface NodeMetricsRow {
  uuid: string;
  type: string;
  degree: number;
  pageRank: number | null;
  betweenness: number | null;
  community: number | null;
  country: string | null;
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
    return brokers(this.graph, (key) => groupOf(this.graph.getNodeAttribute(key, 'uuid')), options);
  }

  /** The `first` nodes of the allowed types by a measure, highest first (ties by uuid). */
  ranking(measure: Measure, allowed: readonly string[], first: number): Ranking {
    const scores =
      measure === 'DEGREE'
        ? this.degree()
        : measure === 'PAGERANK'
          ? this.pagerank()
          : this.betweenness();
    const types = new Set(allowed);
    const ranked = [...scores.values]
      .filter(([uuid]) => types.has(this.attributes(uuid)?.type ?? ''))
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, first);
    return { ranked, approximate: scores.approximate };
  }

  /**
   * The measures of the given nodes, from the same memoised whole-graph results the rankings
   * and the communities listing read (so the values are theirs exactly); nodes not in the
   * projection are left out.
   */
  metrics(uuids: readonly string[], asked: MetricsAsked): NodeMetricsRow[] {
    const degree = this.degree().values;
    const pageRank = asked.pageRank ? this.pagerank().values : null;
    const betweenness = asked.betweenness ? this.betweenness().values : null;
    const community = asked.community ? this.communities().of : null;
    return uuids.flatMap((uuid) => {
      const a = this.attributes(uuid);
      if (!a) return [];
      return [
        {
          uuid,
          type: a.type,
          degree: degree.get(uuid) ?? 0,
          pageRank: pageRank?.get(uuid) ?? null,
          betweenness: betweenness?.get(uuid) ?? null,
          community: community?.get(uuid) ?? null,
          country: a.country,
        },
      ];
    });
  }

  /** Communities of at least minSize members, largest first, cut to first and membersFirst. */
  listing(first: number, membersFirst: number, minSize: number): CommunityListing {
    const { of, modularity, count } = this.communities();
    const groups = new Map<number, string[]>();
    for (const [uuid, c] of of) {
      const members = groups.get(c);
      if (members) members.push(uuid);
      else groups.set(c, [uuid]);
    }
    const listed = [...groups.entries()]
      .filter(([, members]) => members.length >= minSize)
      .sort(([a], [b]) => a - b)
      .slice(0, first);
    const degree = this.degree().values;
    const entity = (uuid: string): boolean =>
      (ENTITY_LABELS as readonly string[]).includes(this.attributes(uuid)?.type ?? '');
    return {
      modularity,
      count,
      communities: listed.map(([c, members]) => ({
        id: c,
        size: members.length,
        countries: mostFrequent(members.map((m) => this.attributes(m)?.country ?? null)),
        members: members
          .filter(entity)
          .sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : 1))
          .slice(0, membersFirst),
        memberIds: members,
      })),
    };
  }

  /** Brokers by country or community among the candidate types, best first, cut to first. */
  brokerRanking(
    by: 'COUNTRY' | 'COMMUNITY',
    options: { candidates: readonly string[]; required: readonly string[] },
    first: number,
  ): BrokerScore[] {
    const communities = by === 'COMMUNITY' ? this.communities().of : null;
    const groupOf = (uuid: string): string | null =>
      communities ? String(communities.get(uuid)) : (this.attributes(uuid)?.country ?? null);
    return this.brokers(groupOf, {
      candidates: new Set(options.candidates),
      required: [...options.required],
    }).slice(0, first);
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
      // Nodes are visited in id order from the first (no random start): a random start is drawn
      // from the node count, so one new node without links would move the others.
      const detailed = louvain.detailed(this.graph, {
        getEdgeWeight: null,
        randomWalk: false,
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
 * Builds a projection from streamed rows: nodes first, then each node's neighbours. Links are
 * packed into numbers (lower index * n + higher index), sorted and deduplicated before graphology
 * sees them, so parallel and opposite links cost nothing and the graph is built in order.
 */
export class ProjectionBuilder {
  private readonly started = performance.now();
  private readonly nodes: ProjectionNode[] = [];
  private readonly index = new Map<string, number>();
  private packed = new Float64Array(1 << 16);
  private count = 0;
  private linking = false;

  addNode(node: ProjectionNode): void {
    if (this.linking) throw new Error('projection nodes come before links');
    this.index.set(node.uuid, this.nodes.length);
    this.nodes.push(node);
  }

  addLinks(from: string, to: readonly string[]): void {
    this.linking = true;
    const a = this.index.get(from);
    if (a === undefined) return;
    const n = this.nodes.length;
    for (const target of to) {
      const b = this.index.get(target);
      if (b === undefined || b === a) continue;
      if (this.count === this.packed.length) {
        const grown = new Float64Array(this.packed.length * 2);
        grown.set(this.packed);
        this.packed = grown;
      }
      this.packed[this.count++] = a < b ? a * n + b : b * n + a;
    }
  }

  /**
   * The graph, timed from this builder's creation (so the read of the rows counts too). Nodes
   * are added in id order, not in the order the rows came: Neo4j streams them in the order of
   * its store, which depends on what was written and deleted before, and Louvain and the
   * sampled betweenness follow the order of the nodes. So equal graphs give equal answers.
   */
  finish(version: string): Projection {
    const graph: ProjectionGraph = new UndirectedGraph<NodeAttributes>({ allowSelfLoops: false });
    const n = this.nodes.length;
    // (The default sort compares strings as `<` does, and is faster than a comparator.)
    const ids = this.nodes.map((node) => node.uuid).sort();
    const place = new Uint32Array(n);
    ids.forEach((uuid, i) => {
      const arrived = this.index.get(uuid)!;
      place[arrived] = i;
      const node = this.nodes[arrived]!;
      graph.addNode(i.toString(36), {
        uuid: node.uuid,
        type: node.type,
        name: node.name,
        country: node.country,
      });
    });
    const links = this.packed.subarray(0, this.count);
    for (let k = 0; k < links.length; k++) {
      const arrived = Math.floor(links[k]! / n);
      const [a, b] = [place[arrived]!, place[links[k]! - arrived * n]!];
      links[k] = a < b ? a * n + b : b * n + a;
    }
    links.sort();
    let previous = -1;
    for (const link of links) {
      if (link === previous) continue;
      previous = link;
      const a = Math.floor(link / n);
      graph.addEdge(a.toString(36), (link - a * n).toString(36));
    }
    return new Projection(graph, version, Math.round(performance.now() - this.started));
  }
}

/** Builds a projection from a stream of rows (one call of `stream`). */
export async function buildProjection(
  version: string,
  stream: (
    onNode: (node: ProjectionNode) => void,
    onLinks: (from: string, to: string[]) => void,
  ) => Promise<void>,
): Promise<Projection> {
  const builder = new ProjectionBuilder();
  await stream(
    (node) => builder.addNode(node),
    (from, to) => builder.addLinks(from, to),
  );
  return builder.finish(version);
}

/** Distinct non-null values, most frequent first (ties alphabetical). */
function mostFrequent(values: (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([v]) => v);
}
