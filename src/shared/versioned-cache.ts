/**
 * Values computed from the whole graph (an analytics projection, a ranking by degree), kept
 * until the graph version moves on. Every changing write raises the version in its own
 * transaction (Database.versioned), and the version lives in Neo4j, so a cached value is never
 * served for a graph it does not reflect, by this instance or any other. One build per key and
 * version however many callers ask at once; a failed build is forgotten.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: Promise<V> }>();

  constructor(private readonly maxEntries: number) {}

  /** The value kept for a key, whatever its version, without building. */
  async peek(key: string): Promise<V | undefined> {
    return this.entries.get(key)?.value.catch(() => undefined);
  }

  async get(key: string, version: string, build: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.value;
    if (cached) this.entries.delete(key);
    // Least recently built goes first when full.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry = { version, value: build() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }
}
