import { defineMutants } from "../../kit/index.ts";

const CLAMP = "const r = Math.min(maxReplicas, Math.max(minReplicas, raw));";
const RAW = "Math.ceil(currentReplicas * utilization / targetUtilization);";
const TAIL = "    let highest = r;\n    for (const h of this.history) highest = Math.max(highest, h.replicas);\n    return Math.min(currentReplicas, highest);";

export default defineMutants("03-scaling/autoscaler", [
  {
    name: "no-max-clamp",
    bug: "never caps the recommendation at maxReplicas",
    kills: "outside the tolerance the recommendation is ceil(current × utilization / target), clamped to [min, max]",
    edits: [[CLAMP, "const r = Math.max(minReplicas, raw);"]],
  },
  {
    name: "no-min-clamp",
    bug: "lets the recommendation fall below minReplicas",
    kills: "outside the tolerance the recommendation is ceil(current × utilization / target), clamped to [min, max]",
    edits: [[CLAMP, "const r = Math.min(maxReplicas, raw);"]],
  },
  {
    name: "floor-not-ceil",
    bug: "rounds the desired replica count down instead of up",
    kills: "outside the tolerance the recommendation is ceil(current × utilization / target), clamped to [min, max]",
    edits: [[RAW, "Math.floor(currentReplicas * utilization / targetUtilization);"]],
  },
  {
    name: "no-tolerance",
    bug: "ignores the tolerance band and rescales on every small deviation",
    kills: "inside the tolerance the current replica count is kept",
    edits: [["const raw = Math.abs(utilization / targetUtilization - 1) <= tolerance", "const raw = tolerance < 0"]],
  },
  {
    name: "reordered-ratio",
    bug: "computes currentReplicas * (utilization / targetUtilization), which rounds differently in doubles",
    kills: "near a whole number of replicas the answer follows the contract's expression in doubles",
    edits: [[RAW, "Math.ceil(currentReplicas * (utilization / targetUtilization));"]],
  },
  {
    name: "no-stabilization",
    bug: "scales down at once to the current recommendation",
    kills: "load that oscillates does not make the replica count flap",
    edits: [["if (r >= currentReplicas) return r;", "return r;"]],
  },
  {
    name: "window-includes-edge",
    bug: "keeps a recommendation exactly scaleDownStabilizationMs old in the window",
    kills: "after a spike the count comes down once the spike has left the stabilization window",
    edits: [["now - h.at < scaleDownStabilizationMs", "now - h.at <= scaleDownStabilizationMs"]],
  },
  {
    name: "records-answer",
    bug: "records the number it returns instead of the recommendation r, so it never scales down after a spike",
    kills: "after a spike the count comes down once the spike has left the stabilization window",
    edits: [
      ["    this.history.push({ at: now, replicas: r });\n", ""],
      ["if (r >= currentReplicas) return r;", "if (r >= currentReplicas) { this.history.push({ at: now, replicas: r }); return r; }"],
      [TAIL, "    let highest = r;\n    for (const h of this.history) highest = Math.max(highest, h.replicas);\n    this.history.push({ at: now, replicas: Math.min(currentReplicas, highest) });\n    return Math.min(currentReplicas, highest);"],
    ],
  },
  {
    name: "no-current-cap",
    bug: "scaling down can return more replicas than are running now",
    kills: "scale-down waits for the highest recommendation in the stabilization window",
    edits: [[TAIL, "    let highest = r;\n    for (const h of this.history) highest = Math.max(highest, h.replicas);\n    return highest;"]],
  },
  {
    name: "stabilizes-scale-up",
    bug: "applies the window to scale-up too, returning an older, higher recommendation",
    kills: "scale-up takes effect at once, whatever was recommended before",
    edits: [
      ["if (r >= currentReplicas) return r;", ""],
      [TAIL, "    let highest = r;\n    for (const h of this.history) highest = Math.max(highest, h.replicas);\n    return r >= currentReplicas ? highest : Math.min(currentReplicas, highest);"],
    ],
  },
  {
    name: "accepts-min-above-max",
    bug: "accepts maxReplicas below minReplicas",
    kills: "bad options or observations throw a RangeError",
    edits: [["!Number.isInteger(maxReplicas) || maxReplicas < minReplicas", "!Number.isInteger(maxReplicas)"]],
  },
  {
    name: "accepts-negative-utilization",
    bug: "accepts a negative utilization",
    kills: "bad options or observations throw a RangeError",
    edits: [["!Number.isFinite(utilization) || utilization < 0", "!Number.isFinite(utilization)"]],
  },
]);
