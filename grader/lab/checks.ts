/**
 * The invariants a correct system keeps, judged on what a run saw (observations.ts). Each check
 * belongs to one chapter and names the exercise to open when it fails. Only the checks of the
 * stages that are in are run.
 */
import { P } from "./parameters.ts";
import type { Observations } from "./observations.ts";
import type { CheckResult } from "./report.ts";
import type { Scenario } from "./scenarios/index.ts";

interface CheckDef {
  chapter: string;
  exercise: string;
  name: string;
  /** undefined: passed; a string: what went wrong. */
  judge: (o: Observations, s: Scenario) => string | undefined;
}

const at = (v: { atS: number; detail: string }) => `at ${v.atS.toFixed(1)} s: ${v.detail}`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const CHECKS: CheckDef[] = [
  {
    chapter: "01-single-server", exercise: "01-single-server/dns-cache",
    name: "DNS answers are never reused past their TTL",
    judge: (o) => (o.dnsStale ? at(o.dnsStale) : undefined),
  },
  {
    chapter: "01-single-server", exercise: "01-single-server/dns-cache",
    name: "the DNS cache asks the network at most once per TTL per resolver",
    judge: (o, s) => {
      const most = Math.ceil(s.durationS / P.dnsTtlS) + 1;
      const worst = Math.max(0, ...o.dnsLookups);
      return worst > most ? `a resolver looked the name up ${worst} times in ${s.durationS} s; with a ${P.dnsTtlS} s TTL at most ${most} lookups are needed` : undefined;
    },
  },
  {
    chapter: "02-database-tier", exercise: "02-database-tier/connection-pool",
    name: "a web server's pool never opens more than max connections",
    judge: (o) => (o.poolOverMax ? at(o.poolOverMax) : undefined),
  },
  {
    chapter: "03-scaling", exercise: "03-scaling/autoscaler",
    name: "the web tier never grows beyond the autoscaler's maxReplicas",
    judge: (o) => (o.serversAboveMax ? at(o.serversAboveMax) : undefined),
  },
  {
    chapter: "03-scaling", exercise: "03-scaling/autoscaler",
    name: "web-tier queueing is back under the scenario's p99 target within the autoscaler's reaction time",
    judge: (o, s) => {
      const windows = exemptWindows(s, o);
      for (let b = 0; b < o.webQueued.length; b++) {
        const startS = b * P.seriesBucketS;
        const endS = startS + P.seriesBucketS;
        if (windows.some(([from, to]) => endS > from && startS < to)) continue;
        // A p99 target: at most 1% of a minute's requests may wait longer. (Not the longest wait:
        // at the autoscaler's 70% target a minute's longest wait passes 400 ms by chance, in
        // steady load, at one seed in two.)
        const over = o.webWaitOver[b]!;
        if (over > 0.01 * o.webQueued[b]!) return `between ${startS} s and ${endS} s ${pct(over / o.webQueued[b]!)} of requests waited longer than the p99 target of ${s.p99TargetMs} ms in a web server's queue (the longest ${o.webWaitMaxMs[b]!.toFixed(0)} ms), after the autoscaler had had time to react`;
      }
      return undefined;
    },
  },
  {
    chapter: "03-scaling", exercise: "03-scaling/autoscaler",
    name: "the web tier scales back down after the load falls",
    judge: (o) => {
      const bad = o.endOfRun.find((d) => d.servers > d.min && d.utilization < P.targetUtilization / 3);
      return bad ? `at the end of the run ${bad.dc} still ran ${bad.servers} servers at ${pct(bad.utilization)} utilization (target ${pct(P.targetUtilization)}, minimum ${bad.min} servers)` : undefined;
    },
  },
  {
    chapter: "04-load-balancer", exercise: "04-load-balancer/health-checker",
    name: "no request goes to a dead backend after the health checker's fall count of failed probes",
    judge: (o) => (o.sentToDownFirst ? `${o.sentToDownBackend} requests; first ${at(o.sentToDownFirst)}` : undefined),
  },
  {
    chapter: "05-replication", exercise: "05-replication/replication-cluster",
    name: "no acknowledged write is lost beyond what replication allows",
    judge: (o) => (o.lostDetail ? `${o.acknowledgedWritesLost} writes lost with syncReplicas = ${P.syncReplicas} and one failure (allowed: 0); ${at(o.lostDetail)}` : undefined),
  },
  {
    chapter: "06-cache", exercise: "06-cache/read-through",
    name: `the cache cuts database reads by at least ${P.cacheMinReadCut * 100}%`,
    judge: (o) => {
      if (o.cacheReads === 0) return undefined;
      const cut = 1 - o.cacheMisses / o.cacheReads;
      return cut < P.cacheMinReadCut ? `${o.cacheMisses} of ${o.cacheReads} reads reached the database: the cache removed only ${pct(cut)}` : undefined;
    },
  },
  {
    chapter: "07-cdn", exercise: "07-cdn/edge-cache",
    name: "the CDN never serves an old version of a file",
    judge: (o) => (o.staleFirst ? `${o.staleServed} stale answers; first ${at(o.staleFirst)}` : undefined),
  },
  {
    chapter: "07-cdn", exercise: "07-cdn/edge-cache",
    name: `the CDN answers at least ${P.cdnMinHitRatio * 100}% of static requests from its edges`,
    judge: (o) => {
      if (o.cdnAnswers === 0) return undefined;
      const ratio = o.cdnHits / o.cdnAnswers;
      return ratio < P.cdnMinHitRatio ? `only ${pct(ratio)} of ${o.cdnAnswers} static requests were edge hits` : undefined;
    },
  },
  {
    chapter: "08-stateless-web", exercise: "08-stateless-web/session-manager",
    name: "no user is logged out, even when a web server dies",
    judge: (o) => (o.sessionLostFirst ? `${o.failedSessionReads} of ${o.sessionReads} session reads found no session; first ${at(o.sessionLostFirst)}` : o.failedSessionReads > 0 ? `${o.failedSessionReads} session reads found no session` : undefined),
  },
  {
    chapter: "09-data-centers", exercise: "09-data-centers/geo-router",
    name: "when a region goes dark its traffic moves to the live region",
    judge: (o) => (o.sentToDarkFirst ? `${o.sentToDarkAfterFailover} requests went to the dark data center after detection + DNS TTL (${P.dcDetectS + P.dnsTtlS + P.dnsResolveEveryS} s); first ${at(o.sentToDarkFirst)}` : undefined),
  },
  {
    chapter: "10-message-queue", exercise: "10-message-queue/message-queue",
    name: "no job is handed to a second worker while the first still has it",
    judge: (o) => (o.duplicateFirst ? `${o.jobsDuplicated} duplicate deliveries; first ${at(o.duplicateFirst)}` : undefined),
  },
  {
    chapter: "10-message-queue", exercise: "10-message-queue/worker-scaler",
    name: "every queued job is processed: the backlog drains",
    judge: (o) => (o.jobsUnprocessed > 0 ? `${o.jobsUnprocessed} of ${o.jobsSent} jobs sent more than ${P.drainWithinS + P.scaleWorkersEveryS} s before the end were never processed` : undefined),
  },
  {
    chapter: "11-observability", exercise: "11-observability/latency-sketch",
    name: "the sketch's percentiles are within its accuracy of the exact ones",
    judge: (o) => {
      const w = o.sketchWorst;
      return w && w.relError > P.sketchAccuracy * 1.0000001 ? `at ${w.atS} s the sketch's q=${w.q} was ${w.sketch.toFixed(3)} ms, the exact value ${w.exact.toFixed(3)} ms: off by ${pct(w.relError)}, allowed ${pct(P.sketchAccuracy)}` : undefined;
    },
  },
  {
    chapter: "11-observability", exercise: "11-observability/alert-rule",
    name: "the error alert fires within its window when errors pass the threshold, and only then",
    judge: (o) => (o.alertMissed ? at(o.alertMissed) : o.alertFalse ? at(o.alertFalse) : undefined),
  },
  {
    chapter: "11-observability", exercise: "11-observability/log-merge",
    name: "the merged log keeps every line, in time order",
    judge: (o) => (o.logOutOfOrder ? at(o.logOutOfOrder) : o.logMerged !== o.logLines ? `${o.logLines} lines went in, ${o.logMerged} came out` : undefined),
  },
  {
    chapter: "12-sharding", exercise: "12-sharding/shard-router",
    name: "the celebrity has a dedicated shard that serves only them",
    judge: (o) => (o.celebrityWrong ? o.celebrityWrong.detail : o.dedicatedShared ? o.dedicatedShared.detail : undefined),
  },
  {
    chapter: "12-sharding", exercise: "12-sharding/hash-ring",
    name: "each key is on exactly one shard and one cache node",
    judge: (o) => (o.shardDisagreement ? at(o.shardDisagreement) : undefined),
  },
];

