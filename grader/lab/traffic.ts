/**
 * The main loop: Poisson arrivals at the scenario's rate, interleaved with the event queue in
 * virtual time, and one request's path through the system.
 */
import { enqueue } from "./jobs.ts";
import { first } from "./observations.ts";
import { P } from "./parameters.ts";
import { read } from "./reads.ts";
import { staticFromCdn } from "./regions.ts";
import { rateAt } from "./scenarios/index.ts";
import { session } from "./sessions.ts";
import type { Simulation } from "./system.ts";
import { fail, served } from "./telemetry.ts";
import { pick } from "./web-tier.ts";
import { flushMicrotasks } from "./world.ts";

export async function loop(sim: Simulation): Promise<void> {
  const { world, s } = sim;
  const random = world.random;
  let t = 0;
  const next = () => {
    const rate = rateAt(s, t / 1000) / sim.k;
    t += (-Math.log(1 - random()) / rate) * 1000;
    return t;
  };
  let arrival = next();
  let progressAt = 0;
  while (true) {
    const eventAt = world.nextEventTime();
    if (arrival >= sim.durationMs && eventAt >= sim.durationMs) break;
    if (eventAt <= arrival) {
      if (world.runNext()) await flushMicrotasks();
      if (world.now >= progressAt) {
        sim.o.onProgress?.(world.now / sim.durationMs);
        progressAt = world.now + 60_000;
      }
      continue;
    }
    world.now = arrival;
    request(sim, arrival);
    arrival = next();
  }
}

/** One request arriving at `now` (ms). */
export function request(sim: Simulation, now: number): void {
  const { world, k, on } = sim;
  const random = world.random;
  const bucket = Math.min(sim.buckets - 1, Math.floor(now / sim.bucketMs));
  sim.requests++;
  sim.load[bucket]! += 1;
  const region = sim.regions[random() < sim.s.usShare ? 0 : 1]!;
  if (random() < P.staticShare) {
    sim.obs.staticRequests++;
    if (on[7] && region.edge) return staticFromCdn(sim, region, now, bucket);
  }
  const dcIndex = region.dc;
  const dc = sim.dcs[dcIndex]!;
  if (dc.dark) {
    if (sim.darkDc === dcIndex && now > sim.darkDeadline && now < sim.darkUntil) {
      sim.obs.sentToDarkAfterFailover++;
      sim.obs.sentToDarkFirst = first(sim.obs.sentToDarkFirst, now / 1000, `region ${region.name}'s requests still went to ${dc.id}, dark since the fault`);
    }
    return fail(sim, bucket, now);
  }
  const server = pick(sim, dc, region);
  if (!server) return fail(sim, bucket, now);
  if (!server.alive) {
    if (now > server.failAt) {
      sim.obs.sentToDownBackend++;
      sim.obs.sentToDownFirst = first(sim.obs.sentToDownFirst, now / 1000, `${server.id} got a request ${((now - server.failAt) / 1000).toFixed(1)} s after ${P.healthFall} failed health checks in a row (fall = ${P.healthFall})`);
    }
    return fail(sim, bucket, now, P.requestTimeoutMs);
  }
  const wait = server.queue.waitMs(now);
  const obs = sim.obs;
  obs.webQueued[bucket]!++;
  if (wait > sim.s.p99TargetMs) obs.webWaitOver[bucket]!++;
  if (wait > P.requestTimeoutMs) return fail(sim, bucket, now);
  if (wait > obs.webWaitMaxMs[bucket]!) obs.webWaitMaxMs[bucket] = wait;
  let latency = (dcIndex === (region.name === "us" ? 0 : 1) ? P.rttSameRegionMs : P.rttCrossRegionMs) + wait + P.webServiceMs;
  let work = k;
  let ok = true;
  if (random() < P.sessionReadShare) session(sim, server, now);
  if (random() < sim.s.writeShare) {
    const user = pickUser(sim, random);
    const ms = dc.db.write(user, server, now);
    if (ms < 0) ok = false;
    else {
      latency += ms;
      if (random() < P.jobShare) {
        if (on[10] && dc.queue) enqueue(sim, dc, now);
        else {
          latency += P.jobMs;
          work += (k * P.jobMs) / P.webServiceMs;
        }
      }
    }
  } else {
    const user = pickUser(sim, random);
    const ms = read(sim, dc, server, user, now);
    if (ms < 0) ok = false;
    else latency += ms;
  }
  server.queue.add(work);
  if (!ok) return fail(sim, bucket, now);
  served(sim, bucket, latency);
}

export function pickUser(sim: Simulation, random: () => number): number {
  const celeb = sim.s.celebrity;
  if (celeb && random() < celeb.share) return celeb.userId;
  const u = random();
  return Math.floor(sim.users * u * u * u * u);
}
