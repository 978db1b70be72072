/**
 * What the system measures while it runs (chapter 11): served and failed requests per series
 * bucket, the learner's AlertRule fed a sample of them, the once-a-second bookkeeping, and the
 * merged log at the end.
 */
import { workTick } from "./jobs.ts";
import { P } from "./parameters.ts";
import type { Simulation } from "./system.ts";
import { poolTick } from "./web-tier.ts";

export function served(sim: Simulation, bucket: number, latency: number): void {
  const n = sim.latencyCounts[bucket]!;
  let array = sim.latencies[bucket]!;
  if (n === array.length) {
    const bigger = new Float64Array(n * 2);
    bigger.set(array);
    sim.latencies[bucket] = array = bigger;
  }
  array[n] = latency;
  sim.latencyCounts[bucket] = n + 1;
  alertRecord(sim, true);
}

export function fail(sim: Simulation, bucket: number, now: number, _latency = 0): void {
  sim.errors++;
  sim.errs[bucket]! += 1;
  sim.alertWindow.err[Math.floor(now / 1000) % 60]! += 1;
  alertRecord(sim, false);
}

export function alertRecord(sim: Simulation, ok: boolean): void {
  sim.alertWindow.req[Math.floor(sim.world.now / 1000) % 60]! += 1;
  // The rule sees one request in `alertSample` (a sampled metrics pipeline), its minimum scaled alike.
  if (!sim.alert || ++sim.alertSeen % P.alertSample !== 0) return;
  try {
    sim.alert.record(ok);
  } catch (error) {
    sim.obs.componentError("11-observability", "alert-rule", error, sim.world.now / 1000);
  }
}

export function secondTick(sim: Simulation): void {
  const now = sim.world.now;
  const second = Math.floor(now / 1000);
  const bucket = Math.min(sim.buckets - 1, Math.floor(now / sim.bucketMs));
  let servers = 0;
  let workers = 0;
  for (const dc of sim.dcs) {
    const running = dc.servers.length;
    servers += running;
    workers += sim.on[10] ? dc.workers : 0;
    sim.resourceSeconds += running + (sim.on[10] ? dc.workers : 0) + dc.db.nodeCount() + dc.caches.length;
    if (sim.on[2]) poolTick(sim, dc);
    if (sim.on[10] && dc.queue) workTick(sim, dc);
  }
  if (servers > sim.obs.maxServers) sim.obs.maxServers = servers;
  if (servers > sim.serversSeries[bucket]!) sim.serversSeries[bucket] = servers;
  if (workers > sim.workersSeries[bucket]!) sim.workersSeries[bucket] = workers;
  if (sim.maxWorkers < workers) sim.maxWorkers = workers;
  alertTick(sim, second);
}

export function alertTick(sim: Simulation, second: number): void {
  const slot = (second + 1) % 60; // the oldest second of the window: forget it
  let req = 0;
  let err = 0;
  for (let i = 0; i < 60; i++) {
    if (i === slot) continue;
    req += sim.alertWindow.req[i]!;
    err += sim.alertWindow.err[i]!;
  }
  sim.alertWindow.req[slot] = 0;
  sim.alertWindow.err[slot] = 0;
  if (!sim.alert) return;
  const now = sim.world.now;
  const strong = req >= P.alertMinRequests * 1.5 && err / req > P.alertThreshold * 1.5;
  if (strong && sim.strongSince < 0) sim.strongSince = now;
  if (!strong) sim.strongSince = -1;
  const state = sim.guard("11-observability", "alert-rule", () => String(sim.alert.state()), "ok");
  sim.obs.alertEvaluations++;
  if (sim.strongSince >= 0 && now - sim.strongSince >= P.alertForMs + 5000 && state !== "firing" && !sim.obs.alertMissed) {
    sim.obs.alertMissed = { atS: now / 1000, detail: `${err} of ${req} requests in the last minute failed (over ${P.alertThreshold * 100}%) for ${((now - sim.strongSince) / 1000).toFixed(0)} s, but the rule was "${state}"` };
  }
  if (err === 0 && req >= P.alertMinRequests && state === "firing" && !sim.obs.alertFalse) {
    sim.obs.alertFalse = { atS: now / 1000, detail: `no request failed in the last minute, but the rule was firing` };
  }
}

export function checkLogs(sim: Simulation): void {
  const streams = sim.dcs.map((dc) => dc.log.map((l) => ({ timestamp: l.timestamp, text: `${dc.id}: ${l.text}` })));
  sim.obs.logLines = streams.reduce((n, s) => n + s.length, 0);
  const merged = sim.guard("11-observability", "log-merge", () => [...sim.c.mergeLogs(streams)], []) as { timestamp: number; text: string }[];
  sim.obs.logMerged = merged.length;
  for (let i = 1; i < merged.length; i++) {
    if (merged[i]!.timestamp < merged[i - 1]!.timestamp) {
      sim.obs.logOutOfOrder = { atS: merged[i]!.timestamp / 1000, detail: `"${merged[i]!.text}" came after "${merged[i - 1]!.text}", which is later` };
      break;
    }
  }
  sim.mergedLog = merged;
}
