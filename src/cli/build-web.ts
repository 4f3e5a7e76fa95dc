/**
 * The browser apps the API serves, bundled with esbuild (part of `npm run build`, after tsc):
 * each app's TypeScript under src/web/<app>/ becomes dist/web/<app>/index.html and
 * dist/web/<app>/assets/ with content-hashed names (served with a year-long cache). Everything
 * a page needs is in its assets, so it loads nothing from another origin.
 * A build whose inputs (the app's sources, README.md, the bundled packages' versions) are those
 * of the last one is skipped, so the CLIs that build first (`npm run seed` ...) stay quick.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { projectRoot } from '../config';
import { readmeOperations } from '../web/readme-operations';

interface WebApp {
  /** src/web/<name>/ (its main.ts or main.tsx) becomes dist/web/<name>/. */
  name: string;
  /** The path the page is served at: its assets are under /<mount>/assets/. */
  mount: string;
  title: string;
  /** Web workers bundled on their own, by name: module specifiers resolved from the project. */
  workers: Record<string, string>;
  /** Files besides src/web/<name>/ and src/web/*.ts whose content is built in. */
  inputs: string[];
  /** Constants for the bundle (`__NAME__` globals), given the workers' file names. */
  define: (workers: Record<string, string>) => Record<string, unknown>;
}

const ROOT = projectRoot();

const APPS: WebApp[] = [
  {
    name: 'graphiql',
    mount: 'graphiql',
    title: 'GraphiQL · Cluster Graph',
    workers: {
      editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
      json: 'monaco-editor/esm/vs/language/json/json.worker.js',
      graphql: 'monaco-graphql/esm/graphql.worker.js',
    },
    inputs: ['README.md'],
    define: (workers) => ({
      __GRAPHIQL__: {
        workers,
        tabs: readmeOperations(readFileSync(path.join(ROOT, 'README.md'), 'utf8')),
      },
    }),
  },
  {
    name: 'explorer',
    mount: 'explore',
    title: 'Explorer · Cluster Graph',
    // ForceAtlas2 iterations run in this worker (a file of ours: the library's own worker is a
    // blob: URL, which the page's Content-Security-Policy does not allow).
    workers: { layout: './src/web/explorer/layout.worker.ts' },
    inputs: ['src/shared/graph-formats.ts'],
    define: (workers) => ({ __EXPLORER__: { workers } }),
  },
];

/** Versions of the packages the bundles are made of: a new one means a new build. */
const PACKAGES = [
  'esbuild',
  'graphiql',
  '@graphiql/react',
  'monaco-editor',
  'react',
  'react-dom',
  'sigma',
  'graphology',
  'graphology-layout',
  'graphology-layout-forceatlas2',
  '@sigma/export-image',
];

/** The expression bundled libraries test for their production build (see `define` below). */
const BUNDLED_NODE_ENV = ['process', 'env', 'NODE_ENV'].join('.');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function fingerprint(app: WebApp): string {
  const hash = createHash('sha256');
  for (const file of [
    // The app's sources and the build-time helpers beside them (src/web/*.ts).
    ...filesUnder(path.join(ROOT, 'src', 'web')).filter(
      (file) =>
        path.dirname(file) === path.join(ROOT, 'src', 'web') ||
        file.startsWith(path.join(ROOT, 'src', 'web', app.name, path.sep)),
    ),
    ...app.inputs.map((f) => path.join(ROOT, f)),
    __filename,
  ]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of PACKAGES) {
    // Read from node_modules: some packages (graphology) do not export their package.json.
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    hash.update(
      `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}\0`,
    );
  }
  return hash.digest('hex');
}

/**
 * Monaco's modules import their own stylesheets; graphiql/style.css already holds every rule of
 * them, and esbuild would put them in CSS files of the lazily loaded chunks that no page loads.
 */
const monacoCssFromGraphiql: Plugin = {
  name: 'monaco-css-from-graphiql',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]node_modules[\\/]monaco-editor[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'monaco-css' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'monaco-css' }, () => ({
      contents: '',
      loader: 'css',
    }));
  },
};

/** Writes file.br and file.gz beside every compressible asset; returns the assets' raw bytes. */
function precompress(assets: string): number {
  let bytes = 0;
  for (const file of filesUnder(assets)) {
    if (/\.(br|gz)$/.test(file)) continue;
    const raw = readFileSync(file);
    bytes += raw.length;
    if (!/\.(js|css|json|svg|ttf|map)$/.test(file) || raw.length < 1024) continue;
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
  }
  return bytes;
}

