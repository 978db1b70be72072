/**
 * A read-through cache: `get` answers from memory when it can and otherwise asks `load` (the
 * database, say), remembering the answer for `ttlMs` from when the load answered.
 *
 * Rules the grader checks:
 * - A miss calls `load` once, however many callers wait for that key meanwhile; they all get
 *   its answer. A failed load rejects every waiter and is not cached: the next get loads again.
 * - An entry is fresh while `Date.now() < answeredAt + ttlMs`. Beyond `capacity` entries,
 *   expired entries go first, then the least recently used (a fresh hit counts as a use).
 * - `invalidate(key)`: a get issued before it may still receive the load it was waiting on; a
 *   get issued after it starts a new load and never sees the old value; and a load that was in
 *   flight when the key was invalidated must not put its (stale) result in the cache.
 */
export interface ReadThroughOptions<K, V> {
  /** Fetches the value of a key from the slow store. */
  load: (key: K) => Promise<V>;
  /** How long an answer stays fresh, in ms from when the load answered: > 0. */
  ttlMs: number;
  /** Most entries held at once: an integer ≥ 1. */
  capacity: number;
}

export class ReadThroughCache<K, V> {
  /** @throws RangeError when ttlMs is not > 0 or capacity is not an integer ≥ 1. */
  constructor(options: ReadThroughOptions<K, V>) {
    notImplemented("new ReadThroughCache()");
  }

  /**
   * The value of `key`: from the cache while fresh (and it becomes the most recently used),
   * otherwise from `load`, shared with every other caller waiting for the same key.
   */
  get(key: K): Promise<V> {
    notImplemented("ReadThroughCache.get");
  }

  /** Forgets `key`: later gets load it afresh, and a load in flight will not be stored. */
  invalidate(key: K): void {
    notImplemented("ReadThroughCache.invalidate");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/06-cache/read-through.ts`);
}
