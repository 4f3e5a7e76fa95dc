/**
 * Serving a browser app built by src/cli/build-web.ts: its page (dist/web/<app>/index.html, never
 * cached without asking again) and its assets under /<app>/assets/ (content-hashed names, cached
 * for a year), both with a Content-Security-Policy that lets the page reach its own origin only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { projectRoot } from '../config';
import type { Logger } from '../shared/logger';

/**
 * Everything from this origin and nothing from another: scripts (no inline script, no eval),
 * workers, fetches, fonts and images (plus data: URLs, which GraphiQL's stylesheet uses for its
 * fonts). Styles may also be set inline: Monaco and GraphiQL's components set them at run time.
 */
export const WEB_APP_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'", 'data:'],
  'img-src': ["'self'", 'data:'],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

export interface WebApp {
  /** Answers the app's page. */
  page: express.RequestHandler;
  /** Serves /<app>/assets/ (mount it at the app's path). */
  assets: express.Router;
}

/** The app built into `dist/web/<name>/` (by `npm run build`). */
export function webApp(name: string, logger: Logger, root = projectRoot()): WebApp {
  const dir = path.join(root, 'dist', 'web', name);
  const policy = helmet.contentSecurityPolicy({ useDefaults: false, directives: WEB_APP_CSP });
  let html: string | undefined;
  let warned = false;
  const page: express.RequestHandler = (req, res, next) => {
    policy(req, res, () => {
      try {
        html ??= readFileSync(path.join(dir, 'index.html'), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return next(error);
        if (!warned) logger.warn({ dir }, `${name} is not built: npm run build bundles it`);
        warned = true;
        // A page for a browser: said in plain text.
        res
          .status(503)
          .type('text')
          .send(
            `The ${name} page is not built on this server: run npm run build, which bundles it into dist/web/${name}.\n`,
          );
        return;
      }
      res.setHeader('cache-control', 'no-cache');
      res.type('html').send(html);
    });
  };
  const assets = express.Router();
  assets.use(
    '/assets',
    policy,
    // The .br or .gz that build-web wrote beside each asset, when the browser accepts it.
    expressStaticGzip(path.join(dir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: { index: false, immutable: true, maxAge: '365d', redirect: false },
    }),
  );
  return { page, assets };
}
