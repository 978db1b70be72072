import { defineMutants } from "../../kit/index.ts";

export default defineMutants("13-interview/estimate", [
  {
    name: "missing-peak-factor",
    bug: "reports the average as the peak",
    kills: "average and peak requests per second follow from daily users, requests per user and the peak factor",
    edits: [["return { average, peak: average * peakFactor };", "return { average, peak: average };"]],
  },
  {
    name: "replication-ignored",
    bug: "counts one copy of each object, ignoring the replicas",
    kills: "storage per year counts every copy of every object",
    edits: [["SECONDS_PER_YEAR * replicationFactor;", "SECONDS_PER_YEAR;"]],
  },
  {
    name: "bits-for-bytes",
    bug: "returns bits per second instead of bytes per second",
    kills: "egress is requests per second times bytes per response",
    edits: [["return requestsPerSecond * bytesPerResponse;", "return requestsPerSecond * bytesPerResponse * 8;"]],
  },
  {
    name: "caches-everything",
    bug: "sizes the cache for every object, not the hot fraction",
    kills: "cache memory holds only the hot fraction of the objects",
    edits: [["return objects * bytesPerObject * hotFraction;", "return objects * bytesPerObject;"]],
  },
  {
    name: "no-headroom",
    bug: "sizes servers at 100% utilisation",
    kills: "servers carry the load at the target utilisation, rounded up",
    edits: [["return Math.ceil(load / (capacityPerServer * utilisation));", "return Math.ceil(load / capacityPerServer);"]],
  },
  {
    name: "rounds-down",
    bug: "rounds the number of servers down",
    kills: "servers carry the load at the target utilisation, rounded up",
    edits: [["return Math.ceil(load / (capacityPerServer * utilisation));", "return Math.floor(load / (capacityPerServer * utilisation));"]],
  },
  {
    name: "series-as-parallel",
    bug: "series and parallel swapped: computes a series chain as if the parts were redundant",
    kills: "availabilities in series multiply",
    edits: [["return availabilities.reduce((total, a) => total * a, 1);", "return 1 - availabilities.reduce((down, a) => down * (1 - a), 1);"]],
  },
  {
    name: "parallel-as-series",
    bug: "series and parallel swapped: multiplies the availabilities of redundant parts",
    kills: "in parallel the unavailabilities multiply",
    edits: [["return 1 - availabilities.reduce((down, a) => down * (1 - a), 1);", "return availabilities.reduce((up, a) => up * a, 1);"]],
  },
  {
    name: "nines-off-by-one",
    bug: "allows ten times the downtime: 3 nines treated as 99%",
    kills: "n nines allow a 10^n-th of a year of downtime",
    edits: [["return SECONDS_PER_YEAR / 10 ** nines;", "return SECONDS_PER_YEAR / 10 ** (nines - 1);"]],
  },
  {
    name: "accepts-anything",
    bug: "never validates its input",
    kills: "bad input throws a RangeError",
    edits: [["  if (typeof value !== \"number\" || !Number.isFinite(value) || tooLow || value > max) {", "  if (false) {"]],
  },
]);
