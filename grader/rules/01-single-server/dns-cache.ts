import { defineRules } from "../../kit/rules.ts";

const TTL = "an answer is reused while Date.now() < answeredAt + ttlSeconds * 1000, then looked up again";

export default defineRules("01-single-server/dns-cache", [
  {
    rule: "Asks the network. Receives the normalised name: lower case, no trailing dot.",
    property: "lookup receives the name in lower case, without its trailing dot",
    mutants: ["lookup-gets-raw-name", "trailing-dot-kept"],
  },
  {
    rule: "Names are case-insensitive and a trailing dot is ignored: \"API.MySite.com.\" and \"api.mysite.com\" are the same name",
    property: "names that differ only in case or a trailing dot share one cached answer",
    mutants: ["cache-keyed-by-spelling"],
  },
  {
    rule: "An answer is reused while `Date.now() < answeredAt + ttlSeconds * 1000`, where `answeredAt` is the moment its lookup answered (not when it was asked).",
    property: TTL,
    mutants: ["reused-at-expiry", "ttl-read-as-ms", "expiry-from-question", "single-sweep-timer"],
  },
  {
    rule: "So `ttlSeconds = 0` is never reused",
    property: "an answer with ttlSeconds 0 is never reused",
    mutants: ["zero-ttl-kept-a-second"],
  },
  {
    rule: "Resolves of one name made while its lookup is running share that lookup: one call to `lookup`, and every caller gets its answer.",
    property: "concurrent resolves of one name share one lookup",
    mutants: ["no-coalescing"],
  },
  {
    rule: "A failed lookup rejects every caller that waited on it and is not cached: the next resolve of that name calls `lookup` again.",
    property: "a failed lookup rejects every waiter and is not cached",
    mutants: ["failure-cached", "joiners-hang-on-failure"],
  },
  {
    rule: "The address of `hostname`.",
    property: "each name gets the address its own lookup answered",
    mutants: ["one-answer-for-all"],
  },
]);
