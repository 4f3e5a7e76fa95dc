/**
 * The explorer measured in Debian's headless Chromium on the bench graph: the time from opening
 * /explore to an interactive seed view (drawn, clickable) and to its finished layout; the time to
 * expand a neighbourhood of 2,000 nodes (depth 2, cap 2000) until it is drawn and until its layout
 * is done; the page's JavaScript, raw and gzipped. Each is measured in two runs (fresh tabs).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { executableOnPath } from '../support/requirements';
import { ROOT, round, type ApiProcess } from './support';

export interface ExplorerRun {
  /** How the browser drew WebGL (see MODES). */
  mode: string;
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

/**
 * How Chromium draws WebGL here: this machine has no GPU, so in software. Headless Chromium's
 * default path stalls the page at every frame (GPU stall due to ReadPixels); ANGLE's SwiftShader
 * is what Chromium itself falls back to on a machine without a usable GPU.
 */
const MODES = [
  { name: 'default', args: [] as string[] },
  { name: 'ANGLE SwiftShader', args: ['--use-angle=swiftshader'] },
];

async function oneRun(
  browser: Browser,
  url: string,
  centre: string,
): Promise<Omit<ExplorerRun, 'mode'>> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const opened = performance.now();
    await page.goto(`${url}/explore`);
    await until(page, drawn);
    const openInteractiveMs = performance.now() - opened;
    await until(page, settled);
    const openSettledMs = performance.now() - opened;
    await until(page, laidOut);
    const openLayoutMs = performance.now() - opened;
    await page.close();
    // The big neighbourhood's centre alone on a new page (a link to it), then its expansion.
    const page2 = await context.newPage();
    await page2.goto(`${url}/explore#a=p.${centre}&sel=${centre}`);
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
    return {
      openInteractiveMs: round(openInteractiveMs),
      openSettledMs: round(openSettledMs),
      openLayoutMs: round(openLayoutMs),
      expandNodes,
      expandLinks,
      expandDrawnMs: round(expandDrawnMs),
      expandLayoutMs: round(expandLayoutMs),
    };
  } finally {
    await context.close();
  }
}

export async function benchExplorer(
  api: ApiProcess,
  log: (line: string) => void,
): Promise<ExplorerBench> {
  const executablePath = executableOnPath('chromium', process.env.PATH ?? '');
  if (!executablePath) throw new Error('chromium is not installed (apt-get install chromium)');
  const centre = await bigCentre(api);
  const runs: ExplorerRun[] = [];
  for (const mode of MODES) {
    const browser = await chromium.launch({ executablePath, args: mode.args });
    try {
      // A first pass unmeasured (the API's first requests, Neo4j's plans, the analytics
      // projection), then two measured runs in fresh tabs.
      for (let run = 0; run < 3; run++) {
        const measured = await oneRun(browser, api.url, centre);
        if (run === 0) continue;
        const result = { mode: mode.name, ...measured };
        log(`explorer ${mode.name} run ${run}: ${JSON.stringify(result)}`);
        runs.push(result);
      }
    } finally {
      await browser.close();
    }
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
  const targets = MODES.flatMap((mode) => {
    const mine = runs.filter((r) => r.mode === mode.name);
    const worst = (key: 'openInteractiveMs' | 'expandLayoutMs'): number =>
      Math.max(...mine.map((r) => r[key]));
    return [
      {
        name: `open /explore to an interactive seed graph (${mode.name})`,
        limit: '2000 ms',
        measured: mine.map((r) => `${r.openInteractiveMs} ms`).join(', '),
        holds: worst('openInteractiveMs') < 2000,
      },
      {
        name: `expand 2,000 nodes and finish the layout (${mode.name})`,
        limit: '3000 ms',
        measured: mine.map((r) => `${r.expandLayoutMs} ms`).join(', '),
        holds: worst('expandLayoutMs') < 3000,
      },
    ];
  });
  targets.push({
    name: "the page's JavaScript, gzipped",
    limit: '1024 KiB',
    measured: `${javascript.gzipKiB} KiB`,
    holds: javascript.gzipKiB < 1024,
  });
  return { runs, javascript, centre, targets };
}
