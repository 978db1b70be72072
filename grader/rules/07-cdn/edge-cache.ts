import { defineRules } from "../../kit/rules.ts";

export default defineRules("07-cdn/edge-cache", [
  {
    rule: "The answer is stored only when its status is 200, its lifetime > 0 and `Cache-Control` has neither `no-store` nor `private` (other directives are ignored);",
    property: "a 200 is stored only with a positive lifetime and without no-store or private",
    mutants: ["no-store-cached", "private-cached"],
  },
  {
    rule: "A miss fetches `origin + pathWithQuery` with `fetch` (redirects not followed: `redirect: \"manual\"`).",
    property: "a 200 is stored only with a positive lifetime and without no-store or private",
    mutants: ["follows-redirects"],
  },
  {
    rule: "Lifetime (seconds) = `s-maxage` if `Cache-Control` has it, else `max-age`, else 0.",
    property: "s-maxage sets the lifetime when present, otherwise max-age",
    mutants: ["max-age-wins"],
  },
  {
    rule: "Age in ms of a stored copy = origin `Age` header × 1000 + (Date.now() − when it was stored).",
    property: "a hit carries its age, the origin's Age included, and expires when that age reaches the lifetime",
    mutants: ["age-ignored"],
  },
  {
    rule: "a HIT carries the header `age: String(Math.floor(age / 1000))`.",
    property: "a hit carries its age, the origin's Age included, and expires when that age reaches the lifetime",
    mutants: ["hit-rounds-age"],
  },
  {
    rule: "The cache key is the whole string, query included",
    property: "the cache key is the whole path including its query string",
    mutants: ["query-dropped-from-key"],
  },
  {
    rule: "Concurrent misses of one key make ONE origin request and all get its answer.",
    property: "concurrent misses of one path make a single origin request",
    mutants: ["no-coalescing"],
  },
  {
    rule: "and a copy is stored with age < (lifetime + `stale-if-error`) × 1000, answer that copy as STALE; otherwise answer status 502 marked MISS.",
    property: "when the origin fails, a copy within stale-if-error is served as STALE, otherwise a 502",
    mutants: ["stale-if-error-ignored"],
  },
  {
    rule: "If the origin fails (network error or a 5xx status)",
    property: "when the origin fails, a copy within stale-if-error is served as STALE, otherwise a 502",
    mutants: ["5xx-passed-through"],
  },
  {
    rule: "Remove every stored path that starts with `prefix`; return how many were removed.",
    property: "purge removes the stored paths under a prefix, returns how many, and the next get goes to the origin",
    mutants: ["purge-exact-path-only"],
  },
  {
    rule: "An origin request in flight for such a path is still answered but its answer is NOT stored, and the next get of the path goes to the origin again (it does not join the old request).",
    property: "a fetch in flight during a purge is answered but not stored",
    mutants: ["in-flight-survives-purge"],
  },
  {
    rule: "Anything else is passed through as BYPASS, and an earlier stored copy stays in place.",
    property: "a response that is not stored leaves an earlier stored copy in place",
    mutants: ["bypass-evicts-copy"],
  },
  {
    rule: "Remove every stored path that starts with `prefix`; return how many were removed.",
    property: "any sequence of gets, purges and clock moves matches the reference model",
    mutants: ["purge-counts-fresh-copies"],
  },
]);
