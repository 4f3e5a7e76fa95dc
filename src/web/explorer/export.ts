/**
 * The view taken away: the nodes and links on screen (hidden ones and those the time window
 * leaves out excepted) as GEXF, GraphML or CSV, written by the same writers as the API's
 * /export files, and the canvas as PNG.
 */
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import { EXPORT_FILES, type EdgeRow, type NodeRow } from '../../shared/graph-formats';
import { download } from './dom';
import type { EdgeAttributes, NodeAttributes, ViewGraph } from './model';

export const FORMATS = {
  gexf: { file: 'graph.gexf', label: 'GEXF (Gephi)' },
  graphml: { file: 'graph.graphml', label: 'GraphML' },
  nodes: { file: 'nodes.csv', label: 'Nodes CSV' },
  edges: { file: 'edges.csv', label: 'Links CSV' },
} as const;
export type Format = keyof typeof FORMATS;

export function nodeRow(id: string, a: NodeAttributes): NodeRow {
  return {
    id,
    uuid: null,
    type: a.kind,
    label: a.label,
    kind: null,
    country: a.metrics?.country ?? a.country,
    startDate: a.date,
    endDate: null,
    community: a.metrics?.community ?? null,
    aliases: [],
  };
}

export function edgeRow(id: string, source: string, target: string, a: EdgeAttributes): EdgeRow {
  return {
    id,
    source,
    target,
    type: a.link,
    role: a.role,
    startDate: a.startDate,
    endDate: a.endDate,
    evidenceCount: null,
  };
}

/** The text of one format for the visible part of the graph. */
export function exportText(
  graph: ViewGraph,
  format: Format,
  visibleNode: (node: string) => boolean,
  visibleEdge: (edge: string) => boolean,
): { name: string; text: string; type: string } {
  const { file } = FORMATS[format];
  const writer = EXPORT_FILES[file]!();
  const parts = [writer.begin()];
  if (writer.parts.nodes) {
    parts.push(writer.beginNodes?.() ?? '');
    graph.forEachNode((node, a) => {
      if (visibleNode(node)) parts.push(writer.node(nodeRow(node, a)));
    });
  }
  if (writer.parts.edges) {
    parts.push(writer.beginEdges?.() ?? '');
    graph.forEachEdge((edge, a, source, target) => {
      if (visibleEdge(edge) && visibleNode(source) && visibleNode(target))
        parts.push(writer.edge(edgeRow(edge, source, target, a)));
    });
  }
  parts.push(writer.end());
  return { name: `cluster-graph-view-${file}`, text: parts.join(''), type: writer.contentType };
}

export function downloadText(
  graph: ViewGraph,
  format: Format,
  visibleNode: (node: string) => boolean,
  visibleEdge: (edge: string) => boolean,
): void {
  const { name, text, type } = exportText(graph, format, visibleNode, visibleEdge);
  download(name, new Blob([text], { type }));
}

export async function downloadPng(renderer: Sigma<NodeAttributes, EdgeAttributes>): Promise<void> {
  await downloadAsPNG(renderer as unknown as Sigma, {
    fileName: 'cluster-graph-view',
    backgroundColor: '#ffffff',
  });
}
