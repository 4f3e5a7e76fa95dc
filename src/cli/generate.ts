/**
 * `npm run generate -- --nodes N --seed S [--clear] [--batch B]`: builds a deterministic
 * synthetic graph (src/generate/generate.ts) and loads it (src/generate/load.ts) after the
 * migrations; --clear first deletes the graph in batches. Prints one line of JSON with the
 * counts and timings. The arguments are checked before Neo4j starts, so a typo costs nothing.
 */
import { migrate } from '../db/migrations';
import { generateGraph, MAX_NODES, MAX_SEED, MIN_NODES } from '../generate/generate';
import { clearGraphInBatches, loadGenerated, type LoadProgress } from '../generate/load';
import { CliError, withDatabase } from './with-database';

export interface GenerateArgs {
  nodes: number;
  seed: number;
  clear: boolean;
  batch: number;
}

const USAGE = 'npm run generate -- --nodes 100000 --seed 1 [--clear] [--batch 5000]';
const MIN_BATCH = 100;
const MAX_BATCH = 50_000;

function wholeNumber(option: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    const got = raw === undefined ? 'nothing' : `"${raw}"`;
    throw new CliError(`${option} must be a whole number from ${min} to ${max}, got ${got}.`);
  }
  return Number(raw);
}

/** Reads the command line (without node and the script); throws CliError with one sentence. */
export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const values = new Map<string, string | undefined>();
  let clear = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const [option, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (option === '--clear' && inline === undefined) {
      clear = true;
    } else if (option === '--nodes' || option === '--seed' || option === '--batch') {
      if (values.has(option)) throw new CliError(`${option} is given twice; give it once.`);
      const value = inline ?? argv[k + 1];
      if (inline === undefined) k += 1;
      values.set(option, value);
    } else {
      throw new CliError(
        `unknown argument "${arg}"; the options are --nodes N, --seed S, --clear and --batch B (${USAGE}).`,
      );
    }
  }
  for (const required of ['--nodes', '--seed'])
    if (!values.has(required)) throw new CliError(`${required} is required: ${USAGE}.`);
  return {
    nodes: wholeNumber('--nodes', values.get('--nodes'), MIN_NODES, MAX_NODES),
    seed: wholeNumber('--seed', values.get('--seed'), 0, MAX_SEED),
    clear,
    batch: values.has('--batch')
      ? wholeNumber('--batch', values.get('--batch'), MIN_BATCH, MAX_BATCH)
      : 5000,
  };
}

const seconds = (fromMs: number): number => Math.round((Date.now() - fromMs) / 100) / 10;

/** Progress for a person watching a terminal; pipes and logs get only the summary line. */
function progress(): ((p: LoadProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let shown = -1;
  return ({ phase, done, total }) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth === shown) return;
    shown = tenth;
    process.stderr.write(`generate: ${Math.round((done / total) * 100)}% (${phase})\n`);
  };
}

export async function runGenerate(args: GenerateArgs): Promise<void> {
  await withDatabase('generate', async (db) => {
    const started = Date.now();
    await migrate(db);
    let cleared = 0;
    if (args.clear) cleared = await clearGraphInBatches(db);
    const generating = Date.now();
    const graph = generateGraph({ nodes: args.nodes, seed: args.seed });
    const generateSeconds = seconds(generating);
    const loading = Date.now();
    const report = await loadGenerated(db, graph, {
      batchSize: args.batch,
      onProgress: progress(),
    });
    const loadSeconds = seconds(loading);
    const summary = {
      nodes: report.entities + report.interactions,
      entities: report.entities,
      interactions: report.interactions,
      evidence: report.evidence,
      relationships: report.relationships + report.links,
      ...(args.clear ? { cleared } : {}),
      generateSeconds,
      loadSeconds,
      seconds: seconds(started),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  });
}

if (require.main === module) {
  try {
    void runGenerate(parseGenerateArgs(process.argv.slice(2)));
  } catch (error) {
    // The same one-sentence form withDatabase gives, before any database is started.
    if (!(error instanceof CliError)) throw error;
    process.exitCode = 1;
    process.stderr.write(`generate: ${error.message}\n`);
  }
}
