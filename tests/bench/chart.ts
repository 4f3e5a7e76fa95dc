/**
 * The query-mix results as an SVG chart: for every query, throughput and p50 latency of our
 * API, the Neo4j GraphQL Library and the bare driver, side by side. Plain SVG text, so the
 * README can link it and git can diff it.
 */
import type { QueryFigures } from './http.bench';

const TARGETS = [
  { key: 'ours', label: 'Cluster Graph', colour: '#2b6cb0' },
  { key: 'peer', label: '@neo4j/graphql', colour: '#dd6b20' },
  { key: 'raw', label: 'raw driver', colour: '#718096' },
] as const;

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panel(
  queries: QueryFigures[],
  title: string,
  value: (q: QueryFigures, key: 'ours' | 'peer' | 'raw') => number,
  unit: string,
  top: number,
): string {
  const width = 960;
  const height = 260;
  const left = 60;
  const bottom = top + height - 40;
  const max = Math.max(1, ...queries.flatMap((q) => TARGETS.map((t) => value(q, t.key))));
  const group = (width - left - 20) / queries.length;
  const bar = (group - 16) / TARGETS.length;
  const parts = [
    `<text x="${left}" y="${top + 16}" font-size="15" font-weight="bold">${escape(title)}</text>`,
    `<line x1="${left}" y1="${bottom}" x2="${width - 20}" y2="${bottom}" stroke="#333"/>`,
    `<text x="${left - 6}" y="${top + 34}" font-size="11" text-anchor="end">${Math.round(max)}</text>`,
    `<text x="${left - 6}" y="${bottom}" font-size="11" text-anchor="end">0 ${unit}</text>`,
  ];
  queries.forEach((q, i) => {
    const x0 = left + i * group + 8;
    TARGETS.forEach((t, j) => {
      const v = value(q, t.key);
      const h = ((bottom - top - 30) * v) / max;
      const x = x0 + j * bar;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${t.colour}"><title>${escape(`${q.name} ${t.label}: ${v} ${unit}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(x0 + (group - 16) / 2).toFixed(1)}" y="${bottom + 16}" font-size="11" text-anchor="middle">${escape(q.name)}</text>`,
    );
  });
  return parts.join('\n');
}

export function chartSvg(queries: QueryFigures[], caption: string): string {
  const legend = TARGETS.map(
    (t, i) =>
      `<rect x="${60 + i * 170}" y="8" width="12" height="12" fill="${t.colour}"/><text x="${78 + i * 170}" y="19" font-size="12">${t.label}</text>`,
  ).join('\n');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="600" font-family="sans-serif">',
    '<rect width="100%" height="100%" fill="white"/>',
    legend,
    panel(
      queries,
      'Throughput (requests per second, higher is better)',
      (q, k) => q[k].requestsPerSecond,
      'req/s',
      30,
    ),
    panel(queries, 'Median latency (p50, ms, lower is better)', (q, k) => q[k].p50Ms, 'ms', 300),
    `<text x="60" y="592" font-size="11" fill="#555">${escape(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
