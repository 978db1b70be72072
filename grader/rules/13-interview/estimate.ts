import { defineRules } from "../../kit/rules.ts";

export default defineRules("13-interview/estimate", [
  {
    rule: "average = dailyActiveUsers * requestsPerUserPerDay / SECONDS_PER_DAY peak = average * peakFactor",
    property: "average and peak requests per second follow from daily users, requests per user and the peak factor",
    mutants: ["missing-peak-factor"],
  },
  {
    rule: "Bytes of disk a year of writes takes, counting every copy: writesPerSecond * bytesPerObject * SECONDS_PER_YEAR * replicationFactor",
    property: "storage per year counts every copy of every object",
    mutants: ["replication-ignored"],
  },
  {
    rule: "Egress in bytes per second (multiply by 8 yourself for bits): requestsPerSecond * bytesPerResponse",
    property: "egress is requests per second times bytes per response",
    mutants: ["bits-for-bytes"],
  },
  {
    rule: "Bytes of cache memory to hold the hot objects' values: objects * bytesPerObject * hotFraction",
    property: "cache memory holds only the hot fraction of the objects",
    mutants: ["caches-everything"],
  },
  {
    rule: "Servers needed to carry a load at a utilisation target, computed exactly as written: Math.ceil(load / (capacityPerServer * utilisation))",
    property: "servers carry the load at the target utilisation, rounded up",
    mutants: ["no-headroom", "rounds-down"],
  },
  {
    rule: "Availability of components in series (every one must be up), each in [0, 1]: availabilities.reduce((total, a) => total * a, 1)",
    property: "availabilities in series multiply",
    mutants: ["series-as-parallel"],
  },
  {
    rule: "Availability of redundant components in parallel (one up is enough), each in [0, 1]: 1 - availabilities.reduce((down, a) => down * (1 - a), 1)",
    property: "in parallel the unavailabilities multiply",
    mutants: ["parallel-as-series"],
  },
  {
    rule: "Seconds of downtime a year allowed by an availability of `nines` nines (3 → 99.9%): SECONDS_PER_YEAR / 10 ** nines",
    property: "n nines allow a 10^n-th of a year of downtime",
    mutants: ["nines-off-by-one"],
  },
  {
    rule: "Every function throws `RangeError` for an argument that is not a finite number or is outside the range its doc comment states.",
    property: "bad input throws a RangeError",
    mutants: ["accepts-anything"],
  },
]);
