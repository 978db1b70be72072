import { defineRules } from "../../kit/rules.ts";

export default defineRules("06-cache/read-through", [
  {
    rule: "`get` answers from memory when it can and otherwise asks `load`",
    property: "a fresh hit answers from the cache without calling load",
    mutants: ["never-stores"],
  },
  {
    rule: "Beyond `capacity` entries, expired entries go first, then the least recently used (a fresh hit counts as a use).",
    property: "beyond capacity, expired entries go first, then the least recently used",
    mutants: ["evicts-most-recent"],
  },
  {
    rule: "An entry is fresh while `Date.now() < answeredAt + ttlMs`.",
    property: "an entry stays fresh for ttlMs from when its load answered",
    mutants: ["expiry-from-question"],
  },
  {
    rule: "A miss calls `load` once, however many callers wait for that key meanwhile; they all get its answer.",
    property: "concurrent gets of a missing key share one load",
    mutants: ["no-coalescing"],
  },
  {
    rule: "A failed load rejects every waiter and is not cached: the next get loads again.",
    property: "a failed load rejects every waiter and is not cached",
    mutants: ["failure-cached"],
  },
  {
    rule: "a load that was in flight when the key was invalidated must not put its (stale) result in the cache.",
    property: "after invalidate, no get sees a value loaded before it",
    mutants: ["stores-stale-load"],
  },
  {
    rule: "a get issued after it starts a new load and never sees the old value",
    property: "after invalidate, no get sees a value loaded before it",
    mutants: ["invalidate-keeps-load"],
  },
  {
    rule: "@throws RangeError when ttlMs is not > 0 or capacity is not an integer ≥ 1.",
    property: "a ttl or capacity that is not positive throws RangeError",
    mutants: ["accepts-zero-ttl"],
  },
]);
