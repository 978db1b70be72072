import { defineRules } from "../../kit/rules.ts";

export default defineRules("11-observability/log-merge", [
  {
    rule: "Merges k streams, each already in timestamp order, into one stream in timestamp order.",
    property: "the output is in timestamp order",
    mutants: ["orders-by-stream"],
  },
  {
    rule: "Every input line comes out exactly once (the same objects, unchanged).",
    property: "every input line comes out exactly once",
    mutants: ["skips-first-lines"],
  },
  {
    rule: "Stable: lines with equal timestamps come out in stream order",
    property: "lines with equal timestamps come out in stream order",
    mutants: ["ties-to-later-stream"],
  },
  {
    rule: "and each stream keeps its own order.",
    property: "each stream's lines come out in that stream's order",
    mutants: ["equal-lines-of-a-stream-reordered"],
  },
  {
    rule: "Lazy: nothing is read before the first line is asked for",
    property: "the merge is lazy: after m lines are taken at most k + m were pulled, even from endless streams",
    mutants: ["reads-first-lines-at-once"],
  },
  {
    rule: "after m lines have been taken at most k + m lines have been pulled from the inputs, so endless streams work.",
    property: "the merge is lazy: after m lines are taken at most k + m were pulled, even from endless streams",
    mutants: ["reads-streams-eagerly"],
  },
  {
    rule: "O(N log k) for N lines in total: each line costs O(log k) comparisons, not O(k).",
    property: "the work per line grows like log k, not k, as k doubles with N fixed",
    mutants: ["re-sorts-heads", "re-sorts-cached-heads"],
  },
]);
