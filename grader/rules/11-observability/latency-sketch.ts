import { defineRules } from "../../kit/rules.ts";

export default defineRules("11-observability/latency-sketch", [
  {
    rule: "With `exact` = the recorded values sorted ascending, at index `Math.floor(q * (count - 1))`, the answer is within `relativeAccuracy × exact` of it.",
    property: "every quantile is within the relative accuracy of the exact quantile",
    mutants: ["answers-bucket-top", "rank-off-by-one"],
  },
  {
    rule: "0.01 means every answer is within 1% of the exact quantile.",
    property: "heavy-tailed latencies over six orders of magnitude keep the relative accuracy",
    mutants: ["collapses-low-buckets"],
  },
  {
    rule: "Afterwards this sketch answers exactly as one sketch that recorded both sets of values.",
    property: "merging two sketches answers exactly like one sketch of all the values",
    mutants: ["merge-replaces-buckets", "merge-skips-at-bucket-zero"],
  },
  {
    rule: "How many values were recorded (merged ones included).",
    property: "merging two sketches answers exactly like one sketch of all the values",
    mutants: ["merge-forgets-count"],
  },
  {
    rule: "Adds every value recorded in `other` to this sketch (`other` is left as it is).",
    property: "merging two sketches answers exactly like one sketch of all the values",
    mutants: ["merge-empties-other"],
  },
  {
    rule: "For values in [min, max] it must stay at most ⌈ln(max / min) / ln γ⌉ + 2, with γ = (1 + α) / (1 − α).",
    property: "bucketCount stays within ⌈ln(max / min) / ln γ⌉ + 2",
    mutants: ["buckets-twice-too-fine"],
  },
  {
    rule: "α, strictly between 0 and 1 (else `RangeError`);",
    property: "the constructor rejects a relative accuracy not strictly between 0 and 1 with RangeError",
    mutants: ["accepts-nan-accuracy"],
  },
  {
    rule: "Records one latency `ms`: a finite number above 0, else `RangeError`.",
    property: "record rejects a latency that is not a finite number above 0 with RangeError",
    mutants: ["accepts-zero"],
  },
  {
    rule: "An empty sketch, or q outside [0, 1], throws `RangeError`.",
    property: "an empty sketch, q outside [0, 1] and merging another accuracy throw RangeError",
    mutants: ["quantile-accepts-any-q"],
  },
  {
    rule: "A sketch of another relative accuracy throws `RangeError` (their buckets do not line up).",
    property: "an empty sketch, q outside [0, 1] and merging another accuracy throw RangeError",
    mutants: ["merges-any-accuracy"],
  },
]);
