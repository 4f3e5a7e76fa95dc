/**
 * The bounded pool of analytics worker threads (analytics.worker.ts). A run (a projection build
 * or an algorithm) takes one worker for itself; at most `queue` more builds wait, each run at
 * most `waitSeconds`, and a caller beyond either bound gets BUSY instead of a growing line. A
 * run over `runSeconds` is stopped by terminating its worker (the only way to stop synchronous
 * code), which is then replaced; the caller gets QUERY_TOO_COMPLEX. Workers start on first use
 * and do not keep the process alive.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../../config';
import { BusyError, RETRY_AFTER_SECONDS, TooExpensiveError } from '../../shared/errors';
import type { WorkerAnswer, WorkerRequest } from './analytics.worker';

export interface PoolLimits {
  workers: number;
  queue: number;
  waitSeconds: number;
  runSeconds: number;
  /** Builds one caller may hold, running or waiting (unset: no bound per caller). */
  perCaller?: number;
}

export const DEFAULT_POOL_LIMITS: Readonly<PoolLimits> = Object.freeze({
  workers: 2,
  queue: 8,
  waitSeconds: 30,
  runSeconds: 120,
  perCaller: 2,
});

type Request = WorkerRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'call'>
    : never
  : never;

/**
 * The compiled worker next to this module (dist/, as `npm start` runs). Under ts-jest this module
 * runs as TypeScript while a worker thread needs JavaScript: it then takes the copy in dist/ that
 * the test setup compiles (tsc -p tsconfig.build.json) from the same sources.
 */
export function workerFile(): string {
  const beside = path.join(__dirname, 'analytics.worker.js');
  if (existsSync(beside)) return beside;
  const root = projectRoot();
  return path.join(root, 'dist', path.relative(root, __dirname), 'analytics.worker.js');
}

/** A projection's worker was replaced (its run was stopped): the projection is gone. */
export class WorkerReplacedError extends Error {}

/** One worker thread; replaced by a fresh one when a run on it is stopped. */
export class PoolSlot {
  private worker!: Worker;
  private calls = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  private nextCall = 1;
  /** Rises whenever the thread is replaced: what a projection was built in must still match. */
  generation = 0;
  busy = false;
  private closed = false;

  constructor(private readonly file: string) {
    this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.file);
    worker.on('message', (answer: WorkerAnswer) => {
      const pending = this.calls.get(answer.call);
      if (!pending) return;
      this.calls.delete(answer.call);
      if ('error' in answer) pending.reject(new Error(answer.error));
      else pending.resolve(answer.value);
    });
    const lost = (error: unknown): void => {
      if (this.closed || this.worker !== worker) return;
      this.replace(
        (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new TooExpensiveError(
              'memory',
              'This analytics request needs more memory than one run may use; narrow the window or the link types.',
            )
          : error,
      );
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`analytics worker exited with code ${code}`)));
    // After the listeners: a 'message' listener refs the worker's port again, and a referenced
    // port keeps the process alive after everything else has stopped (jest never exited).
    worker.unref();
    this.worker = worker;
  }

  /** Ends the thread and starts a fresh one; what waited on the old one fails with `error`. */
  replace(error: unknown): void {
    const old = this.worker;
    const calls = this.calls;
    this.calls = new Map();
    this.generation += 1;
    this.spawn();
    void old.terminate();
    for (const pending of calls.values()) pending.reject(error);
  }

  /** Sends without waiting for an answer (rows of a build). */
  post(request: Request): void {
    this.worker.postMessage({ ...request, call: 0 });
  }

  call<T>(request: Request): Promise<T> {
    const call = this.nextCall++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(call, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...request, call });
    });
  }

  close(): Promise<number> {
    this.closed = true;
    for (const pending of this.calls.values()) pending.reject(new Error('analytics pool closed'));
    this.calls.clear();
    const worker = this.worker;
    this.generation += 1;
    return worker.terminate();
  }
}

/** What a run gets: its worker, and whether it was stopped (a build then stops reading). */
export interface RunScope {
  slot: PoolSlot;
  stopped: () => boolean;
}

interface Waiter {
  pinned: PoolSlot | undefined;
  resolve: (slot: PoolSlot) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

export class AnalyticsPool {
  private readonly slots: PoolSlot[] = [];
  private readonly waiting: Waiter[] = [];
  /** Builds running or waiting, per caller. */
  private readonly heldBy = new Map<string, number>();
  private closed = false;

