/**
 * A least-recently-used cache with a fixed capacity.
 *
 * "Used" means read by `get` or written by `set`; `has` does not count. When a new key arrives
 * and the cache is full, the least recently used key is evicted. `get`, `set`, `has` and
 * `delete` must take constant time (O(1)) however many keys the cache holds: the grader measures
 * how their cost grows when the cache size doubles.
 */
export class LruCache<K, V> {
  /** @throws RangeError when `capacity` is not an integer ≥ 1. */
  constructor(capacity: number) {
    notImplemented("new LruCache()");
  }

  /** The value stored for `key`, or undefined. A hit makes `key` the most recently used. */
  get(key: K): V | undefined {
    notImplemented("LruCache.get");
  }

  /**
   * Stores `value` under `key` and makes `key` the most recently used. Inserting a new key into a
   * full cache first evicts the least recently used key.
   */
  set(key: K, value: V): void {
    notImplemented("LruCache.set");
  }

  /** Whether `key` is stored. Does not change recency. */
  has(key: K): boolean {
    notImplemented("LruCache.has");
  }

  /** Removes `key`; true when it was stored. */
  delete(key: K): boolean {
    notImplemented("LruCache.delete");
  }

  /** How many keys are stored. */
  get size(): number {
    return notImplemented("LruCache.size");
  }

  /** The stored keys, from most to least recently used. May take O(n). */
  keys(): K[] {
    notImplemented("LruCache.keys");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/06-cache/lru-cache.ts`);
}
