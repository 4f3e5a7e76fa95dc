/**
 * The graph on the canvas (graphology, keyed by global id) and the rules that draw it: labels,
 * colours by type, country or community, sizes by the whole graph's degree, PageRank or
 * betweenness, and the time window, which keeps a link the way the API's `window` argument does.
 */
import { MultiDirectedGraph } from 'graphology';
import type { ColourBy, SizeBy } from './url-state';

export interface Metrics {
  degree: number;
  pageRank: number;
  betweenness: number;
  community: number | null;
  country: string | null;
}

export interface NodeAttributes {
  /** __typename: Organisation, Person ... Invitation, Question. */
  kind: string;
  label: string;
  country: string | null;
  /** The node's day (an interaction's date, an event's first day); null when undated. */
  date: string | null;
  x: number;
  y: number;
  size: number;
  color: string;
  fixed?: boolean;
  hiddenByUser?: boolean;
  metrics?: Metrics;
}

export interface EdgeAttributes {
  /** The relationship type (not `type`, which sigma reads as the name of a drawing program). */
  link: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  size: number;
  color: string;
}

export type ViewGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const newGraph = (): ViewGraph =>
  new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });

/**
 * Changes attributes sigma does not draw from (or draws through its reducers) without an event:
 * sigma answers a single node's update by repainting that node alone, which throws for a node
 * it has not drawn yet. The caller redraws (renderer.refresh) once it has made its changes.
 */
export function patchNode(graph: ViewGraph, node: string, patch: Partial<NodeAttributes>): void {
  if (graph.hasNode(node)) Object.assign(graph.getNodeAttributes(node), patch);
}

/** A node as the API gives it (the ExplorerNode fragment). */
export interface ApiNode {
  __typename: string;
  id: string;
  name?: string;
  type?: string;
  country?: string | null;
  effectiveStartDate?: string | null;
  date?: string | null;
  summary?: string | null;
}

export interface ApiEdge {
  source: string;
  target: string;
  type: string;
  role: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export const INTERACTIONS = ['Invitation', 'Presentation', 'Proposal', 'Question'];

export function labelOf(node: ApiNode): string {
  if (node.name) return node.name;
  return [node.__typename, node.date].filter(Boolean).join(' · ');
}

/** One key per relationship: its ends, type and role (one may take part twice, in two roles). */
export const edgeKey = (edge: ApiEdge): string =>
  `${edge.source}>${edge.type}>${edge.role ?? ''}>${edge.target}`;

/** A small deterministic scatter, so a replayed view starts (and so ends) its layout alike. */
function jitter(seed: string): [number, number] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const a = ((h >>> 0) % 3600) / 3600;
  const r = 1 + (((h >>> 12) % 1000) / 1000) * 2;
  return [Math.cos(a * 2 * Math.PI) * r, Math.sin(a * 2 * Math.PI) * r];
}

/** Adds the nodes not yet on the canvas (near `near` when given); returns the ones added. */
export function addNodes(graph: ViewGraph, nodes: ApiNode[], near?: string): string[] {
  const added: string[] = [];
  const centre = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
  for (const node of nodes) {
    if (graph.hasNode(node.id)) {
      patchNode(graph, node.id, { hiddenByUser: false });
      continue;
    }
    const [dx, dy] = jitter(node.id);
    graph.addNode(node.id, {
      kind: node.__typename,
      label: labelOf(node),
      country: node.country ?? null,
      date: node.date ?? node.effectiveStartDate ?? null,
      x: centre.x + dx,
      y: centre.y + dy,
      size: 5,
      color: '#999',
    });
    added.push(node.id);
  }
  return added;
}

/**
 * Places nodes just added next to those already placed that they link to, nearest first (the
 * order the API lists a neighbourhood in), on a ring a little wider each step out: the layout then
 * starts from a tree-like picture instead of a heap, and settles in fewer iterations.
 */
export function placeNear(graph: ViewGraph, added: string[]): void {
  const fresh = new Set(added);
  const placed = new Set(graph.filterNodes((node) => !fresh.has(node)));
  const pending = new Set(added);
  const ring = Math.max(1, Math.sqrt(added.length) / 4);
  for (let round = 0; round < 4 && pending.size; round++) {
    for (const node of pending) {
      let x = 0;
      let y = 0;
      let n = 0;
      graph.forEachNeighbor(node, (neighbour, a) => {
        if (!placed.has(neighbour)) return;
        x += a.x;
        y += a.y;
        n += 1;
      });
      if (n === 0) continue;
      const [dx, dy] = jitter(node);
      graph.mergeNodeAttributes(node, { x: x / n + dx * ring, y: y / n + dy * ring });
      placed.add(node);
      pending.delete(node);
    }
  }
}