  constructor(
    readonly limits: Readonly<PoolLimits> = DEFAULT_POOL_LIMITS,
    private readonly file: string = workerFile(),
  ) {}

  /**
   * Runs `job` on a worker (`pinned`: the one holding its projection) within the bounds. A new
   * build counts against its `caller`'s share, so one caller cannot fill the workers and the
   * queue and leave every other caller BUSY; a run on a built projection does not.
   */
  async run<T>(
    job: (scope: RunScope) => Promise<T>,
    pinned?: PoolSlot,
    caller?: string,
  ): Promise<T> {
    const share = this.limits.perCaller;
    if (caller === undefined || pinned || share === undefined) return this.runOnSlot(job, pinned);
    const held = this.heldBy.get(caller) ?? 0;
    if (held >= share)
      throw new BusyError(
        `You have ${held} analytics requests running or waiting, at most ${share} per caller; wait for their answers, then ask again.`,
        RETRY_AFTER_SECONDS,
      );
    this.heldBy.set(caller, held + 1);
    try {
      return await this.runOnSlot(job, pinned);
    } finally {
      const left = (this.heldBy.get(caller) ?? 1) - 1;
      if (left > 0) this.heldBy.set(caller, left);
      else this.heldBy.delete(caller);
    }
  }

  private async runOnSlot<T>(job: (scope: RunScope) => Promise<T>, pinned?: PoolSlot): Promise<T> {
    const slot = await this.acquire(pinned);
    const generation = slot.generation;
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new TooExpensiveError(
          'time',
          `This analytics request ran longer than ${this.limits.runSeconds} s and was stopped; narrow the window or the link types.`,
        );
        if (slot.generation === generation) slot.replace(error);
        reject(error);
      }, this.limits.runSeconds * 1000);
    });
    try {
      return await Promise.race([
        job({ slot, stopped: () => slot.generation !== generation }),
        overrun,
      ]);
    } finally {
      clearTimeout(timer);
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new BusyError('The server is shutting down.', RETRY_AFTER_SECONDS));
    }
    await Promise.all(this.slots.map((s) => s.close()));
    this.slots.length = 0;
  }

  private free(pinned: PoolSlot | undefined): PoolSlot | undefined {
    if (pinned) return pinned.busy ? undefined : pinned;
    const idle = this.slots.find((s) => !s.busy);
    if (idle) return idle;
    if (this.slots.length < this.limits.workers) {
      const slot = new PoolSlot(this.file);
      this.slots.push(slot);
      return slot;
    }
    return undefined;
  }

  private acquire(pinned: PoolSlot | undefined): Promise<PoolSlot> {
    if (this.closed)
      return Promise.reject(new BusyError('The server is shutting down.', RETRY_AFTER_SECONDS));
    // A slot is idle only while no waiting run can use it (release hands it on), so taking it
    // passes nobody.
    const slot = this.free(pinned);
    if (slot) {
      slot.busy = true;
      return Promise.resolve(slot);
    }
    // A run on a built projection is the second half of a request already admitted (its build
    // took a place): it may always wait, within waitSeconds, so a finished build is not wasted.
    if (!pinned && this.waiting.filter((w) => !w.pinned).length >= this.limits.queue)
      return Promise.reject(
        new BusyError(
          `The server is busy with other analytics (${this.limits.workers} running, ${this.waiting.length} waiting); try again shortly.`,
          RETRY_AFTER_SECONDS,
        ),
      );
    return new Promise<PoolSlot>((resolve, reject) => {
      const waiter: Waiter = {
        pinned,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(
            new BusyError(
              `The server is busy with other analytics: this one waited ${this.limits.waitSeconds} s without a turn; try again shortly.`,
              RETRY_AFTER_SECONDS,
            ),
          );
        }, this.limits.waitSeconds * 1000),
      };
      this.waiting.push(waiter);
    });
  }

  private release(slot: PoolSlot): void {
    slot.busy = false;
    // Runs on this worker's projections first (finish requests before starting new builds),
    // then the first build; a run pinned elsewhere keeps waiting for its own worker.
    let index = this.waiting.findIndex((w) => w.pinned === slot);
    if (index < 0) index = this.waiting.findIndex((w) => w.pinned === undefined);
    if (index < 0) return;
    const [waiter] = this.waiting.splice(index, 1);
    clearTimeout(waiter!.timer);
    slot.busy = true;
    waiter!.resolve(slot);
  }
}
