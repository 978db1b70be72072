import { defineRules } from "../../kit/rules.ts";

export default defineRules("10-message-queue/worker-scaler", [
  {
    rule: "Returns `Math.ceil((arrivalPerSec * drainWithinSec + depth) / (perWorkerPerSec * drainWithinSec))` clamped to [min, max]:",
    property: "the answer is ceil((arrivals × drain time + depth) / (per-worker rate × drain time)), clamped",
    mutants: ["floor", "ignores-backlog"],
  },
  {
    rule: "clamped to the fleet's bounds.",
    property: "the answer never goes below min or above max",
    mutants: ["no-max-clamp", "no-min-clamp"],
  },
  {
    rule: "Compute exactly this expression.",
    property: "a backlog that drains exactly on time needs no extra worker",
    mutants: ["floor-plus-one"],
  },
  {
    rule: "@throws RangeError when any input is not a finite number, is negative, when `perWorkerPerSec` or `drainWithinSec` is 0, or when `min > max`.",
    property: "negative, non-finite or inconsistent input throws RangeError",
    mutants: ["accepts-min-above-max", "accepts-non-finite", "accepts-zero-rate"],
  },
]);
