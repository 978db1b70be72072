import { defineRules } from "../../kit/rules.ts";

const ORDER = "a read goes to the next qualifying replica after the one that served the previous read";
const FRESH = "a read with minLsn goes only to a replica that has applied that LSN, or to the primary";
const FALLBACK = "a read goes to the primary exactly when no replica qualifies";

export default defineRules("05-replication/replica-router", [
  {
    rule: "Each starts healthy, with applied LSN 0.",
    property: "every replica starts healthy, with applied LSN 0",
    mutants: ["starts-down", "unreported-lsn-caught-up"],
  },
  {
    rule: "The node a write (INSERT, UPDATE, DELETE) goes to: always the primary.",
    property: "every write goes to the primary",
    mutants: ["writes-routed-like-reads"],
  },
  {
    rule: "A replica qualifies when it is healthy",
    property: "a read never goes to a replica that is down",
    mutants: ["ignores-health"],
  },
  {
    rule: "Read-your-writes: the read may only go to a replica that has applied at least this LSN",
    property: FRESH,
    mutants: ["ignores-min-lsn", "stale-fallback"],
  },
  {
    rule: "and, if `minLsn` is given, has applied at least `minLsn`.",
    property: FALLBACK,
    mutants: ["strict-min-lsn"],
  },
  {
    rule: "No replica qualifies → the primary.",
    property: FALLBACK,
    mutants: ["no-skip-to-next"],
  },
  {
    rule: "The read goes to the first qualifying replica after the one that served the previous read, in constructor order, wrapping around (that replica itself comes last).",
    property: ORDER,
    mutants: ["always-first-replica", "counter-over-qualifying"],
  },
  {
    rule: "If the previous read went to the primary, or this is the first read, the search starts at the first replica.",
    property: ORDER,
    mutants: ["no-reset-after-primary"],
  },
]);
