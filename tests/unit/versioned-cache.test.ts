/**
 * VersionedCache without a database: a value is kept per key until the version moves on, one
 * build per key and version however many ask at once, a failed build forgotten, and at most
 * maxEntries kept (the least recently built goes first).
 */
import { VersionedCache } from '../../src/shared/versioned-cache';

/** A build whose calls are counted and whose result the test settles. */
function deferred<V>() {
  let resolve!: (value: V) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function counted<V>(value: (n: number) => V) {
  let calls = 0;
  const build = async (): Promise<V> => value(++calls);
  return { build, calls: () => calls };
}

describe('VersionedCache', () => {
  it('builds once per key and version, then answers from memory', async () => {
    const cache = new VersionedCache<string>(4);
    const b = counted((n) => `built ${n}`);
    expect(await cache.get('k', 'v1', b.build)).toBe('built 1');
    expect(await cache.get('k', 'v1', b.build)).toBe('built 1');
    expect(b.calls()).toBe(1);
  });

  it('builds again when the version moves on, and keeps only the newest', async () => {
    const cache = new VersionedCache<string>(4);
    const b = counted((n) => `built ${n}`);
    await cache.get('k', 'v1', b.build);
    expect(await cache.get('k', 'v2', b.build)).toBe('built 2');
    expect(b.calls()).toBe(2);
    // Any other version is a change too, even an older one: nothing is ordered.
    expect(await cache.get('k', 'v1', b.build)).toBe('built 3');
    expect(b.calls()).toBe(3);
  });

  it('keeps keys apart', async () => {
    const cache = new VersionedCache<string>(4);
    expect(await cache.get('a', 'v', async () => 'A')).toBe('A');
    expect(await cache.get('b', 'v', async () => 'B')).toBe('B');
    expect(await cache.get('a', 'v', async () => 'not A')).toBe('A');
  });

  it('runs one build for callers asking at once', async () => {
    const cache = new VersionedCache<string>(4);
    const gate = deferred<string>();
    let calls = 0;
    const build = (): Promise<string> => {
      calls++;
      return gate.promise;
    };
    const answers = Promise.all([cache.get('k', 'v', build), cache.get('k', 'v', build)]);
    const third = cache.get('k', 'v', build);
    gate.resolve('once');
    expect(await answers).toEqual(['once', 'once']);
    expect(await third).toBe('once');
    expect(calls).toBe(1);
  });

  it('forgets a failed build: every caller of it gets the error, the next caller builds anew', async () => {
    const cache = new VersionedCache<string>(4);
    const gate = deferred<string>();
    const failing = (): Promise<string> => gate.promise;
    const first = cache.get('k', 'v', failing);
    const second = cache.get('k', 'v', failing);
    gate.reject(new Error('database away'));
    await expect(first).rejects.toThrow('database away');
    await expect(second).rejects.toThrow('database away');
    expect(await cache.peek('k')).toBeUndefined();
    expect(await cache.get('k', 'v', async () => 'second try')).toBe('second try');
  });

  it('does not let a late failure of an old build remove its successor', async () => {
    const cache = new VersionedCache<string>(4);
    const old = deferred<string>();
    const stale = cache.get('k', 'v1', () => old.promise);
    expect(await cache.get('k', 'v2', async () => 'new')).toBe('new');
    old.reject(new Error('late'));
    await expect(stale).rejects.toThrow('late');
    const b = counted(() => 'rebuilt');
    expect(await cache.get('k', 'v2', b.build)).toBe('new');
    expect(b.calls()).toBe(0);
  });

  it('peeks at whatever version is kept, without building', async () => {
    const cache = new VersionedCache<number>(4);
    expect(await cache.peek('k')).toBeUndefined();
    await cache.get('k', 'v1', async () => 1);
    expect(await cache.peek('k')).toBe(1);
  });

  it('keeps at most maxEntries, dropping the least recently built first', async () => {
    const cache = new VersionedCache<string>(2);
    await cache.get('a', 'v', async () => 'A');
    await cache.get('b', 'v', async () => 'B');
    // Rebuilt at a new version: 'a' is now the most recently built.
    await cache.get('a', 'v2', async () => 'A2');
    await cache.get('c', 'v', async () => 'C');
    expect(await cache.peek('b')).toBeUndefined();
    expect(await cache.peek('a')).toBe('A2');
    expect(await cache.peek('c')).toBe('C');
    // Reading does not refresh: 'a' goes next though it was just read.
    await cache.get('a', 'v2', async () => 'unused');
    await cache.get('d', 'v', async () => 'D');
    expect(await cache.peek('a')).toBeUndefined();
    expect(await cache.peek('c')).toBe('C');
    expect(await cache.peek('d')).toBe('D');
  });

  it('with room for one, keeps the last key only', async () => {
    const cache = new VersionedCache<string>(1);
    await cache.get('a', 'v', async () => 'A');
    await cache.get('b', 'v', async () => 'B');
    expect(await cache.peek('a')).toBeUndefined();
    expect(await cache.peek('b')).toBe('B');
  });
});