/**
 * Spans of time (s) after a load rise or a fault in which the autoscaler may still be catching up.
 * A dead primary database is one: while it is down, requests fail before their database work and
 * the web tier idles (the autoscaler may rightly scale it down); when it is back (restarted after
 * dbRestartS without replication, promoted after failoverAfterS with it: `databaseBackAtS`),
 * the work per request returns at once, a load rise like any other. A web server that dies with no
 * health checker (chapter 04 out) stays in rotation for good: it takes its share of requests and
 * counts as capacity, so the autoscaler is fed a utilization too low; the queueing after that is
 * the missing load balancer's doing (server-then-primary-dies --stage 3 failed here).
 */
export function exemptWindows(s: Scenario, o: Pick<Observations, "databaseBackAtS" | "deadServerKeptFromS">): [number, number][] {
  const reactS = 2 * P.autoscaleEveryS + P.serverBootS + P.seriesBucketS;
  const windows: [number, number][] = [];
  for (let i = 1; i < s.load.length; i++) {
    const [t0, r0] = s.load[i - 1]!;
    const [t1, r1] = s.load[i]!;
    if (r1 > r0 * 1.2) windows.push([t0, t1 + reactS]);
  }
  for (const f of s.faults) {
    if (f.kind === "region-dark") windows.push([f.atS, f.atS + f.forS + P.dcDetectS + P.dnsTtlS + reactS]);
    if (f.kind === "server-dies") windows.push([f.atS, f.atS + (P.healthFall * P.healthIntervalMs) / 1000 + reactS]);
    if (f.kind === "primary-dies") {
      const backS = o.databaseBackAtS.find((t) => t >= f.atS) ?? s.durationS;
      windows.push([f.atS, backS + reactS]);
    }
  }
  if (o.deadServerKeptFromS !== undefined) windows.push([o.deadServerKeptFromS, s.durationS]);
  return windows;
}

