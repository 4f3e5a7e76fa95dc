/**
 * The explorer measured in Debian's headless Chromium on the bench graph: the time from opening
 * /explore to an interactive seed view (drawn, clickable) and to its finished layout; the time to
 * expand a neighbourhood of 2,000 nodes (depth 2, cap 2000) until it is drawn and until its layout
 * is done; the page's JavaScript, raw and gzipped. Each is measured in two runs (fresh tabs).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { executableOnPath } from '../support/requirements';
import { ROOT, round, type ApiProcess } from './support';

export interface ExplorerRun {
  openInteractiveMs: number;
  /** Until the whole graph's analytics arrived and restyled the view. */
  openSettledMs: number;
  openLayoutMs: number;
  expandNodes: number;
  expandLinks: number;
  expandDrawnMs: number;
  expandLayoutMs: number;
}

export interface ExplorerBench {
  runs: ExplorerRun[];
  javascript: { files: number; rawKiB: number; gzipKiB: number };
  centre: string;
  targets: { name: string; limit: string; measured: string; holds: boolean }[];
}

/** The page's state as the bench reads it (functions run in the page: its CSP forbids eval). */
declare const document: { documentElement: { dataset: Record<string, string | undefined> } };
declare const explorer: { graph: { order: number; size: number } };

/** Drawn and answering clicks (the whole graph's analytics may still be on their way). */
const drawn = (): boolean => document.documentElement.dataset.ready === 'true';
const settled = (): boolean =>
  document.documentElement.dataset.ready === 'true' &&
  document.documentElement.dataset.busy === '0';
const laidOut = (): boolean =>
  document.documentElement.dataset.ready === 'true' &&
  document.documentElement.dataset.busy === '0' &&
  document.documentElement.dataset.layout === 'done';
const expanded = (): boolean =>
  document.documentElement.dataset.busy === '0' && explorer.graph.order > 1000;

const until = (page: Page, condition: () => boolean, timeout = 120_000): Promise<unknown> =>
  page.waitForFunction(condition, undefined, { timeout, polling: 20 });

/** A node whose depth-2 neighbourhood fills the cap of 2000: the best-connected organisations first. */
async function bigCentre(api: ApiProcess): Promise<string> {
  const post = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const { organisations } = await post<{ organisations: { edges: { node: { id: string } }[] } }>(
    '{ organisations(first: 20, orderBy: MOST_CONNECTED) { edges { node { id } } } }',
  );
  for (const { node } of organisations.edges) {
    const { neighbourhood } = await post<{ neighbourhood: { nodes: unknown[] } }>(
      'query ($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 2000) { nodes { id } } }',
      { id: node.id },
    );
    if (neighbourhood.nodes.length >= 2000) return node.id;
  }
  throw new Error('no organisation has 2,000 nodes within two steps: use --size large');
}

export async function benchExplorer(
  api: ApiProcess,
  log: (line: string) => void,
): Promise<ExplorerBench> {
  const executablePath = executableOnPath('chromium', process.env.PATH ?? '');
  if (!executablePath) throw new Error('chromium is not installed (apt-get install chromium)');
  const centre = await bigCentre(api);
  const browser = await chromium.launch({ executablePath });
  const runs: ExplorerRun[] = [];
  try {
    for (let run = 0; run < 2; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const opened = performance.now();
      await page.goto(`${api.url}/explore`);
      await until(page, drawn);
      const openInteractiveMs = performance.now() - opened;
      await until(page, settled);
      const openSettledMs = performance.now() - opened;
      await until(page, laidOut);
      const openLayoutMs = performance.now() - opened;
      await page.close();
      // The big neighbourhood's centre alone on a new page (a link to it), then its expansion.
      const page2 = await context.newPage();
      await page2.goto(`${api.url}/explore#a=p.${centre}&sel=${centre}`);
      await until(page2, laidOut);
      await page2.locator('#depth').selectOption('2');
      await page2.locator('#cap').fill('2000');
      const expanding = performance.now();
      await page2.locator('#expand').click();
      await until(page2, expanded);
      const expandDrawnMs = performance.now() - expanding;
      await until(page2, laidOut);
      const expandLayoutMs = performance.now() - expanding;
      const [expandNodes, expandLinks] = await page2.evaluate(() => [
        explorer.graph.order,
        explorer.graph.size,
      ]);
      const measured = {
        openInteractiveMs: round(openInteractiveMs),
        openSettledMs: round(openSettledMs),
        openLayoutMs: round(openLayoutMs),
        expandNodes,
        expandLinks,
        expandDrawnMs: round(expandDrawnMs),
        expandLayoutMs: round(expandLayoutMs),
      };
      log(`explorer run ${run + 1}: ${JSON.stringify(measured)}`);
      runs.push(measured);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const assets = path.join(ROOT, 'dist', 'web', 'explorer', 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (files: string[]): number =>
    files.reduce((sum, f) => sum + statSync(path.join(assets, f)).size, 0) / 1024;
  const javascript = {
    files: scripts.length,
    rawKiB: round(size(scripts)),
    gzipKiB: round(size(scripts.map((f) => `${f}.gz`))),
  };
  const worst = (key: keyof ExplorerRun): number => Math.max(...runs.map((r) => r[key]));
  const targets = [
    {
      name: 'open /explore to an interactive seed graph',
      limit: '2000 ms',
      measured: runs.map((r) => `${r.openInteractiveMs} ms`).join(', '),
      holds: worst('openInteractiveMs') < 2000,
    },
    {
      name: 'expand 2,000 nodes and finish the layout',
      limit: '3000 ms',
      measured: runs.map((r) => `${r.expandLayoutMs} ms`).join(', '),
      holds: worst('expandLayoutMs') < 3000,
    },
    {
      name: "the page's JavaScript, gzipped",
      limit: '1024 KiB',
      measured: `${javascript.gzipKiB} KiB`,
      holds: javascript.gzipKiB < 1024,
    },
  ];
  return { runs, javascript, centre, targets };
}
