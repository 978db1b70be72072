import { defineMutants } from "../../kit/index.ts";

export default defineMutants("11-observability/latency-sketch", [
  {
    name: "answers-bucket-top",
    bug: "answers a bucket with its upper edge γ^i instead of 2·γ^i / (γ + 1), so errors reach 2α",
    kills: "every quantile is within the relative accuracy of the exact quantile",
    edits: [["return (2 * Math.pow(this.gamma, index)) / (this.gamma + 1);", "return Math.pow(this.gamma, index);"]],
  },
  {
    name: "rank-off-by-one",
    bug: "takes the rank as Math.floor(q * count) instead of Math.floor(q * (count - 1))",
    kills: "every quantile is within the relative accuracy of the exact quantile",
    edits: [["Math.floor(q * (this.total - 1))", "Math.min(this.total - 1, Math.floor(q * this.total))"]],
  },
  {
    name: "collapses-low-buckets",
    bug: "keeps at most 256 buckets by folding the lowest bucket into the next, which breaks the bound on wide ranges",
    kills: "heavy-tailed latencies over six orders of magnitude keep the relative accuracy",
    edits: [
      [
        "    this.total += 1;",
        "    this.total += 1;\n    if (this.buckets.size > 256) {\n      const [a, b] = [...this.buckets.keys()].sort((x, y) => x - y);\n      this.buckets.set(b, (this.buckets.get(b) ?? 0) + (this.buckets.get(a) ?? 0));\n      this.buckets.delete(a);\n    }",
      ],
    ],
  },
  {
    name: "merge-forgets-count",
    bug: "merge adds the other sketch's buckets but not its count",
    kills: "merging two sketches answers exactly like one sketch of all the values",
    edits: [["    this.total += other.total;", ""]],
  },
  {
    name: "merge-replaces-buckets",
    bug: "merge overwrites a bucket with the other sketch's count instead of adding to it",
    kills: "merging two sketches answers exactly like one sketch of all the values",
    edits: [["this.buckets.set(index, (this.buckets.get(index) ?? 0) + n);", "this.buckets.set(index, n);"]],
  },
  {
    name: "merge-skips-at-bucket-zero",
    bug: "merge stops when the other sketch's lowest bucket index is 0 (values just under 1 ms), because it tests that index for truthiness",
    kills: "merging two sketches answers exactly like one sketch of all the values",
    edits: [["    // Copy first, so that", "    const lowest = Math.min(...other.buckets.keys());\n    if (!lowest) return;\n    // Copy first, so that"]],
  },
  {
    name: "merge-empties-other",
    bug: "merge moves the other sketch's values instead of copying them, leaving it empty",
    kills: "merging two sketches answers exactly like one sketch of all the values",
    edits: [["    this.total += other.total;", "    this.total += other.total;\n    other.buckets.clear();\n    other.total = 0;"]],
  },
  {
    name: "buckets-twice-too-fine",
    bug: "uses buckets for accuracy α/2: still accurate, but twice as many buckets as allowed",
    kills: "bucketCount stays within ⌈ln(max / min) / ln γ⌉ + 2",
    edits: [["this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);", "this.gamma = (1 + relativeAccuracy / 2) / (1 - relativeAccuracy / 2);"]],
  },
  {
    name: "accepts-nan-accuracy",
    bug: "the constructor checks α <= 0 || α >= 1, which NaN passes, so new LatencySketch(NaN) answers NaN forever",
    kills: "the constructor rejects a relative accuracy not strictly between 0 and 1 with RangeError",
    edits: [["if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {", "if (relativeAccuracy <= 0 || relativeAccuracy >= 1) {"]],
  },
  {
    name: "accepts-zero",
    bug: "record accepts 0 (only negative latencies are refused)",
    kills: "record rejects a latency that is not a finite number above 0 with RangeError",
    edits: [["!Number.isFinite(ms) || ms <= 0", "!Number.isFinite(ms) || ms < 0"]],
  },
  {
    name: "quantile-accepts-any-q",
    bug: "quantile does not check that q is in [0, 1]",
    kills: "an empty sketch, q outside [0, 1] and merging another accuracy throw RangeError",
    edits: [["    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile(${q}): q must be between 0 and 1`);\n", ""]],
  },
  {
    name: "merges-any-accuracy",
    bug: "merge adds the buckets of a sketch of another accuracy, although they do not line up",
    kills: "an empty sketch, q outside [0, 1] and merging another accuracy throw RangeError",
    edits: [["if (other.relativeAccuracy !== this.relativeAccuracy) {", "if (Number.isNaN(other.relativeAccuracy)) {"]],
  },
]);
