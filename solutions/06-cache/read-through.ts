/**
 * A read-through cache: `get` answers from memory when it can and otherwise asks `load` (the
 * database, say), remembering the answer for `ttlMs`.
 *
 * Design: `#entries` holds answers in recency order (least recent first) with their expiry
 * time. `#loading` holds the one load in flight per key, so concurrent misses share it. Each
 * load is a record whose identity tells whether it is still current: `invalidate` forgets the
 * record, and a load stores its answer only if its record is still the key's current one.
 */
interface Entry<V> {
  value: V;
  expiresAt: number;
}

interface Load<V> {
  promise: Promise<V>;
}

export interface ReadThroughOptions<K, V> {
  /** Fetches the value of a key from the slow store. */
  load: (key: K) => Promise<V>;
  /** How long an answer stays fresh, in ms from when the load answered: > 0. */
  ttlMs: number;
  /** Most entries held at once: an integer ≥ 1. */
  capacity: number;
}

export class ReadThroughCache<K, V> {
  readonly #load: (key: K) => Promise<V>;
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #entries = new Map<K, Entry<V>>();
  readonly #loading = new Map<K, Load<V>>();

  /** @throws RangeError when ttlMs is not > 0 or capacity is not an integer ≥ 1. */
  constructor({ load, ttlMs, capacity }: ReadThroughOptions<K, V>) {
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be > 0, got ${ttlMs}`);
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`);
    this.#load = load;
    this.#ttlMs = ttlMs;
    this.#capacity = capacity;
  }

  /**
   * The value of `key`: from the cache while fresh (and it becomes the most recently used),
   * otherwise from `load`, shared with every other caller waiting for the same key.
   */
  get(key: K): Promise<V> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key);
      if (Date.now() < entry.expiresAt) {
        this.#entries.set(key, entry);
        return Promise.resolve(entry.value);
      }
    }
    return (this.#loading.get(key) ?? this.#startLoad(key)).promise;
  }

  /** Forgets `key`: later gets load it afresh, and a load in flight will not be stored. */
  invalidate(key: K): void {
    this.#entries.delete(key);
    this.#loading.delete(key);
  }

  #startLoad(key: K): Load<V> {
    let answer: Promise<V>;
    try {
      answer = Promise.resolve(this.#load(key));
    } catch (error) {
      answer = Promise.reject(error); // a load that throws instead of rejecting
    }
    const record: Load<V> = {
      promise: answer.then(
        (value) => {
          if (this.#loading.get(key) === record) {
            this.#loading.delete(key);
            this.#store(key, value);
          }
          return value;
        },
        (error: unknown) => {
          if (this.#loading.get(key) === record) this.#loading.delete(key);
          throw error;
        },
      ),
    };
    this.#loading.set(key, record);
    return record;
  }

  #store(key: K, value: V): void {
    const now = Date.now();
    if (this.#entries.size >= this.#capacity) {
      for (const [k, entry] of this.#entries) if (now >= entry.expiresAt) this.#entries.delete(k);
    }
    if (this.#entries.size >= this.#capacity) {
      this.#entries.delete(this.#entries.keys().next().value as K);
    }
    this.#entries.set(key, { value, expiresAt: now + this.#ttlMs });
  }
}
