/**
 * GraphiQL served by the API, offline: a browser's GET /graphql (and /graphiql) gets the GraphiQL
 * this project bundles (npm run build), which loads nothing from another origin. Debian's
 * Chromium (headless, driven by playwright-core) opens it with every host but the loopback
 * unreachable, runs the README's first example and reads the answer, and opens the docs
 * explorer; the screenshot it takes is the README's. With GRAPHIQL=false the page is not served.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server';
import { createLogger } from '../../src/shared/logger';
import { readmeOperations } from '../../src/web/readme-operations';
import { useSeededApi } from '../support/api';
import { launchOffline, offlineContext } from '../support/browser';
import { testConfig } from '../support/db';
import { readFileSync } from 'node:fs';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOT = path.join(ROOT, 'tests', 'screenshots', 'graphiql.png');
const api = useSeededApi();

/** What an element shows, as plain text (Monaco writes its spaces as no-break spaces). */
async function shown(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

/** What a browser sends when it navigates to a URL. */
const NAVIGATION = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
};

describe('GraphiQL over HTTP', () => {
  it('answers a browser GET /graphql with the GraphiQL page, under a same-origin policy', async () => {
    const res = await fetch(`${api.origin()}/graphql`, { headers: NAVIGATION });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<title>GraphiQL');
    // Not Apollo's landing page, which loads Apollo Sandbox from Apollo's CDN.
    expect(html).not.toMatch(/apollographql|https?:\/\//);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the same page on /graphiql, and its assets with a year-long cache', async () => {
    const page = await (await fetch(`${api.origin()}/graphiql`)).text();
    const main = /<script type="module" src="(\/graphiql\/assets\/main-\w+\.js)">/.exec(page);
    expect(main).not.toBeNull();
    const asset = await fetch(`${api.origin()}${main![1]}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${api.origin()}/graphiql/assets/nothing-here.js`)).status).toBe(404);
  });

  it('sends its assets compressed (brotli, else gzip) to a browser that accepts it', async () => {
    const page = await (await fetch(`${api.origin()}/graphiql`)).text();
    const main = /src="(\/graphiql\/assets\/main-\w+\.js)"/.exec(page)![1]!;
    const as = (encoding: string) =>
      fetch(`${api.origin()}${main}`, { headers: { 'accept-encoding': encoding } });
    const plain = await as('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    for (const [accepted, sent] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const compressed = await as(accepted!);
      expect(compressed.headers.get('content-encoding')).toBe(sent);
      expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(compressed.headers.get('content-type')).toMatch(/javascript/);
      expect(compressed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(compressed.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(Number(compressed.headers.get('content-length'))).toBeLessThan(text.length / 2);
      // fetch decodes it: the same script.
      expect(await compressed.text()).toBe(text);
    }
  });

  it('leaves every other GET and POST to /graphql as it was', async () => {
    const query = encodeURIComponent('{ __typename }');
    // A query in the URL is run, whatever the Accept header.
    const get = await fetch(`${api.origin()}/graphql?query=${query}`, {
      headers: { ...NAVIGATION, 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/json/);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    // A JSON client without a query is told what is missing, in JSON.
    const bare = await fetch(`${api.origin()}/graphql`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(bare.status).toBe(400);
    expect(bare.headers.get('content-type')).toMatch(/json/);
    expect(await api.gql('{ __typename }')).toMatchObject({ data: { __typename: 'Query' } });
  });
});

describe('GraphiQL turned off (GRAPHIQL=false)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      testConfig({ PORT: '0', HOST: '127.0.0.1', GRAPHIQL: 'false' }),
      api.db(),
      createLogger('silent'),
    );
  });
  afterAll(() => server.stop());
  const origin = (): string => `http://127.0.0.1:${server.port}`;

  it('answers a browser GET /graphql like any GET without a query: an error, in JSON', async () => {
    const res = await fetch(`${origin()}/graphql`, { headers: NAVIGATION });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message.length).toBeGreaterThan(20);
  });

  it('has no /graphiql and no assets', async () => {
    expect((await fetch(`${origin()}/graphiql`, { headers: NAVIGATION })).status).toBe(404);
    const built = readFileSync(path.join(ROOT, 'dist', 'web', 'graphiql', 'index.html'), 'utf8');
    const main = /src="(\/graphiql\/assets\/[^"]+)"/.exec(built)![1]!;
    expect((await fetch(`${origin()}${main}`)).status).toBe(404);
  });
});

describe('GraphiQL in headless Chromium, offline', () => {
  let browser: Browser;
  let page: Page;
  const left: string[] = [];
  const consoleErrors: string[] = [];
  let firstRenderMs = 0;

  beforeAll(async () => {
    browser = await launchOffline();
    page = await (await offlineContext(browser, left)).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // What the first render costs: the assets fetched until the editor shows (measured, printed).
    const fetched: Promise<number>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/graphiql/assets/'))
        fetched.push(
          response.body().then(
            (body) => body.length,
            () => 0,
          ),
        );
    });
    const started = Date.now();
    await page.goto(`${api.origin()}/graphql`);
    // Rendered: the operation editor shows the first tab's text.
    await page.locator('.graphiql-query-editor .view-lines').first().waitFor();
    firstRenderMs = Date.now() - started;
    const bytes = (await Promise.all(fetched)).reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      `GraphiQL first render in headless Chromium: ${firstRenderMs} ms, ${fetched.length} assets, ${(bytes / 1024 / 1024).toFixed(1)} MiB\n`,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with one tab per README example and the API key header ready to fill in', async () => {
    const readme = readmeOperations(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(readme.length);
    await expect(page.locator('.graphiql-tab').first().innerText()).resolves.toBe(
      /query (\w+)/.exec(readme[0]!.query)![1],
    );
    await expect(shown(page.locator('.graphiql-query-editor'))).resolves.toContain(
      readme[0]!.title.slice(0, 20),
    );
    await expect(shown(page.locator('.graphiql-editor-tool'))).resolves.toContain(
      '"Authorization": "Bearer <api key>"',
    );
  });

  it("runs the first example and shows the API's answer", async () => {
    const example = readmeOperations(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))[0]!;
    const direct = await api.gql<{
      invitations: { totalCount: number; edges: { node: { inviter: { name: string } } }[] };
    }>(example.query);
    const inviter = direct.data!.invitations.edges[0]!.node.inviter.name;
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await expect(
      response.getByText(inviter, { exact: false }).first().waitFor({ timeout: 30_000 }),
    ).resolves.toBeUndefined();
    await expect(shown(response)).resolves.toContain(
      `"totalCount": ${direct.data!.invitations.totalCount}`,
    );
  });

  it("opens the docs explorer on the schema's descriptions", async () => {
    const described = await api.gql<{
      __type: { fields: { name: string; description: string | null }[] };
    }>('{ __type(name: "Query") { fields { name description } } }');
    const field = described.data!.__type.fields.find((f) =>
      /^[\w ,.()'-]{20,}/.test(f.description ?? ''),
    );
    expect(field).toBeDefined();
    const docs = page.locator('.graphiql-doc-explorer');
    if (!(await docs.isVisible()))
      await page.locator('[aria-label="Show Documentation Explorer"]').click();
    await docs.getByText('Query', { exact: true }).first().click();
    const words = /^[\w ,.()'-]{20,}/.exec(field!.description!)![0].trim();
    await expect(
      docs.getByText(words, { exact: false }).first().waitFor({ timeout: 30_000 }),
    ).resolves.toBeUndefined();
  });

  it('asked nothing of another host and logged no error', async () => {
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(left).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