/** The output files of a build, relative to `outdir`. */
function outputs(metafile: Metafile, outdir: string): string[] {
  return Object.keys(metafile.outputs).map((file) =>
    path.relative(outdir, path.resolve(ROOT, file)),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function buildApp(app: WebApp): Promise<{ built: boolean; bytes: number; ms: number }> {
  const started = Date.now();
  const dir = path.join(ROOT, 'dist', 'web', app.name);
  const assets = path.join(dir, 'assets');
  const stamp = path.join(dir, 'build.json');
  const print = fingerprint(app);
  if (existsSync(stamp) && existsSync(path.join(dir, 'index.html'))) {
    const last = JSON.parse(readFileSync(stamp, 'utf8')) as { fingerprint?: string };
    if (last.fingerprint === print) return { built: false, bytes: 0, ms: Date.now() - started };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    outdir: assets,
    absWorkingDir: ROOT,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Not a read of our environment: esbuild replaces, in the bundled browser code (React,
    // GraphiQL), the expression that picks their build mode with "production"; a browser has no process.
    define: { [BUNDLED_NODE_ENV]: '"production"' },
  } as const;

  // Workers first: the page's bundle learns their hashed names.
  const workers: Record<string, string> = {};
  for (const [name, specifier] of Object.entries(app.workers)) {
    const result = await build({
      ...common,
      entryPoints: { [`${name}.worker`]: require.resolve(specifier, { paths: [ROOT] }) },
      entryNames: '[name]-[hash]',
      format: 'iife',
    });
    workers[name] = outputs(result.metafile, assets)[0]!;
  }
  const constants = Object.fromEntries(
    Object.entries(app.define(workers)).map(([key, value]) => [key, JSON.stringify(value)]),
  );
  const main = ['main.tsx', 'main.ts']
    .map((file) => path.join('src', 'web', app.name, file))
    .find((file) => existsSync(path.join(ROOT, file)));
  if (!main) throw new Error(`build-web: src/web/${app.name} has no main.ts or main.tsx.`);
  const page = await build({
    ...common,
    entryPoints: { main: path.join(ROOT, main) },
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    format: 'esm',
    splitting: true,
    jsx: 'automatic',
    publicPath: `/${app.mount}/assets/`,
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    define: { ...common.define, ...constants },
    plugins: [monacoCssFromGraphiql],
  });
  const entry = Object.entries(page.metafile.outputs).find(
    ([, o]) =>
      o.entryPoint !== undefined && path.resolve(ROOT, o.entryPoint) === path.join(ROOT, main),
  );
  if (!entry) throw new Error(`build-web: ${app.name} produced no entry bundle.`);
  const script = path.relative(assets, path.resolve(ROOT, entry[0]));
  const css = entry[1].cssBundle
    ? path.relative(assets, path.resolve(ROOT, entry[1].cssBundle))
    : undefined;
  // CSS of lazily loaded chunks: empty (see monacoCssFromGraphiql), and loaded by no page.
  for (const file of outputs(page.metafile, assets))
    if (file.endsWith('.css') && file !== css && readFileSync(path.join(assets, file)).length === 0)
      rmSync(path.join(assets, file));
  const base = `/${app.mount}/assets/`;
  writeFileSync(
    path.join(dir, 'index.html'),
    [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(app.title)}</title>`,
      // No favicon request (a 404 in the console).
      '<link rel="icon" href="data:,">',
      ...(css ? [`<link rel="stylesheet" href="${base}${css}">`] : []),
      `<script type="module" src="${base}${script}"></script>`,
      '</head>',
      '<body>',
      `<div id="${app.name}"></div>`,
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  );
  // Compressed once here rather than on every request: the assets are served as .br or .gz
  // when the browser accepts it (src/web/serve.ts), about a third of their size.
  const bytes = precompress(assets);
  writeFileSync(stamp, `${JSON.stringify({ fingerprint: print }, null, 2)}\n`);
  return { built: true, bytes, ms: Date.now() - started };
}

async function main(): Promise<void> {
  for (const app of APPS) {
    const { built, bytes, ms } = await buildApp(app);
    process.stdout.write(
      built
        ? `build-web: dist/web/${app.name} (${(bytes / 1024 / 1024).toFixed(1)} MiB in ${ms} ms)\n`
        : `build-web: dist/web/${app.name} is up to date\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`build-web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