/** Runs the checks of the chapters that are in (`inChapters`). */
export function runChecks(o: Observations, scenario: Scenario, inChapters: Set<string>, builtInDns: boolean): { checks: CheckResult[]; skipped: { name: string; chapter: string }[] } {
  const checks: CheckResult[] = [];
  const skipped: { name: string; chapter: string }[] = [];
  for (const def of CHECKS) {
    const runs = inChapters.has(def.chapter) && !(def.chapter === "01-single-server" && builtInDns);
    if (!runs) {
      skipped.push({ name: def.name, chapter: def.chapter });
      continue;
    }
    const thrown = o.componentErrors.get(def.chapter);
    let problem = thrown && thrown.exercise === def.exercise.split("/")[1] ? `${thrown.exercise} threw at ${thrown.atS.toFixed(1)} s: ${thrown.message}` : def.judge(o, scenario);
    const status = problem === undefined ? "pass" : "fail";
    if (problem !== undefined) problem = `${problem}. Component: ${def.exercise.split("/")[1]} (chapter ${def.chapter.slice(0, 2)}); open exercises/${def.exercise}.ts`;
    checks.push({ name: def.name, chapter: def.chapter, exercise: def.exercise, status, message: problem ?? "ok" });
  }
  // A component that threw fails its chapter even when no check above names that exercise.
  for (const [chapter, thrown] of o.componentErrors) {
    if (!inChapters.has(chapter) || checks.some((c) => c.chapter === chapter && c.exercise?.endsWith(`/${thrown.exercise}`))) continue;
    checks.push({ name: `${thrown.exercise} runs without throwing`, chapter, exercise: `${chapter}/${thrown.exercise}`, status: "fail", message: `${thrown.exercise} threw at ${thrown.atS.toFixed(1)} s: ${thrown.message}. Open exercises/${chapter}/${thrown.exercise}.ts` });
  }
  return { checks, skipped };
}
