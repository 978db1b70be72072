import { defineMutants } from "../../kit/index.ts";

export default defineMutants("06-cache/read-through", [
  {
    name: "never-stores",
    bug: "never keeps an answer, so every get calls load",
    kills: "a fresh hit answers from the cache without calling load",
    edits: [["            this.#store(key, value);\n", ""]],
  },
  {
    name: "evicts-most-recent",
    bug: "when full, evicts the most recently used entry",
    kills: "beyond capacity, expired entries go first, then the least recently used",
    edits: [["this.#entries.delete(this.#entries.keys().next().value as K);", "this.#entries.delete([...this.#entries.keys()].at(-1) as K);"]],
  },
  {
    name: "expiry-from-question",
    bug: "measures freshness from when get was called, not from when the load answered",
    kills: "an entry stays fresh for ttlMs from when its load answered",
    edits: [
      ["  #startLoad(key: K): Load<V> {\n", "  #startLoad(key: K): Load<V> {\n    const askedAt = Date.now();\n"],
      ["            this.#store(key, value);", "            this.#store(key, value, askedAt);"],
      ["  #store(key: K, value: V): void {\n    const now = Date.now();", "  #store(key: K, value: V, now = Date.now()): void {"],
    ],
  },
  {
    name: "no-coalescing",
    bug: "every miss starts its own load, even while one is in flight for the key",
    kills: "concurrent gets of a missing key share one load",
    edits: [["(this.#loading.get(key) ?? this.#startLoad(key)).promise", "this.#startLoad(key).promise"]],
  },
  {
    name: "failure-cached",
    bug: "a failed load stays in flight, so later gets receive the same failure",
    kills: "a failed load rejects every waiter and is not cached",
    edits: [["          if (this.#loading.get(key) === record) this.#loading.delete(key);\n          throw error;", "          throw error;"]],
  },
  {
    name: "stores-stale-load",
    bug: "a load that was in flight when the key was invalidated still stores its result",
    kills: "after invalidate, no get sees a value loaded before it",
    edits: [["          if (this.#loading.get(key) === record) {\n            this.#loading.delete(key);\n            this.#store(key, value);\n          }", "          if (this.#loading.get(key) === record) this.#loading.delete(key);\n          this.#store(key, value);"]],
  },
  {
    name: "invalidate-keeps-load",
    bug: "invalidate leaves the load in flight, so a later get joins the old load",
    kills: "after invalidate, no get sees a value loaded before it",
    edits: [["    this.#entries.delete(key);\n    this.#loading.delete(key);\n  }", "    this.#entries.delete(key);\n  }"]],
  },
  {
    name: "accepts-zero-ttl",
    bug: "accepts a ttlMs of 0 (or NaN) instead of throwing RangeError",
    kills: "a ttl or capacity that is not positive throws RangeError",
    edits: [["if (!(ttlMs > 0))", "if (ttlMs < 0)"]],
  },
]);
