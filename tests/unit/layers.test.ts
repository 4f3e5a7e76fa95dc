/**
 * Arrows point down only (config <- shared <- db <- modules <- schema/server <- main/cli): each
 * layer's files import only from their own layer or those below it, read from the source text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

/** The layer of a file under src/, by its first path segment; higher numbers sit higher. */
function layer(file: string): number {
  const [top] = path.relative(SRC, file).split(path.sep);
  if (top === 'config.ts') return 0;
  if (top === 'shared') return 1;
  if (top === 'db') return 2;
  if (top === 'modules' || top === 'seed' || top === 'generate') return 3;
  if (top === 'cli' || top === 'main.ts') return 5;
  return 4; // schema.ts, server.ts, format-error.ts
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports (static and dynamic) of a file, resolved to files under src/. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((spec) => path.resolve(path.dirname(file), spec));
}

describe('layers', () => {
  it('has no import pointing up', () => {
    const upward = files(SRC).flatMap((file) =>
      imports(file)
        .filter((target) => layer(`${target}.ts`) > layer(file))
        .map((target) => `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`),
    );
    expect(upward).toEqual([]);
  });

  it('sees the layers it checks', () => {
    expect(layer(path.join(SRC, 'shared', 'errors.ts'))).toBeLessThan(
      layer(path.join(SRC, 'modules', 'request', 'loaders.ts')),
    );
  });
});
