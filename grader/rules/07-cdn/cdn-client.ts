import { defineRules } from "../../kit/rules.ts";

export default defineRules("07-cdn/cdn-client", [
  {
    rule: "Any other status (a 404 included) is an answer and is returned as it is, with `servedBy` saying which attempt gave it.",
    property: "a cdn that answers in time is used as it is, a 404 included, without asking the origin",
    mutants: ["falls-back-on-404"],
  },
  {
    rule: "An attempt fails on a network error, a 5xx status,",
    property: "a network error or a 5xx from the cdn falls back to the origin",
    mutants: ["keeps-5xx"],
  },
  {
    rule: "or when the whole answer (headers and body) has not arrived within `timeoutMs`.",
    property: "a cdn that has not answered within timeoutMs is abandoned for the origin",
    mutants: ["no-time-limit"],
  },
  {
    rule: "Upper bound in ms on each attempt (CDN, then origin), from the request until the whole body.",
    property: "the time limit covers the whole body: a cdn that sends headers and then stalls is abandoned",
    mutants: ["limit-stops-at-headers"],
  },
  {
    rule: "Rejects when the origin attempt fails too.",
    property: "fetchAsset rejects when the origin fails too",
    mutants: ["origin-5xx-resolves"],
  },
  {
    rule: "equal content gives the same URL, different content a different URL.",
    property: "versionedUrl is the same for equal content and differs for different content",
    mutants: ["random-version", "hashes-the-path"],
  },
  {
    rule: "The token is 8–16 characters of [A-Za-z0-9_-] derived from a hash of `content`:",
    property: "versionedUrl appends v= and 8 to 16 url-safe characters, after ? or after & when a query exists",
    mutants: ["whole-hash"],
  },
  {
    rule: "after `?`, or after `&` when the path already has a query",
    property: "versionedUrl appends v= and 8 to 16 url-safe characters, after ? or after & when a query exists",
    mutants: ["always-question-mark"],
  },
]);
