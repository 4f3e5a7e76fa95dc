/**
 * The export formats, each a writer that turns rows into text piece by piece (header, one node,
 * one edge, footer), so an export of any size streams in constant memory: GEXF 1.3 and GraphML
 * for Gephi, yEd and NetworkX, graphology's JSON serialisation, and two CSV files in the columns
 * Gephi's spreadsheet import recognises (Id/Label, Source/Target/Type).
 */

export interface NodeRow {
  id: string;
  /** The node's uuid; null where it is not known (the explorer knows global ids only). */
  uuid: string | null;
  type: string;
  label: string;
  kind: string | null;
  country: string | null;
  startDate: string | null;
  endDate: string | null;
  community: number | null;
  aliases: string[];
}

export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  /** How many sources state the link; null where it is not known. */
  evidenceCount: number | null;
}

export interface FormatWriter {
  contentType: string;
  /** Which rows the format needs: CSV files hold one of the two. */
  parts: { nodes: boolean; edges: boolean };
  begin(): string;
  beginNodes?(): string;
  node(row: NodeRow): string;
  beginEdges?(): string;
  edge(row: EdgeRow): string;
  end(): string;
}

/** Characters XML 1.0 cannot hold at all (controls but tab, newline, return). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};
export const xml = (value: string): string =>
  value.replace(XML_INVALID, '').replace(/[&<>"'\n\r\t]/g, (c) => XML_ESCAPES[c]!);

/**
 * A text cell a spreadsheet would run as a formula: it starts with = + - @, tab or carriage
 * return (OWASP's list), or their full-width forms, which some spreadsheets read alike.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell. Text a spreadsheet would run as a formula gets a leading single quote, which
 * spreadsheets read as "this is text" (OWASP CSV injection), and is always quoted; other text is
 * quoted when it holds a comma, quote or line break (RFC 4180), quotes doubled. Numbers are ours
 * (counts, community ids) and stay numbers.
 */
export const csv = (value: string | number | null): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

type Attribute = { key: string; type: 'string' | 'integer' };
const NODE_ATTRIBUTES: (Attribute & { of: (n: NodeRow) => string | number | null })[] = [
  { key: 'type', type: 'string', of: (n) => n.type },
  { key: 'kind', type: 'string', of: (n) => n.kind },
  { key: 'country', type: 'string', of: (n) => n.country },
  { key: 'startDate', type: 'string', of: (n) => n.startDate },
  { key: 'endDate', type: 'string', of: (n) => n.endDate },
  { key: 'community', type: 'integer', of: (n) => n.community },
  { key: 'aliases', type: 'string', of: (n) => (n.aliases.length ? n.aliases.join(' | ') : null) },
  { key: 'uuid', type: 'string', of: (n) => n.uuid },
];
const EDGE_ATTRIBUTES: (Attribute & { of: (e: EdgeRow) => string | number | null })[] = [
  { key: 'type', type: 'string', of: (e) => e.type },
  { key: 'role', type: 'string', of: (e) => e.role },
  { key: 'startDate', type: 'string', of: (e) => e.startDate },
  { key: 'endDate', type: 'string', of: (e) => e.endDate },
  { key: 'evidenceCount', type: 'integer', of: (e) => e.evidenceCount },
];

