/**
 * The end of a run: latency percentiles through the learner's LatencySketch (compared with the
 * exact ones), the metrics of the stage row and the time series.
 */
import { P } from "./parameters.ts";
import { exactQuantiles } from "./quantiles.ts";
import type { Metrics, Series } from "./report.ts";
import type { RunResult, Simulation } from "./system.ts";

/** The quantiles of each minute the sketch is compared on (the sketch check, chapter 11). */
const BUCKET_QS = [0.5, 0.9, 0.99];

export function result(sim: Simulation): RunResult {
  const { k } = sim;
  const durS = sim.s.durationS;
  const p99Series: number[] = [];
  let sketchTotal: any;
  const useSketch = sim.on[11];
  if (useSketch) sketchTotal = sim.guard("11-observability", "latency-sketch", () => new sim.c.LatencySketch(P.sketchAccuracy), undefined);
  // Every latency of the run, for the exact p50/p99 when no sketch is in.
  let served = 0;
  for (let b = 0; b < sim.buckets; b++) served += sim.latencyCounts[b]!;
  const all = useSketch && sketchTotal ? undefined : new Float64Array(served);
  let filled = 0;
  for (let b = 0; b < sim.buckets; b++) {
    const arrived = sim.latencies[b]!.subarray(0, sim.latencyCounts[b]!);
    if (arrived.length === 0) {
      p99Series.push(0);
      continue;
    }
    const exactAt = exactQuantiles(arrived.slice(), BUCKET_QS);
    const exact = (q: number) => exactAt[BUCKET_QS.indexOf(q)]!;
    if (useSketch && sketchTotal) {
      const sketch = sim.guard("11-observability", "latency-sketch", () => {
        const sk = new sim.c.LatencySketch(P.sketchAccuracy);
        for (let i = 0; i < arrived.length; i++) sk.record(arrived[i]!);
        return sk;
      }, undefined);
      if (sketch) {
        for (const q of BUCKET_QS) {
          const answer = sim.guard("11-observability", "latency-sketch", () => Number(sketch.quantile(q)), NaN);
          const truth = exact(q);
          const relError = Math.abs(answer - truth) / truth;
          sim.obs.sketchCompared++;
          if (!(relError <= (sim.obs.sketchWorst?.relError ?? -1))) sim.obs.sketchWorst = { atS: (b * sim.bucketMs) / 1000, q, sketch: answer, exact: truth, relError: Number.isNaN(relError) ? Infinity : relError };
        }
        p99Series.push(sim.guard("11-observability", "latency-sketch", () => Number(sketch.quantile(0.99)), exact(0.99)));
        sim.guard("11-observability", "latency-sketch", () => sketchTotal.merge(sketch), undefined);
      } else p99Series.push(exact(0.99));
    } else p99Series.push(exact(0.99));
    all?.set(arrived, filled);
    filled += arrived.length;
  }
  let p50: number | undefined;
  let p99: number | undefined;
  if (useSketch && sketchTotal && served > 0) {
    p50 = sim.guard("11-observability", "latency-sketch", () => Number(sketchTotal.quantile(0.5)), undefined);
    p99 = sim.guard("11-observability", "latency-sketch", () => Number(sketchTotal.quantile(0.99)), undefined);
  } else if (all && all.length > 0) {
    [p50, p99] = exactQuantiles(all, [0.5, 0.99]);
  }
  const round = (x: number | undefined, d = 1) => (x === undefined || !Number.isFinite(x) ? undefined : Math.round(x * 10 ** d) / 10 ** d);
  const cdnGbPerHour = ((sim.cdnBytes / 1e6) * 3600) / durS;
  const metrics: Metrics = {
    requests: sim.requests * k,
    errors: sim.errors * k,
    availability: round(1 - sim.errors / Math.max(1, sim.requests), 5),
    p50Ms: round(p50),
    p99Ms: round(p99),
    dbQueriesPerSecond: round(((sim.dbReads + sim.dbWrites) * k) / durS),
    cacheHitRatio: sim.on[6] ? round(1 - sim.obs.cacheMisses / Math.max(1, sim.obs.cacheReads), 4) : undefined,
    cdnHitRatio: sim.on[7] ? round(sim.obs.cdnHits / Math.max(1, sim.obs.cdnAnswers), 4) : undefined,
    maxServers: sim.obs.maxServers,
    maxWorkers: sim.on[10] ? sim.maxWorkers : undefined,
    acknowledgedWritesLost: sim.obs.acknowledgedWritesLost * k,
    failedSessionReads: sim.obs.failedSessionReads * k,
    costPerHourUsd: round((sim.resourceSeconds / durS) * P.serverHourUsd + cdnGbPerHour * P.cdnGbUsd, 2),
  };
  for (const key of Object.keys(metrics) as (keyof Metrics)[]) if (metrics[key] === undefined) delete metrics[key];
  const perS = (a: Float64Array) => Array.from(a, (x) => round((x * k) / P.seriesBucketS, 2)!);
  const series: Series = {
    bucketS: P.seriesBucketS,
    load: perS(sim.load),
    errors: perS(sim.errs),
    p99Ms: p99Series.map((x) => round(x)!),
    dbQps: perS(sim.dbq),
    servers: Array.from(sim.serversSeries),
    workers: Array.from(sim.workersSeries),
  };
  return { metrics, series, obs: sim.obs, requests: sim.requests * k };
}
