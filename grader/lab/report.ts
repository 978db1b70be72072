// The scale lab's report: what `npm run course -- lab --json FILE` writes and what the HTML page
// (grader/lab/html.ts) draws. Fields may be added (optional); a field renamed or changed in
// meaning bumps the version: other tools read it.
// Version 2: Metrics.sessionsLost (failed session reads of the sample, unscaled in coarser rows)
// became failedSessionReads (scaled like requests).

export const LAB_REPORT_VERSION = 2;

export interface LabReport {
  version: 2;
  scenario: string; // scenario name, e.g. "diurnal-day"
  seed: number;
  source: "learner" | "solutions" | "submission";
  simulatedSeconds: number;
  requests: number; // simulated requests in the run with every stage that is in
  stages: StageReport[]; // one per chapter 01..12, in order
  checks: CheckResult[];
  series: Series; // of the run with every stage that is in
  faults: { atS: number; label: string }[];
  /** Each simulated request in the per-stage rows stands for this many (1 = full scale). */
  stageRowScale?: number;
  /** Checks of locked stages, not run (names only); they never appear in `checks`. */
  skippedChecks?: { name: string; chapter: string }[];
}

export interface StageReport {
  chapter: string; // chapter folder name, "06-cache"
  title: string; // "Cache"
  status: "in" | "locked";
  reason?: string; // why locked: "lru-cache does not pass its grader yet"
  /** For an "in" stage that runs a stand-in, e.g. chapter 01's built-in resolver. */
  note?: string;
  /** Each simulated request of this row stood for `scale` (absent: full scale, 1). */
  scale?: number;
  metrics: Metrics; // whole-system metrics with stages 1..this one in (empty when locked)
}

export interface Metrics {
  requests?: number;
  errors?: number;
  availability?: number;
  p50Ms?: number;
  p99Ms?: number;
  dbQueriesPerSecond?: number;
  cacheHitRatio?: number;
  cdnHitRatio?: number;
  maxServers?: number;
  maxWorkers?: number;
  acknowledgedWritesLost?: number;
  /** Session reads that found no session: the user had to log in again. The lab reads the session
   *  of 1 request in 100 (sessionReadShare); counted like requests (times the row's scale). */
  failedSessionReads?: number;
  costPerHourUsd?: number;
}

export interface CheckResult {
  name: string; // a plain sentence: "no acknowledged write is lost beyond what replication allows"
  chapter: string; // "05-replication"
  exercise?: string; // "05-replication/replication-cluster"
  status: "pass" | "fail";
  message: string; // for a fail: what happened, the component, and the exercise to open
}

export interface Series {
  bucketS: number; // width of one point, simulated seconds
  load: number[];
  errors: number[];
  p99Ms: number[];
  dbQps: number[];
  servers: number[];
  workers: number[];
}

/** Requests every run of the lab simulated: the checked run's, plus each per-stage row's. A row at
 *  scale k simulates one request for every k it reports, so it counts requests / k. The CLI prints
 *  this count and `npm run bench` divides it by the wall time. */
export function simulatedRequests(report: LabReport): number {
  const rows = report.stages.filter((s) => s.scale).reduce((n, s) => n + (s.metrics.requests ?? 0) / (s.scale ?? 1), 0);
  return Math.round(report.requests + rows);
}
