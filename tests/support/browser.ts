/**
 * Debian's Chromium, headless, driven by playwright-core for the browser tests, offline: no name
 * resolves but the loopback's, and every request to another host is refused and noted, so a page
 * that reached for a CDN or telemetry would be seen.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { executableOnPath } from './requirements';

export async function launchOffline(): Promise<Browser> {
  const executablePath = executableOnPath('chromium', process.env.PATH ?? '');
  if (!executablePath)
    throw new Error('chromium is not installed (see tests/support/requirements.ts).');
  return chromium.launch({
    executablePath,
    args: ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  });
}

/**
 * A context whose requests to any host but the loopback are refused; each refused URL is
 * pushed to `left`.
 */
export async function offlineContext(
  browser: Browser,
  left: string[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(url.hostname) || /^(data|blob):$/.test(url.protocol))
      return route.continue();
    left.push(url.href);
    return route.abort('blockedbyclient');
  });
  return context;
}
