import { defineMutants } from "../../kit/index.ts";

export default defineMutants("03-scaling/capacity-plan", [
  {
    name: "forgets-spares",
    bug: "returns the servers for the peak without adding the spares",
    kills: "the answer is enough servers at the target utilization plus the spares",
    edits: [["return failuresTolerated + working;", "return working;"]],
  },
  {
    name: "ignores-utilization",
    bug: "sizes servers at 100% utilization, leaving no headroom",
    kills: "the answer is enough servers at the target utilization plus the spares",
    edits: [["const working = Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)));", "const working = Math.max(1, Math.ceil(peakRps / perServerRps));"]],
  },
  {
    name: "rounds-to-nearest",
    bug: "rounds the number of servers to the nearest integer instead of up",
    kills: "the answer is enough servers at the target utilization plus the spares",
    edits: [["const working = Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)));", "const working = Math.max(1, Math.round(peakRps / (perServerRps * targetUtilization)));"]],
  },
  {
    name: "no-minimum-server",
    bug: "zero traffic gives zero working servers",
    kills: "zero traffic still needs one server plus the spares",
    edits: [["const working = Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)));", "const working = Math.ceil(peakRps / (perServerRps * targetUtilization));"]],
  },
  {
    name: "floor-plus-one",
    bug: "uses floor + 1 instead of ceil, so an exact fit gets one server too many",
    kills: "a peak that fills whole servers exactly needs no extra server",
    edits: [["const working = Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)));", "const working = Math.max(1, Math.floor(peakRps / (perServerRps * targetUtilization)) + 1);"]],
  },
  {
    name: "reordered-division",
    bug: "divides by perServerRps and then by the utilization, which rounds differently in doubles",
    kills: "near a whole number of servers the answer follows the contract's expression in doubles",
    edits: [["const working = Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)));", "const working = Math.max(1, Math.ceil(peakRps / perServerRps / targetUtilization));"]],
  },
  {
    name: "rejects-full-utilization",
    bug: "rejects a target utilization of exactly 1",
    kills: "edge values are accepted: utilization 1, zero traffic and no spares",
    edits: [["targetUtilization > 1)", "targetUtilization >= 1)"]],
  },
  {
    name: "accepts-zero-utilization",
    bug: "accepts a target utilization of 0 (and divides by zero)",
    kills: "bad input throws a RangeError",
    edits: [["targetUtilization <= 0 ||", "targetUtilization < 0 ||"]],
  },
  {
    name: "accepts-fractional-spares",
    bug: "accepts a fractional number of spare servers",
    kills: "bad input throws a RangeError",
    edits: [["failuresTolerated < 0 || !Number.isInteger(failuresTolerated)", "failuresTolerated < 0"]],
  },
  {
    name: "accepts-non-finite",
    bug: "does not check for NaN and Infinity",
    kills: "bad input throws a RangeError",
    edits: [["typeof value !== \"number\" || !Number.isFinite(value)", "typeof value !== \"number\""]],
  },
  {
    name: "accepts-negative-peak",
    bug: "does not check that peakRps is >= 0, so a negative peak plans for no traffic",
    kills: "bad input throws a RangeError",
    edits: [["  if (peakRps < 0) throw new RangeError(`peakRps must be >= 0, got ${peakRps}`);\n", ""]],
  },
  {
    name: "accepts-zero-per-server-rps",
    bug: "accepts perServerRps = 0 (and divides by zero)",
    kills: "bad input throws a RangeError",
    edits: [["if (perServerRps <= 0)", "if (perServerRps < 0)"]],
  },
]);
