/**
 * A cache whose entries expire: each entry lives `ttlMs` from its last `set`, and the cache holds
 * at most `capacity` live entries, evicting the least recently used one when it must.
 *
 * An entry set at time `setAt` with lifetime `ttlMs` is live while `Date.now() < setAt + ttlMs`,
 * and is never returned after that. Read time only through `Date.now()`.
 */
export interface TtlCacheOptions {
  /** Most live entries held at once: an integer ≥ 1. */
  capacity: number;
  /** Lifetime of an entry when `set` is given none, in ms: > 0. */
  defaultTtlMs: number;
}

export class TtlCache<K, V> {
  /** @throws RangeError when capacity is not an integer ≥ 1 or defaultTtlMs is not > 0. */
  constructor(options: TtlCacheOptions) {
    notImplemented("new TtlCache()");
  }

  /** The value of a live entry (and it becomes the most recently used), else undefined. */
  get(key: K): V | undefined {
    notImplemented("TtlCache.get");
  }

  /**
   * Stores `value` for `ttlMs` (default: defaultTtlMs) from now and makes it the most recently
   * used, restarting its lifetime if it was already stored. An unexpired entry is evicted (least
   * recently used first) only when the cache is full of unexpired entries: expired entries make
   * room first.
   * @throws RangeError when ttlMs is given and not > 0.
   */
  set(key: K, value: V, ttlMs?: number): void {
    notImplemented("TtlCache.set");
  }

  /** Removes an entry; true when a live entry was removed. */
  delete(key: K): boolean {
    notImplemented("TtlCache.delete");
  }

  /** How many live entries the cache holds (expired ones do not count). */
  get size(): number {
    return notImplemented("TtlCache.size");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/06-cache/ttl-cache.ts`);
}
