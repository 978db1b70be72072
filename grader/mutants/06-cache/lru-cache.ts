import { defineMutants } from "../../kit/index.ts";

export default defineMutants("06-cache/lru-cache", [
  {
    name: "get-misses-values",
    bug: "get returns the value that was first set for a key, not the last",
    kills: "get returns the value last set for a key, or undefined",
    edits: [["      this.#entries.delete(key);\n    } else if", "      this.#entries.set(key, this.#entries.get(key) as V);\n      return;\n    } else if"]],
  },
  {
    name: "get-does-not-touch",
    bug: "a hit does not move the key to the most recent position",
    kills: "a hit makes the key most recently used",
    edits: [["    this.#entries.delete(key);\n    this.#entries.set(key, value);\n    return value;", "    return value;"]],
  },
  {
    name: "evicts-most-recent",
    bug: "evicts the most recently used key instead of the least recently used",
    kills: "inserting into a full cache evicts the least recently used key",
    edits: [["this.#entries.keys().next().value as K", "[...this.#entries.keys()].at(-1) as K"]],
  },
  {
    name: "capacity-off-by-one",
    bug: "holds one key more than its capacity before evicting",
    kills: "inserting into a full cache evicts the least recently used key",
    edits: [["this.#entries.size >= this.#capacity", "this.#entries.size > this.#capacity"]],
  },
  {
    name: "set-keeps-position",
    bug: "setting an existing key replaces the value but leaves the key where it was",
    kills: "setting an existing key replaces its value and makes it most recently used",
    edits: [["    if (this.#entries.has(key)) {\n      this.#entries.delete(key);\n    } else if", "    if (this.#entries.has(key)) {\n      // keeps its place\n    } else if"]],
  },
  {
    name: "has-touches-recency",
    bug: "has moves the key to the most recent position, as get does",
    kills: "has answers without changing recency",
    edits: [["    return this.#entries.has(key);\n  }\n\n  /** Removes", "    return this.get(key) !== undefined || this.#entries.has(key);\n  }\n\n  /** Removes"]],
  },
  {
    name: "size-counts-deleted",
    bug: "size is a counter that delete forgets to decrement",
    kills: "delete removes a key and size counts the stored keys",
    edits: [
      ["  readonly #entries = new Map<K, V>();", "  readonly #entries = new Map<K, V>();\n  #inserted = 0;"],
      ["    this.#entries.set(key, value);\n  }", "    if (!this.#entries.has(key)) this.#inserted = Math.min(this.#inserted + 1, this.#capacity);\n    this.#entries.set(key, value);\n  }"],
      ["    return this.#entries.size;", "    return this.#inserted;"],
    ],
  },
  {
    name: "accepts-fractional-capacity",
    bug: "accepts a capacity such as 2.5 instead of throwing RangeError",
    kills: "a capacity that is not an integer of at least 1 throws RangeError",
    edits: [["!Number.isInteger(capacity) || capacity < 1", "!(capacity >= 1)"]],
  },
  {
    name: "linear-eviction",
    bug: "finds the least recently used key by copying every key: O(n) per insertion",
    kills: "get, set, has and delete take constant time as the cache grows",
    edits: [["this.#entries.keys().next().value as K", "[...this.#entries.keys()][0] as K"]],
  },
]);
