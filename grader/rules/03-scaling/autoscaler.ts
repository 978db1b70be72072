import { defineRules } from "../../kit/rules.ts";

const RAW = "outside the tolerance the recommendation is ceil(current × utilization / target), clamped to [min, max]";
const BAD = "bad options or observations throw a RangeError";

export default defineRules("03-scaling/autoscaler", [
  {
    rule: "`r` is `raw` clamped to [minReplicas, maxReplicas]",
    property: RAW,
    mutants: ["no-max-clamp", "no-min-clamp"],
  },
  {
    rule: ": Math.ceil(currentReplicas * utilization / targetUtilization)",
    property: RAW,
    mutants: ["floor-not-ceil"],
  },
  {
    rule: "raw = Math.abs(utilization / targetUtilization - 1) <= tolerance ? currentReplicas",
    property: "inside the tolerance the current replica count is kept",
    mutants: ["no-tolerance"],
  },
  {
    rule: "Math.ceil(currentReplicas * utilization / targetUtilization)",
    property: "near a whole number of replicas the answer follows the contract's expression in doubles",
    mutants: ["reordered-ratio"],
  },
  {
    rule: "scale down only to the highest recommendation seen in a recent window, so load that oscillates does not make the replica count flap.",
    property: "load that oscillates does not make the replica count flap",
    mutants: ["no-stabilization"],
  },
  {
    rule: "where R is the highest `r` recorded at a time `t` with `Date.now() - t < scaleDownStabilizationMs`",
    property: "after a spike the count comes down once the spike has left the stabilization window",
    mutants: ["window-includes-edge"],
  },
  {
    rule: "`r` is `raw` clamped to [minReplicas, maxReplicas], and `(Date.now(), r)` is recorded.",
    property: "after a spike the count comes down once the spike has left the stabilization window",
    mutants: ["records-answer"],
  },
  {
    rule: "Otherwise it is `Math.min(currentReplicas, R)`",
    property: "scale-down waits for the highest recommendation in the stabilization window",
    mutants: ["no-current-cap"],
  },
  {
    rule: "If `r >= currentReplicas` the answer is `r` (scale-up is immediate).",
    property: "scale-up takes effect at once, whatever was recommended before",
    mutants: ["stabilizes-scale-up"],
  },
  {
    rule: "Throws `RangeError` when an option breaks the ranges documented on `AutoscalerOptions`.",
    property: BAD,
    mutants: ["accepts-min-above-max"],
  },
  {
    rule: "Throws `RangeError` when the observation breaks the ranges documented on `Observation`.",
    property: BAD,
    mutants: ["accepts-negative-utilization"],
  },
]);
