import { defineRules } from "../../kit/rules.ts";

export default defineRules("06-cache/lru-cache", [
  {
    rule: "The value stored for `key`, or undefined.",
    property: "get returns the value last set for a key, or undefined",
    mutants: ["get-misses-values"],
  },
  {
    rule: "A hit makes `key` the most recently used.",
    property: "a hit makes the key most recently used",
    mutants: ["get-does-not-touch"],
  },
  {
    rule: "Inserting a new key into a full cache first evicts the least recently used key.",
    property: "inserting into a full cache evicts the least recently used key",
    mutants: ["evicts-most-recent", "capacity-off-by-one"],
  },
  {
    rule: "Stores `value` under `key` and makes `key` the most recently used.",
    property: "setting an existing key replaces its value and makes it most recently used",
    mutants: ["set-keeps-position"],
  },
  {
    rule: "Whether `key` is stored. Does not change recency.",
    property: "has answers without changing recency",
    mutants: ["has-touches-recency"],
  },
  {
    rule: "Removes `key`; true when it was stored.",
    property: "delete removes a key and size counts the stored keys",
    mutants: ["size-counts-deleted"],
  },
  {
    rule: "@throws RangeError when `capacity` is not an integer ≥ 1.",
    property: "a capacity that is not an integer of at least 1 throws RangeError",
    mutants: ["accepts-fractional-capacity"],
  },
  {
    rule: "`get`, `set`, `has` and `delete` must take constant time (O(1)) however many keys the cache holds",
    property: "get, set, has and delete take constant time as the cache grows",
    mutants: ["linear-eviction"],
  },
]);
