import { defineRules } from "../../kit/rules.ts";

export default defineRules("13-interview/capacity-planner", [
  {
    rule: "web: webServers * webServerRps * utilisation >= peak requests per second, where peak = dailyActiveUsers * requestsPerUserPerDay / 86_400 * peakFactor;",
    property: "each region's web servers carry the peak at the target utilisation",
    mutants: ["missing-peak-factor"],
  },
  {
    rule: "shards: shards * shardBytes * utilisation >= stored bytes, where stored bytes = average writes per second * bytesPerObject * 31_536_000 * retentionYears, and shards * masterWritesPerSecond * utilisation >= peak writes per second.",
    property: "shards hold every year of retained data and take the write peak",
    mutants: ["one-year-of-data"],
  },
  {
    rule: "replicas: shards * replicasPerShard * replicaReadsPerSecond * utilisation >= peak reads * (1 - cacheHitRatio), and replicasPerShard >= 1;",
    property: "replicas serve the reads the cache misses",
    mutants: ["replicas-per-cluster"],
  },
  {
    rule: "cache: cacheBytes * utilisation >= stored bytes * hotFraction;",
    property: "the cache holds the hot data with headroom",
    mutants: ["cache-without-headroom"],
  },
  {
    rule: "workers: queueWorkers * workerJobsPerSecond * utilisation >= peak writes * jobsPerWrite;",
    property: "queue workers keep up with the background jobs at the peak",
    mutants: ["workers-for-the-average"],
  },
  {
    rule: "availability: the service's availability under the model above is >= availabilityTarget;",
    property: "the plan's own redundancy meets the availability target",
    mutants: ["availability-without-headroom"],
  },
  {
    rule: "no tier over-provisioned: each count is at most max(2 × needed, needed + 2), where needed is the least count that meets its capacity rule (shards: at most 2 × needed; cacheBytes at most 2 × needed);",
    property: "no tier is over-provisioned by more than 2×",
    mutants: ["double-everything"],
  },
  {
    rule: "costPerMonth = regions * (webServers + shards * (1 + replicasPerShard) + queueWorkers) * pricePerServerMonth + egressBytesPerMonth / 1e9 * pricePerEgressGB.",
    property: "egress and cost follow from the traffic and the plan",
    mutants: ["cost-of-one-region"],
  },
  {
    rule: "Throws `RangeError` for a field that is not a finite number or is out of its range.",
    property: "bad input throws a RangeError",
    mutants: ["accepts-anything"],
  },
]);
