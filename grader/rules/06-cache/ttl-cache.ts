import { defineRules } from "../../kit/rules.ts";

export default defineRules("06-cache/ttl-cache", [
  {
    rule: "An entry set at time `setAt` with lifetime `ttlMs` is live while `Date.now() < setAt + ttlMs`, and is never returned after that.",
    property: "an entry is returned while it is live and never after it expires",
    mutants: ["expiry-inclusive"],
  },
  {
    rule: "restarting its lifetime if it was already stored",
    property: "set restarts an entry's lifetime",
    mutants: ["set-keeps-expiry"],
  },
  {
    rule: "Stores `value` for `ttlMs` (default: defaultTtlMs) from now",
    property: "a ttl given to set overrides the default",
    mutants: ["ignores-ttl-argument"],
  },
  {
    rule: "The value of a live entry (and it becomes the most recently used), else undefined.",
    property: "a full cache evicts the least recently used live entry",
    mutants: ["get-keeps-recency"],
  },
  {
    rule: "An unexpired entry is evicted (least recently used first) only when the cache is full of unexpired entries: expired entries make room first.",
    property: "expired entries make room before any live entry is evicted",
    mutants: ["evicts-before-sweeping"],
  },
  {
    rule: "How many live entries the cache holds (expired ones do not count).",
    property: "size counts live entries only",
    mutants: ["size-counts-expired"],
  },
  {
    rule: "Removes an entry; true when a live entry was removed.",
    property: "delete removes an entry and says whether a live one was removed",
    mutants: ["delete-reports-expired"],
  },
  {
    rule: "@throws RangeError when ttlMs is given and not > 0.",
    property: "a capacity that is not an integer ≥ 1, or a ttl that is not > 0, throws RangeError",
    mutants: ["accepts-zero-ttl"],
  },
  {
    rule: "@throws RangeError when capacity is not an integer ≥ 1 or defaultTtlMs is not > 0.",
    property: "a capacity that is not an integer ≥ 1, or a ttl that is not > 0, throws RangeError",
    mutants: ["capacity-unchecked", "fractional-capacity"],
  },
]);
