/**
 * A capacity planner: from requirements to a plan for every tier, the whole worked answer of the
 * lesson in one function.
 *
 * The model (a course simplification): every region runs the same plan and can carry the whole
 * peak alone. A tier of `n` servers of which `k` are needed for its load is up while at least `k`
 * are up (each server up with probability `serverAvailability`, independently). A region is up
 * when its web tier and every shard are up; a shard keeps a master and replicas, and is up while
 * at least `1 + k` of its `1 + replicasPerShard` copies are up (`k` replicas for the reads, one
 * for the writes). The service is up while at least one region is up.
 *
 * Any plan that meets the invariants passes; there is no single right answer:
 *
 * - web: webServers * webServerRps * utilisation >= peak requests per second, where
 *   peak = dailyActiveUsers * requestsPerUserPerDay / 86_400 * peakFactor;
 * - shards: shards * shardBytes * utilisation >= stored bytes, where stored bytes =
 *   average writes per second * bytesPerObject * 31_536_000 * retentionYears, and
 *   shards * masterWritesPerSecond * utilisation >= peak writes per second. A request is a write
 *   with probability 1 / (readsPerWrite + 1), a read otherwise;
 * - replicas: shards * replicasPerShard * replicaReadsPerSecond * utilisation >= peak reads *
 *   (1 - cacheHitRatio), and replicasPerShard >= 1;
 * - cache: cacheBytes * utilisation >= stored bytes * hotFraction;
 * - workers: queueWorkers * workerJobsPerSecond * utilisation >= peak writes * jobsPerWrite;
 * - availability: the service's availability under the model above is >= availabilityTarget;
 * - no tier over-provisioned: each count is at most max(2 × needed, needed + 2), where needed is
 *   the least count that meets its capacity rule (shards: at most 2 × needed; cacheBytes at most
 *   2 × needed);
 * - egressBytesPerMonth = average requests per second * bytesPerResponse * 2_592_000 (30 days,
 *   all regions together: each request is served once);
 * - costPerMonth = regions * (webServers + shards * (1 + replicasPerShard) + queueWorkers) *
 *   pricePerServerMonth + egressBytesPerMonth / 1e9 * pricePerEgressGB.
 *
 * Throws `RangeError` for a field that is not a finite number or is out of its range.
 */

export interface Requirements {
  /** >= 0. */ dailyActiveUsers: number;
  /** >= 0. */ requestsPerUserPerDay: number;
  /** >= 1. */ peakFactor: number;
  /** Reads for each write, > 0. */ readsPerWrite: number;
  /** Bytes per stored object, >= 0. */ bytesPerObject: number;
  /** Bytes per response, >= 0. */ bytesPerResponse: number;
  /** Share of reads the cache answers, in [0, 1). */ cacheHitRatio: number;
  /** Share of stored bytes worth caching, in [0, 1]. */ hotFraction: number;
  /** Years of data to keep, > 0. */ retentionYears: number;
  /** Regions, each able to carry the whole peak: an integer >= 1. */ regions: number;
  /** In (0, 1), e.g. 0.9999. */ availabilityTarget: number;
  /** One server's availability, in (0, 1). */ serverAvailability: number;
  /** Share of capacity to use, in (0, 1]. */ utilisation: number;
  /** > 0. */ webServerRps: number;
  /** > 0. */ replicaReadsPerSecond: number;
  /** > 0. */ masterWritesPerSecond: number;
  /** > 0. */ shardBytes: number;
  /** > 0. */ workerJobsPerSecond: number;
  /** Background jobs each write starts, >= 0. */ jobsPerWrite: number;
  /** >= 0. */ pricePerServerMonth: number;
  /** >= 0. */ pricePerEgressGB: number;
}

export interface Plan {
  /** Web servers in each region. */ webServers: number;
  /** Shards (each with one master), the same in each region. */ shards: number;
  /** Read replicas of each shard, in each region. */ replicasPerShard: number;
  /** Cache memory in each region, in bytes. */ cacheBytes: number;
  /** Queue workers in each region. */ queueWorkers: number;
  /** Bytes served a month, all regions together. */ egressBytesPerMonth: number;
  /** Servers and egress, a month. */ costPerMonth: number;
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/13-interview/capacity-planner.ts`);
}

/** Given (the model of the file comment): probability that at least k of n independent servers, each up with probability a, are up. */
export function atLeastKOfN(n: number, k: number, a: number): number {
  let total = 0;
  let choose = 1; // C(n, i), built up as i grows
  for (let i = 0; i <= n; i++) {
    if (i >= k) total += choose * a ** i * (1 - a) ** (n - i);
    choose = choose * (n - i) / (i + 1);
  }
  return Math.min(1, total);
}

/** Plans every tier for the requirements: see the invariants at the top of this file. */
export function planCapacity(r: Requirements): Plan {
  notImplemented("planCapacity");
}
