/**
 * Client-side deadlines for a database that stops answering without closing its connections
 * (a frozen process, a paused VM, a network partition). The driver's own timeouts do not help
 * there: a transaction timeout is enforced by the server, and a frozen server enforces
 * nothing, so every request would hang until it came back.
 *
 * Every unit of work the gateway runs is registered here. While some work has been in flight
 * longer than `suspectAfterMs`, the watchdog asks the database a trivial question with a
 * deadline of its own; a database that does not answer in time is "down": every registered
 * unit fails at once with DATABASE_UNAVAILABLE (503, Retry-After), and new work fails at once
 * too, without waiting. While down it keeps asking, and the first answer puts it back up, so
 * service resumes by itself. Slow but answering queries are left alone: only a database that
 * cannot say "1" within the probe's deadline, and finished no other work meanwhile, is
 * declared down (a busy database is slow, a frozen one finishes nothing).
 */
import { DatabaseUnavailableError } from '../shared/errors';

export interface WatchdogOptions {
  /** Work in flight this long makes the watchdog check the database. */
  suspectAfterMs: number;
  /** How long the check may take before the database counts as down. */
  probeTimeoutMs: number;
  /** How often the watchdog looks (at in-flight work; at the database while it is down). */
  intervalMs: number;
}

export const DEFAULT_WATCHDOG: WatchdogOptions = {
  suspectAfterMs: 2_000,
  probeTimeoutMs: 2_500,
  intervalMs: 500,
};

/** Raised inside abandoned work: a write that was given up on must not commit afterwards. */
export class AbandonedError extends DatabaseUnavailableError {}

interface Unit {
  started: number;
  fail: (error: Error) => void;
  abandoned: boolean;
}

/** Resolves with the value of `work`, or `timedOut` once `ms` have passed or if it fails; never rejects. */
export function within<T>(work: Promise<T>, ms: number, timedOut: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(timedOut), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(timedOut);
      },
    );
  });
}

export class Watchdog {
  private readonly units = new Set<Unit>();
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private isDown = false;
  /** When some unit last finished (answered or failed): a sign of life. */
  private lastProgress = 0;
  private closed = false;

  constructor(
    /** Asks the database a trivial question; true when it answered within `timeoutMs`. */
    private readonly probe: (timeoutMs: number) => Promise<boolean>,
    private readonly options: WatchdogOptions = DEFAULT_WATCHDOG,
    private readonly onChange: (down: boolean) => void = () => undefined,
  ) {}

  /** True while the last check found the database not answering. */
  get down(): boolean {
    return this.isDown;
  }

  /**
   * Runs `work` under the watchdog: it fails with DATABASE_UNAVAILABLE as soon as the database
   * is found frozen (and at once while it is known to be). `work` gets a check to call before
   * anything irreversible (a commit): it throws once the unit was given up on.
   */
  run<T>(work: (check: () => void) => Promise<T>): Promise<T> {
    if (this.down) {
      this.schedule();
      return Promise.reject(new DatabaseUnavailableError());
    }
    return new Promise<T>((resolve, reject) => {
      const unit: Unit = { started: Date.now(), fail: reject, abandoned: false };
      const check = (): void => {
        if (unit.abandoned) throw new AbandonedError();
      };
      this.units.add(unit);
      this.schedule();
      work(check).then(
        (value) => {
          this.finished(unit);
          resolve(value);
        },
        (error: unknown) => {
          this.finished(unit);
          reject(error as Error);
        },
      );
    });
  }

  private finished(unit: Unit): void {
    this.units.delete(unit);
    if (!unit.abandoned) this.lastProgress = Date.now();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, this.options.intervalMs);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  private tick(): void {
    const now = Date.now();
    const suspect = [...this.units].some((u) => now - u.started >= this.options.suspectAfterMs);
    if ((suspect || this.down) && !this.probing) {
      this.probing = this.check().finally(() => (this.probing = undefined));
    }
    if (this.units.size > 0 || this.down) this.schedule();
  }

  private async check(): Promise<void> {
    const checkedAt = Date.now();
    const answered = await within(
      this.probe(this.options.probeTimeoutMs),
      this.options.probeTimeoutMs,
      false,
    );
    // Work that finished while the check waited shows the database alive, only slow.
    if (answered || this.lastProgress >= checkedAt) {
      if (this.down) {
        this.isDown = false;
        this.onChange(false);
      }
      return;
    }
    if (!this.down) {
      this.isDown = true;
      this.onChange(true);
    }
    // Everything that was waiting when the check began waits for a database that is gone.
    for (const unit of this.units) {
      if (unit.started > checkedAt) continue;
      unit.abandoned = true;
      this.units.delete(unit);
      unit.fail(new DatabaseUnavailableError());
    }
  }
}
