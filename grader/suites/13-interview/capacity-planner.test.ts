/**
 * Grader for 13-interview/capacity-planner. The contract leaves the plan free, so the properties
 * check invariants only: each tier covers its peak load at the utilisation target, the plan's own
 * redundancy meets the availability target, no tier is more than 2× (or 2 servers) over what its
 * load needs, and egress and cost follow from the plan. Capacity checks allow a relative 1e-9 of
 * slack, so a plan that computes the same quantity in another order is not failed by rounding.
 */
import fc from "fast-check";
import { checkThat, checkThrows, decimal, defineGrader, show, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/13-interview/capacity-planner.ts");
type Requirements = Parameters<Module["planCapacity"]>[0];
type Plan = ReturnType<Module["planCapacity"]>;

const SLACK = 1 - 1e-9;

/** The loads the requirements imply (the contract's formulas). */
function loads(r: Requirements) {
  const average = r.dailyActiveUsers * r.requestsPerUserPerDay / 86_400;
  const peak = average * r.peakFactor;
  const peakWrites = peak / (r.readsPerWrite + 1);
  const peakReads = peak - peakWrites;
  const storedBytes = average / (r.readsPerWrite + 1) * r.bytesPerObject * 31_536_000 * r.retentionYears;
  return { average, peak, peakWrites, dbReads: peakReads * (1 - r.cacheHitRatio), storedBytes, jobs: peakWrites * r.jobsPerWrite };
}

/** The least count whose capacity × utilisation covers the load (at least `min`). */
function needed(load: number, perUnit: number, u: number, min = 1): number {
  return Math.max(min, Math.ceil((load / (perUnit * u)) * SLACK));
}

function atLeastKOfN(n: number, k: number, a: number): number {
  let total = 0;
  let choose = 1;
  for (let i = 0; i <= n; i++) {
    if (i >= k) total += choose * a ** i * (1 - a) ** (n - i);
    choose = choose * (n - i) / (i + 1);
  }
  return Math.min(1, total);
}

/** The service's availability under the contract's model, with k from the utilisation target. */
function availability(r: Requirements, p: Plan): number {
  const l = loads(r);
  const webK = needed(l.peak, r.webServerRps, r.utilisation);
  const replicaK = needed(l.dbReads / p.shards, r.replicaReadsPerSecond, r.utilisation);
  const a = r.serverAvailability;
  const region = atLeastKOfN(p.webServers, webK, a) * atLeastKOfN(1 + p.replicasPerShard, 1 + replicaK, a) ** p.shards;
  return 1 - (1 - region) ** r.regions;
}

// Products from a side project to a large site; loads are kept to at most a few hundred servers.
const requirements: fc.Arbitrary<Requirements> = fc.record({
  dailyActiveUsers: fc.integer({ min: 100_000, max: 20_000_000 }),
  requestsPerUserPerDay: fc.integer({ min: 5, max: 50 }),
  peakFactor: fc.constantFrom(2, 2.5, 3, 4),
  readsPerWrite: fc.constantFrom(4, 10, 20, 50, 100),
  bytesPerObject: fc.integer({ min: 200, max: 5000 }),
  bytesPerResponse: fc.integer({ min: 1000, max: 200_000 }),
  cacheHitRatio: fc.constantFrom(0.8, 0.9, 0.95, 0.99),
  hotFraction: decimal(0.05, 0.3, 2),
  retentionYears: fc.integer({ min: 1, max: 5 }),
  regions: fc.integer({ min: 1, max: 3 }),
  availabilityTarget: fc.constantFrom(0.99, 0.999, 0.9999),
  serverAvailability: fc.constantFrom(0.99, 0.995, 0.999),
  utilisation: fc.constantFrom(0.5, 0.6, 0.7),
  webServerRps: fc.integer({ min: 200, max: 2000 }),
  replicaReadsPerSecond: fc.integer({ min: 50, max: 500 }),
  masterWritesPerSecond: fc.integer({ min: 200, max: 2000 }),
  shardBytes: fc.constantFrom(1e12, 2e12, 4e12),
  workerJobsPerSecond: fc.integer({ min: 5, max: 100 }),
  jobsPerWrite: decimal(0.1, 1, 1),
  pricePerServerMonth: fc.integer({ min: 20, max: 500 }),
  pricePerEgressGB: decimal(0.01, 0.1, 2),
})
  // One region of 99% or 99.5% servers can need more than 2× the servers for four nines: keep every
  // generated case one that a plan within the over-provisioning limit can meet.
  .map((r) => (r.regions === 1 && r.serverAvailability < 0.999 ? { ...r, serverAvailability: 0.999 } : r));

function plan(planCapacity: Module["planCapacity"], r: Requirements): Plan {
  step(`const plan = planCapacity(${show(r)})`);
  return planCapacity(r);
}

function covers(what: string, capacity: number, load: number): void {
  checkThat(what, capacity >= load * SLACK, `at least ${load}`, capacity);
}

export default defineGrader<Module>("13-interview/capacity-planner", (property) => {
  property("each region's web servers carry the peak at the target utilisation", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      covers("plan.webServers * webServerRps * utilisation (req/s)", p.webServers * r.webServerRps * r.utilisation, loads(r).peak);
    }),
  );

  property("shards hold every year of retained data and take the write peak", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      const l = loads(r);
      covers("plan.shards * shardBytes * utilisation (bytes)", p.shards * r.shardBytes * r.utilisation, l.storedBytes);
      covers("plan.shards * masterWritesPerSecond * utilisation (writes/s)", p.shards * r.masterWritesPerSecond * r.utilisation, l.peakWrites);
    }),
  );

  property("replicas serve the reads the cache misses", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      checkThat("plan.replicasPerShard", Number.isInteger(p.replicasPerShard) && p.replicasPerShard >= 1, "a whole number, at least 1", p.replicasPerShard);
      covers("plan.shards * plan.replicasPerShard * replicaReadsPerSecond * utilisation (reads/s)",
        p.shards * p.replicasPerShard * r.replicaReadsPerSecond * r.utilisation, loads(r).dbReads);
    }),
  );

  property("the cache holds the hot data with headroom", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      covers("plan.cacheBytes * utilisation", p.cacheBytes * r.utilisation, loads(r).storedBytes * r.hotFraction);
    }),
  );

  property("queue workers keep up with the background jobs at the peak", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      covers("plan.queueWorkers * workerJobsPerSecond * utilisation (jobs/s)", p.queueWorkers * r.workerJobsPerSecond * r.utilisation, loads(r).jobs);
    }),
  );

  property("the plan's own redundancy meets the availability target", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      const a = availability(r, p);
      checkThat("the plan's availability (k of n up in every tier, k at the target utilisation)", a >= r.availabilityTarget, `at least ${r.availabilityTarget}`, a);
    }),
  );

  property("no tier is over-provisioned by more than 2×", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      const l = loads(r);
      const u = r.utilisation;
      const limit = (n: number) => Math.max(2 * n, n + 2);
      const web = needed(l.peak, r.webServerRps, u);
      const shards = Math.max(needed(l.storedBytes, r.shardBytes, u), needed(l.peakWrites, r.masterWritesPerSecond, u));
      const replicas = needed(l.dbReads / p.shards, r.replicaReadsPerSecond, u);
      const workers = needed(l.jobs, r.workerJobsPerSecond, u);
      checkThat("plan.webServers", p.webServers <= limit(web), `at most ${limit(web)} (${web} needed)`, p.webServers);
      checkThat("plan.shards", p.shards <= 2 * shards, `at most ${2 * shards} (${shards} needed)`, p.shards);
      checkThat("plan.replicasPerShard", p.replicasPerShard <= limit(replicas), `at most ${limit(replicas)} (${replicas} needed)`, p.replicasPerShard);
      checkThat("plan.queueWorkers", p.queueWorkers <= limit(workers), `at most ${limit(workers)} (${workers} needed)`, p.queueWorkers);
      const cache = l.storedBytes * r.hotFraction / u;
      checkThat("plan.cacheBytes", p.cacheBytes <= 2 * cache, `at most ${2 * cache}`, p.cacheBytes);
    }),
  );

  property("egress and cost follow from the traffic and the plan", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      const p = plan(planCapacity, r);
      const egress = loads(r).average * r.bytesPerResponse * 2_592_000;
      const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(y), 1);
      checkThat("plan.egressBytesPerMonth", close(p.egressBytesPerMonth, egress), `${egress}`, p.egressBytesPerMonth);
      const cost = r.regions * (p.webServers + p.shards * (1 + p.replicasPerShard) + p.queueWorkers) * r.pricePerServerMonth
        + egress / 1e9 * r.pricePerEgressGB;
      checkThat("plan.costPerMonth", close(p.costPerMonth, cost), `${cost}`, p.costPerMonth);
    }),
  );

  property("bad input throws a RangeError", ({ planCapacity }) =>
    fc.property(requirements, (r) => {
      plan(planCapacity, r); // good input first: throwing on everything is not a way to pass
      const bad: Partial<Requirements>[] = [
        { dailyActiveUsers: -1 }, { peakFactor: 0.5 }, { readsPerWrite: 0 }, { cacheHitRatio: 1 },
        { regions: 0 }, { regions: 1.5 }, { availabilityTarget: 1 }, { utilisation: 0 }, { utilisation: 1.5 },
        { webServerRps: 0 }, { shardBytes: Number.NaN }, { pricePerEgressGB: Number.POSITIVE_INFINITY },
      ];
      for (const change of bad) checkThrows(`planCapacity({ ...requirements, ...${show(change)} })`, () => planCapacity({ ...r, ...change }), RangeError);
    }),
    { runs: 5 },
  );
});
