/**
 * The analytics worker pool must never keep a process alive by itself: a server that stopped
 * everything else exits, and so does a test run (jest once waited forever on a worker's port,
 * and CI ran out of time after every test had passed). Runs the compiled pool (dist/, built by
 * the test setup) in a child process that uses it and does not close it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const poolModule = path.resolve(__dirname, '../../dist/src/modules/analytics/analytics.pool.js');

/** Runs `script` in a fresh node; resolves with its exit code, or 'still running' after `ms`. */
function runNode(
  script: string,
  ms: number,
): Promise<{ code: number | 'still running'; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'still running', out });
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}

describe('analytics worker pool', () => {
  it('answers a run on a worker, and lets the process exit without being closed', async () => {
    const script = `
      const { AnalyticsPool } = require(${JSON.stringify(poolModule)});
      const pool = new AnalyticsPool({ workers: 2, queue: 1, waitSeconds: 5, runSeconds: 5 });
      Promise.all([1, 2].map((id) => pool.run(async ({ slot }) => {
        await slot.call({ op: 'begin', id });
        slot.post({ op: 'nodes', id, nodes: [] });
        return slot.call({ op: 'finish', id, version: 'v' });
      }))).then((built) => console.log(JSON.stringify(built.map((b) => b.nodes))));
    `;
    const { code, out } = await runNode(script, 10_000);
    expect(out.trim()).toBe('[0,0]');
    expect(code).toBe(0);
  });
});

describe('analytics worker pool, shared fairly', () => {
  it('holds at most perCaller runs (running or waiting) per caller; others still get their turn', async () => {
    const { AnalyticsPool } = (await import(
      poolModule
    )) as typeof import('../../src/modules/analytics/analytics.pool');
    const pool = new AnalyticsPool({
      workers: 1,
      queue: 8,
      waitSeconds: 10,
      runSeconds: 10,
      perCaller: 2,
    });
    try {
      const gates: (() => void)[] = [];
      const gated = (): Promise<string> =>
        new Promise((resolve) => gates.push(() => resolve('done')));
      const first = pool.run(gated, undefined, 'address:flooder');
      const second = pool.run(async () => 'second', undefined, 'address:flooder');
      // The flooder's third ask is refused at once, with a sentence and Retry-After...
      await expect(
        pool.run(async () => 'third', undefined, 'address:flooder'),
      ).rejects.toMatchObject({
        extensions: { code: 'BUSY' },
        message: expect.stringMatching(/2 analytics requests .* at most 2 per caller/),
      });
      // ...while another caller is admitted and answered in turn.
      const other = pool.run(async () => 'other', undefined, 'key:analyst');
      await new Promise((r) => setTimeout(r, 50));
      gates[0]!();
      expect(await Promise.all([first, second, other])).toEqual(['done', 'second', 'other']);
      // Answered, the flooder's share is free again.
      expect(await pool.run(async () => 'again', undefined, 'address:flooder')).toBe('again');
    } finally {
      await pool.close();
    }
  });
});