function xmlValues<T>(
  row: T,
  attributes: { key: string; of: (row: T) => string | number | null }[],
  write: (key: string, value: string) => string,
): string {
  return attributes
    .map((a) => {
      const value = a.of(row);
      return value === null ? '' : write(a.key, xml(String(value)));
    })
    .join('');
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

function gexf(): FormatWriter {
  const declare = (cls: string, list: Attribute[]): string =>
    `    <attributes class="${cls}">\n${list
      .map((a) => `      <attribute id="${a.key}" title="${a.key}" type="${a.type}"/>\n`)
      .join('')}    </attributes>\n`;
  return {
    contentType: 'application/gexf+xml; charset=utf-8',
    parts: { nodes: true, edges: true },
    begin: () =>
      `${XML_HEAD}<gexf xmlns="http://gexf.net/1.3" version="1.3">\n` +
      `  <meta><creator>Cluster Graph</creator><description>Cross-border cluster collaboration graph</description></meta>\n` +
      `  <graph defaultedgetype="directed" mode="static">\n` +
      declare('node', NODE_ATTRIBUTES) +
      declare('edge', EDGE_ATTRIBUTES),
    beginNodes: () => '    <nodes>\n',
    node: (n) =>
      `      <node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues>${xmlValues(
        n,
        NODE_ATTRIBUTES,
        (k, v) => `<attvalue for="${k}" value="${v}"/>`,
      )}</attvalues></node>\n`,
    beginEdges: () => '    </nodes>\n    <edges>\n',
    edge: (e) =>
      `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(
        e.type,
      )}"><attvalues>${xmlValues(
        e,
        EDGE_ATTRIBUTES,
        (k, v) => `<attvalue for="${k}" value="${v}"/>`,
      )}</attvalues></edge>\n`,
    end: () => '    </edges>\n  </graph>\n</gexf>\n',
  };
}

function graphml(): FormatWriter {
  const keys = (domain: string, list: Attribute[]): string =>
    list
      .map(
        (a) =>
          `  <key id="${domain[0]}_${a.key}" for="${domain}" attr.name="${a.key}" attr.type="${
            a.type === 'integer' ? 'int' : 'string'
          }"/>\n`,
      )
      .join('');
  return {
    contentType: 'application/graphml+xml; charset=utf-8',
    parts: { nodes: true, edges: true },
    begin: () =>
      `${XML_HEAD}<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n` +
      `  <key id="n_label" for="node" attr.name="label" attr.type="string"/>\n` +
      keys('node', NODE_ATTRIBUTES) +
      keys('edge', EDGE_ATTRIBUTES) +
      `  <graph id="cluster-graph" edgedefault="directed">\n`,
    node: (n) =>
      `    <node id="${xml(n.id)}"><data key="n_label">${xml(n.label)}</data>${xmlValues(
        n,
        NODE_ATTRIBUTES,
        (k, v) => `<data key="n_${k}">${v}</data>`,
      )}</node>\n`,
    edge: (e) =>
      `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${xmlValues(
        e,
        EDGE_ATTRIBUTES,
        (k, v) => `<data key="e_${k}">${v}</data>`,
      )}</edge>\n`,
    end: () => '  </graph>\n</graphml>\n',
  };
}

/** graphology's serialisation format: `Graph.from(JSON.parse(text))` reads it back. */
function json(): FormatWriter {
  let firstNode = true;
  let firstEdge = true;
  const attributes = <T>(
    row: T,
    list: { key: string; of: (row: T) => string | number | null }[],
  ): Record<string, string | number> =>
    Object.fromEntries(
      list.flatMap((a) => {
        const value = a.of(row);
        return value === null ? [] : [[a.key, value]];
      }),
    );
  return {
    contentType: 'application/json; charset=utf-8',
    parts: { nodes: true, edges: true },
    begin: () =>
      '{"options":{"type":"directed","multi":true,"allowSelfLoops":true},"attributes":{"name":"Cluster Graph"},\n"nodes":[\n',
    node: (n) => {
      const text = `${firstNode ? '' : ',\n'}${JSON.stringify({
        key: n.id,
        attributes: { label: n.label, ...attributes(n, NODE_ATTRIBUTES) },
      })}`;
      firstNode = false;
      return text;
    },
    beginEdges: () => '\n],\n"edges":[\n',
    edge: (e) => {
      const text = `${firstEdge ? '' : ',\n'}${JSON.stringify({
        key: e.id,
        source: e.source,
        target: e.target,
        attributes: attributes(e, EDGE_ATTRIBUTES),
      })}`;
      firstEdge = false;
      return text;
    },
    end: () => '\n]}\n',
  };
}

function nodesCsv(): FormatWriter {
  return {
    contentType: 'text/csv; charset=utf-8',
    parts: { nodes: true, edges: false },
    begin: () => `Id,Label,${NODE_ATTRIBUTES.map((a) => a.key).join(',')}\r\n`,
    node: (n) =>
      `${[n.id, n.label, ...NODE_ATTRIBUTES.map((a) => a.of(n))].map(csv).join(',')}\r\n`,
    edge: () => '',
    end: () => '',
  };
}

function edgesCsv(): FormatWriter {
  return {
    contentType: 'text/csv; charset=utf-8',
    parts: { nodes: false, edges: true },
    begin: () => `Source,Target,Type,Id,Label,${EDGE_ATTRIBUTES.map((a) => a.key).join(',')}\r\n`,
    node: () => '',
    edge: (e) =>
      `${[e.source, e.target, 'Directed', e.id, e.type, ...EDGE_ATTRIBUTES.map((a) => a.of(e))]
        .map(csv)
        .join(',')}\r\n`,
    end: () => '',
  };
}

/** The files under /export/ and the writer each is made by (a fresh writer per request). */
export const EXPORT_FILES: Record<string, () => FormatWriter> = {
  'graph.gexf': gexf,
  'graph.graphml': graphml,
  'graph.json': json,
  'nodes.csv': nodesCsv,
  'edges.csv': edgesCsv,
};
