/**
 * A cache whose entries expire: each entry lives `ttlMs` from its last `set`, and the cache holds
 * at most `capacity` live entries, evicting the least recently used one when it must.
 *
 * Design: one `Map` in recency order (least recent first), each entry carrying its expiry time.
 * Expired entries are removed lazily: when read, and in a sweep before any live entry is evicted.
 */
interface Entry<V> {
  value: V;
  expiresAt: number;
}

export interface TtlCacheOptions {
  /** Most live entries held at once: an integer ≥ 1. */
  capacity: number;
  /** Lifetime of an entry when `set` is given none, in ms: > 0. */
  defaultTtlMs: number;
}

function checkTtl(name: string, ttlMs: number): void {
  if (!(ttlMs > 0)) throw new RangeError(`${name} must be > 0, got ${ttlMs}`);
}

export class TtlCache<K, V> {
  readonly #capacity: number;
  readonly #defaultTtlMs: number;
  readonly #entries = new Map<K, Entry<V>>();

  /** @throws RangeError when capacity is not an integer ≥ 1 or defaultTtlMs is not > 0. */
  constructor({ capacity, defaultTtlMs }: TtlCacheOptions) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`);
    checkTtl("defaultTtlMs", defaultTtlMs);
    this.#capacity = capacity;
    this.#defaultTtlMs = defaultTtlMs;
  }

  /** The value of a live entry (and it becomes the most recently used), else undefined. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (Date.now() >= entry.expiresAt) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  /**
   * Stores `value` for `ttlMs` (default: defaultTtlMs) from now and makes it the most recently
   * used, restarting its lifetime if it was already stored. When the cache is full of live
   * entries, the least recently used one is evicted first.
   * @throws RangeError when ttlMs is given and not > 0.
   */
  set(key: K, value: V, ttlMs: number = this.#defaultTtlMs): void {
    checkTtl("ttlMs", ttlMs);
    this.#entries.delete(key);
    if (this.#entries.size >= this.#capacity) this.#removeExpired();
    if (this.#entries.size >= this.#capacity) {
      this.#entries.delete(this.#entries.keys().next().value as K);
    }
    this.#entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  /** Removes an entry; true when a live entry was removed. */
  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    return entry !== undefined && Date.now() < entry.expiresAt;
  }

  /** How many live entries the cache holds. */
  get size(): number {
    this.#removeExpired();
    return this.#entries.size;
  }

  #removeExpired(): void {
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      if (now >= entry.expiresAt) this.#entries.delete(key);
    }
  }
}
