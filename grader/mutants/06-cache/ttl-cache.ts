import { defineMutants } from "../../kit/index.ts";

export default defineMutants("06-cache/ttl-cache", [
  {
    name: "expiry-inclusive",
    bug: "still returns an entry at the exact moment it expires (> instead of >=)",
    kills: "an entry is returned while it is live and never after it expires",
    edits: [["    if (Date.now() >= entry.expiresAt) return undefined;", "    if (Date.now() > entry.expiresAt) return undefined;"]],
  },
  {
    name: "set-keeps-expiry",
    bug: "setting an existing key keeps its old expiry time",
    kills: "set restarts an entry's lifetime",
    edits: [
      ["    this.#entries.delete(key);\n    if (this.#entries.size", "    const previous = this.#entries.get(key);\n    this.#entries.delete(key);\n    if (this.#entries.size"],
      ["{ value, expiresAt: Date.now() + ttlMs }", "{ value, expiresAt: previous && Date.now() < previous.expiresAt ? previous.expiresAt : Date.now() + ttlMs }"],
    ],
  },
  {
    name: "ignores-ttl-argument",
    bug: "always uses the default lifetime, ignoring the ttl passed to set",
    kills: "a ttl given to set overrides the default",
    edits: [["{ value, expiresAt: Date.now() + ttlMs }", "{ value, expiresAt: Date.now() + this.#defaultTtlMs }"]],
  },
  {
    name: "get-keeps-recency",
    bug: "a hit does not make the entry most recently used (first in, first out)",
    kills: "a full cache evicts the least recently used live entry",
    edits: [["    this.#entries.delete(key);\n    if (Date.now() >= entry.expiresAt) return undefined;\n    this.#entries.set(key, entry);", "    if (Date.now() >= entry.expiresAt) return undefined;"]],
  },
  {
    name: "evicts-before-sweeping",
    bug: "evicts the least recently used entry even when an expired entry could make room",
    kills: "expired entries make room before any live entry is evicted",
    edits: [["    if (this.#entries.size >= this.#capacity) this.#removeExpired();\n", ""]],
  },
  {
    name: "size-counts-expired",
    bug: "size counts expired entries that were not removed yet",
    kills: "size counts live entries only",
    edits: [["    this.#removeExpired();\n    return this.#entries.size;", "    return this.#entries.size;"]],
  },
  {
    name: "delete-reports-expired",
    bug: "delete answers true for an entry that had already expired",
    kills: "delete removes an entry and says whether a live one was removed",
    edits: [["return entry !== undefined && Date.now() < entry.expiresAt;", "return entry !== undefined;"]],
  },
  {
    name: "accepts-zero-ttl",
    bug: "accepts a ttl of 0 (or NaN) instead of throwing RangeError",
    kills: "a capacity that is not an integer ≥ 1, or a ttl that is not > 0, throws RangeError",
    edits: [["if (!(ttlMs > 0))", "if (ttlMs < 0)"]],
  },
  {
    name: "capacity-unchecked",
    bug: "the constructor does not check capacity, so 0, a negative or NaN capacity is accepted",
    kills: "a capacity that is not an integer ≥ 1, or a ttl that is not > 0, throws RangeError",
    edits: [["    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`);\n", ""]],
  },
  {
    name: "fractional-capacity",
    bug: "the constructor checks capacity >= 1 but not that it is an integer, so 1.5 is accepted",
    kills: "a capacity that is not an integer ≥ 1, or a ttl that is not > 0, throws RangeError",
    edits: [["if (!Number.isInteger(capacity) || capacity < 1)", "if (!(capacity >= 1))"]],
  },
]);