export function addEdges(graph: ViewGraph, edges: ApiEdge[]): void {
  for (const edge of edges) {
    const key = edgeKey(edge);
    if (graph.hasEdge(key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(key, edge.source, edge.target, {
      link: edge.type,
      role: edge.role,
      startDate: edge.startDate ?? null,
      endDate: edge.endDate ?? null,
      size: 1,
      color: '#c8c8c8',
    });
  }
}

export interface TimeWindow {
  from: string;
  to: string;
  undated: boolean;
}

/**
 * Whether a link is kept by the window, as the API's `window` keeps it: its period (its own
 * dates, else those of the event or interaction at an end) overlaps [from, to]; an undated link
 * is kept when `undated` is.
 */
export function inWindow(edge: EdgeAttributes, window: TimeWindow): boolean {
  if (!window.from && !window.to) return true;
  const { startDate, endDate } = edge;
  if (startDate === null && endDate === null) return window.undated;
  return (
    (startDate === null || !window.to || startDate <= window.to) &&
    (endDate === null || !window.from || endDate >= window.from)
  );
}

/** A node the window leaves out: an interaction dated outside it. */
export function nodeOutOfWindow(node: NodeAttributes, window: TimeWindow): boolean {
  if (!INTERACTIONS.includes(node.kind) || (!window.from && !window.to)) return false;
  if (node.date === null) return !window.undated;
  return (!!window.from && node.date < window.from) || (!!window.to && node.date > window.to);
}

export const TYPE_COLOURS: Record<string, string> = {
  Organisation: '#1f77b4',
  Person: '#d62728',
  Event: '#2ca02c',
  Project: '#9467bd',
  Publication: '#8c564b',
  Place: '#7f7f7f',
  Topic: '#bcbd22',
  Award: '#e377c2',
  Invitation: '#ff7f0e',
  Presentation: '#17becf',
  Proposal: '#aec7e8',
  Question: '#ffbb78',
};

/** Colours for groups (countries, communities), in order of first sight; grey for none. */
const GROUP_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#86bcb6',
  '#d37295',
  '#a0cbe8',
];
export const NO_GROUP = '#bbbbbb';

export interface LegendEntry {
  label: string;
  color: string;
  count: number;
}

/** Colours every node by the chosen rule (quietly: the caller redraws); returns the legend. */
export function colourNodes(
  graph: ViewGraph,
  by: ColourBy,
  /** Which nodes the legend counts: those on screen. */
  counted: (node: string) => boolean = () => true,
): LegendEntry[] {
  const groups = new Map<string, LegendEntry>();
  const groupOf = (attributes: NodeAttributes): string | null =>
    by === 'type'
      ? attributes.kind
      : by === 'country'
        ? (attributes.metrics?.country ?? attributes.country)
        : attributes.metrics?.community === undefined || attributes.metrics.community === null
          ? null
          : `community ${attributes.metrics.community}`;
  // Groups sorted first (largest first), so colours follow size, not arrival.
  const counts = new Map<string | null, number>();
  graph.forEachNode((node, a) => {
    const group = groupOf(a);
    counts.set(group, (counts.get(group) ?? 0) + (counted(node) ? 1 : 0));
  });
  const ordered = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])),
  );
  let next = 0;
  for (const [group, count] of ordered) {
    const color =
      group === null
        ? NO_GROUP
        : by === 'type'
          ? (TYPE_COLOURS[group] ?? NO_GROUP)
          : next < GROUP_PALETTE.length
            ? GROUP_PALETTE[next++]!
            : NO_GROUP;
    const label = group ?? (by === 'country' ? 'no country' : 'no community');
    groups.set(String(group), { label, color, count });
  }
  // Quietly (see patchNode): the caller redraws.
  graph.forEachNode((_, a) => {
    a.color = groups.get(String(groupOf(a)))?.color ?? NO_GROUP;
  });
  return [...groups.values()];
}

/** Sizes every node by the chosen measure (square root scale, 3 to 18 px; quietly). */
export function sizeNodes(graph: ViewGraph, by: SizeBy): void {
  const valueOf = (node: string, a: NodeAttributes): number =>
    by === 'none'
      ? 1
      : by === 'degree'
        ? (a.metrics?.degree ?? graph.degree(node))
        : (a.metrics?.[by] ?? 0);
  let max = 0;
  graph.forEachNode((node, a) => {
    max = Math.max(max, valueOf(node, a));
  });
  graph.forEachNode((node, a) => {
    a.size = by === 'none' || max === 0 ? 5 : 3 + 15 * Math.sqrt(valueOf(node, a) / max);
  });
}
