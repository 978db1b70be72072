import { defineMutants } from "../../kit/index.ts";

export default defineMutants("13-interview/capacity-planner", [
  {
    name: "missing-peak-factor",
    bug: "sizes the web tier for the average, not the peak",
    kills: "each region's web servers carry the peak at the target utilisation",
    edits: [["const web = Math.max(1, Math.ceil(peak / (r.webServerRps * u)));", "const web = Math.max(1, Math.ceil(average / (r.webServerRps * u)));"]],
  },
  {
    name: "one-year-of-data",
    bug: "sizes the shards for one year of data, whatever the retention",
    kills: "shards hold every year of retained data and take the write peak",
    edits: [["Math.ceil(storedBytes / (r.shardBytes * u))", "Math.ceil(storedBytes / r.retentionYears / (r.shardBytes * u))"]],
  },
  {
    name: "replicas-per-cluster",
    bug: "divides the read load among shards twice, so each shard gets too few replicas",
    kills: "replicas serve the reads the cache misses",
    edits: [["/ shards / (r.replicaReadsPerSecond * u)", "/ shards / shards / (r.replicaReadsPerSecond * u)"]],
  },
  {
    name: "cache-without-headroom",
    bug: "fills the cache memory to 100%",
    kills: "the cache holds the hot data with headroom",
    edits: [["const cacheBytes = storedBytes * r.hotFraction / u;", "const cacheBytes = storedBytes * r.hotFraction;"]],
  },
  {
    name: "workers-for-the-average",
    bug: "sizes the queue workers for the average write rate, not the peak",
    kills: "queue workers keep up with the background jobs at the peak",
    edits: [["Math.ceil(peakWrites * r.jobsPerWrite / (r.workerJobsPerSecond * u))", "Math.ceil(peakWrites / r.peakFactor * r.jobsPerWrite / (r.workerJobsPerSecond * u))"]],
  },
  {
    name: "availability-without-headroom",
    bug: "counts a tier as up while it has the servers for the load at 100% utilisation, so the availability is met only without the headroom",
    kills: "the plan's own redundancy meets the availability target",
    edits: [
      ["const region = atLeastKOfN(web + webSpares, web, a)", "const region = atLeastKOfN(web + webSpares, Math.ceil(web * u), a)"],
      ["atLeastKOfN(1 + replicas + replicaSpares, 1 + replicas, a)", "atLeastKOfN(1 + replicas + replicaSpares, 1 + Math.ceil(replicas * u), a)"],
    ],
  },
  {
    name: "double-everything",
    bug: "doubles every tier 'to be safe', plus one",
    kills: "no tier is over-provisioned by more than 2×",
    edits: [["const webServers = web + webSpares;", "const webServers = 2 * (web + webSpares) + 1;"]],
  },
  {
    name: "cost-of-one-region",
    bug: "prices the servers of one region only",
    kills: "egress and cost follow from the traffic and the plan",
    edits: [["r.regions * servers * r.pricePerServerMonth", "servers * r.pricePerServerMonth"]],
  },
  {
    name: "accepts-anything",
    bug: "never validates the requirements",
    kills: "bad input throws a RangeError",
    edits: [["  validate(r);\n", ""]],
  },
]);
