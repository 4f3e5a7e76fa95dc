/**
 * The floor plan (.dependency-cruiser.cjs): arrows point down only (config <- shared <- db <-
 * modules <- schema/server <- main/cli) and there is no import cycle. Runs dependency-cruiser's
 * CLI over src/, and over a small tree with one arrow of each forbidden kind, to see the rules
 * bite.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** The violations dependency-cruiser finds under `dir`'s src/, as "rule: from -> to". */
function violations(dir: string): string[] {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [CLI, 'src', '--config', CONFIG, '--output-type', 'json'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    // Exit code = number of errors; the report is on stdout all the same.
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('layers', () => {
  it('has no import pointing up and no cycle in src/', () => {
    expect(violations(ROOT)).toEqual([]);
  });

  it('sees an arrow pointing up and a cycle when there is one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cluster-graph-layers-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': '{ "compilerOptions": { "module": "commonjs" } }',
        'src/config.ts': "import './shared/a';\n",
        'src/shared/a.ts': "import '../modules/m/x';\n",
        'src/db/d.ts': "import '../modules/m/x';\n",
        'src/modules/m/x.ts': "import '../../server';\nimport './y';\n",
        'src/modules/m/y.ts': "import './x';\n",
        'src/server.ts': "import './main';\n",
        'src/main.ts': 'export {};\n',
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      expect(violations(dir)).toEqual([
        'config-at-the-bottom: src/config.ts -> src/shared/a.ts',
        'db-imports-no-module: src/db/d.ts -> src/modules/m/x.ts',
        'modules-import-no-server: src/modules/m/x.ts -> src/server.ts',
        'no-circular: src/modules/m/x.ts -> src/modules/m/y.ts',
        'server-imports-no-entry-point: src/server.ts -> src/main.ts',
        'shared-imports-nothing-above: src/shared/a.ts -> src/modules/m/x.ts',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
