/**
 * The floor plan, checked by dependency-cruiser (`npm run lint`, and tests/unit/layers.test.ts):
 * arrows point down only, config <- shared <- db <- modules (with seed/ and generate/) <-
 * schema/server <- main/cli, and no file reaches itself through its imports.
 */
const LOWER_THAN_DB =
  '^src/(db|modules|seed|generate|cli)/|^src/(schema|server|main|format-error)\\.ts$';
const ABOVE_MODULES = '^src/(cli)/|^src/(schema|server|main|format-error)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and hides which file depends on which.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'config-at-the-bottom',
      severity: 'error',
      comment: 'src/config.ts reads the environment and imports nothing else of ours.',
      from: { path: '^src/config\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'shared-imports-nothing-above',
      severity: 'error',
      comment: 'src/shared/ is the floor: it may use config and itself only.',
      from: { path: '^src/shared/' },
      to: { path: LOWER_THAN_DB },
    },
    {
      name: 'db-imports-no-module',
      severity: 'error',
      comment: 'The gateway and migrations know statements, not domains.',
      from: { path: '^src/db/' },
      to: {
        path: '^src/(modules|seed|generate|cli)/|^src/(schema|server|main|format-error)\\.ts$',
      },
    },
    {
      name: 'modules-import-no-server',
      severity: 'error',
      comment: 'Domains (and seed/, generate/) are wired by schema/server, never the reverse.',
      from: { path: '^src/(modules|seed|generate)/' },
      to: { path: ABOVE_MODULES },
    },
    {
      name: 'server-imports-no-entry-point',
      severity: 'error',
      comment: 'main.ts and the CLIs start the process; nothing imports them.',
      from: { path: '^src/(schema|server|format-error)\\.ts$' },
      to: { path: '^src/cli/|^src/main\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type from a layer above is still an arrow pointing up.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
