import { defineMutants } from "../../kit/index.ts";

export default defineMutants("07-cdn/edge-cache", [
  {
    name: "no-store-cached",
    bug: "stores a response marked no-store",
    kills: "a 200 is stored only with a positive lifetime and without no-store or private",
    edits: [[' && !cc.has("no-store")', ""]],
  },
  {
    name: "private-cached",
    bug: "stores a response marked private in the shared cache",
    kills: "a 200 is stored only with a positive lifetime and without no-store or private",
    edits: [[' && !cc.has("private")', ""]],
  },
  {
    name: "max-age-wins",
    bug: "takes max-age over s-maxage when both are present",
    kills: "s-maxage sets the lifetime when present, otherwise max-age",
    edits: [['cc.has("s-maxage") ? cc.get("s-maxage") : cc.get("max-age")', 'cc.has("max-age") ? cc.get("max-age") : cc.get("s-maxage")']],
  },
  {
    name: "age-ignored",
    bug: "ignores the origin's Age header: a copy counts as new when it arrives",
    kills: "a hit carries its age, the origin's Age included, and expires when that age reaches the lifetime",
    edits: [['originAgeMs: (seconds(response.headers.get("age")) ?? 0) * 1000,', "originAgeMs: 0,"]],
  },
  {
    name: "query-dropped-from-key",
    bug: "keys copies by the path without its query, so /logo.png?v=2 is served the copy of ?v=1",
    kills: "the cache key is the whole path including its query string",
    edits: [["const key = pathWithQuery;", 'const key = pathWithQuery.split("?")[0] ?? pathWithQuery;']],
  },
  {
    name: "no-coalescing",
    bug: "each concurrent miss makes its own origin request",
    kills: "concurrent misses of one path make a single origin request",
    edits: [["if (pending !== undefined) return pending.promise;", "void pending;"]],
  },
  {
    name: "stale-if-error-ignored",
    bug: "never serves a stale copy when the origin fails",
    kills: "when the origin fails, a copy within stale-if-error is served as STALE, otherwise a 502",
    edits: [['staleIfErrorMs: (seconds(cc.get("stale-if-error")) ?? 0) * 1000,', "staleIfErrorMs: 0,"]],
  },
  {
    name: "5xx-passed-through",
    bug: "treats a 5xx from the origin as an ordinary answer instead of a failure",
    kills: "when the origin fails, a copy within stale-if-error is served as STALE, otherwise a 502",
    edits: [["if (response.status >= 500) return this.originFailed(key);", ""]],
  },
  {
    name: "purge-exact-path-only",
    bug: "purge removes only the path equal to the prefix",
    kills: "purge removes the stored paths under a prefix, returns how many, and the next get goes to the origin",
    edits: [["      if (key.startsWith(prefix)) {\n        this.stored.delete(key);", "      if (key === prefix) {\n        this.stored.delete(key);"]],
  },
  {
    name: "in-flight-survives-purge",
    bug: "a fetch in flight during a purge still stores its answer, and the next get joins it",
    kills: "a fetch in flight during a purge is answered but not stored",
    edits: [["      if (key.startsWith(prefix)) this.inFlight.delete(key);", "      void key;"]],
  },
  {
    name: "bypass-evicts-copy",
    bug: "a response that is not stored also throws away the earlier stored copy",
    kills: "a response that is not stored leaves an earlier stored copy in place",
    edits: [["    if (!storable) {\n", "    if (!storable) {\n      this.stored.delete(key);\n"]],
  },
  {
    name: "follows-redirects",
    bug: "follows the origin's redirects instead of passing a 3xx through",
    kills: "a 200 is stored only with a positive lifetime and without no-store or private",
    edits: [['{ redirect: "manual" }', "{}"]],
  },
  {
    name: "hit-rounds-age",
    bug: "rounds the age of a hit to the nearest second instead of down",
    kills: "a hit carries its age, the origin's Age included, and expires when that age reaches the lifetime",
    edits: [['      if (ageMs < copy.lifetimeMs) {\n        return {\n          status: copy.status,\n          headers: { ...copy.headers, age: String(Math.floor(ageMs / 1000)) },', '      if (ageMs < copy.lifetimeMs) {\n        return {\n          status: copy.status,\n          headers: { ...copy.headers, age: String(Math.round(ageMs / 1000)) },']],
  },
  {
    name: "purge-counts-fresh-copies",
    bug: "purge removes expired copies too but counts only the fresh ones",
    kills: "any sequence of gets, purges and clock moves matches the reference model",
    edits: [["        this.stored.delete(key);\n        removed += 1;", "        if (this.ageMs(this.stored.get(key)!) < this.stored.get(key)!.lifetimeMs) removed += 1;\n        this.stored.delete(key);"]],
  },
]);
