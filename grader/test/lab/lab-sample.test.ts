/**
 * The website's sample lab report (grader/lab/sample-report.json) is a real run's, of the
 * report's current version and shape: every field a LabReport may have and no other, the stages
 * and checks the lab has today, the scenario's faults, the parameter table's scales. When the lab
 * changes under it, this fails; regenerate it with `node grader/site/bin/lab-sample.mjs`
 * (grader/site/lab-sample.ts, which also says what run it is).
 */
import { expect, test } from "vitest";
import { CHECKS } from "../../lab/checks.ts";
import { LAB_CHAPTERS } from "../../lab/components.ts";
import { P } from "../../lab/parameters.ts";
import { LAB_REPORT_VERSION, type CheckResult, type LabReport, type Metrics, type Series, type StageReport } from "../../lab/report.ts";
import { findScenario } from "../../lab/scenarios/index.ts";
import { loadCourse } from "../../manifest/load.ts";
import { loadSampleReport } from "../../site/lab-page.ts";
import { SAMPLE_LOCKED, SAMPLE_RUN } from "../../site/lab-sample.ts";

// Every field of each type, as a record so that tsc fails when report.ts gains or loses one
// (true: required, false: optional).
const REPORT: Record<keyof LabReport, boolean> = {
  version: true, scenario: true, seed: true, source: true, simulatedSeconds: true, requests: true,
  stages: true, checks: true, series: true, faults: true, stageRowScale: false, skippedChecks: false,
};
const STAGE: Record<keyof StageReport, boolean> = { chapter: true, title: true, status: true, reason: false, note: false, scale: false, metrics: true };
const METRICS: Record<keyof Metrics, boolean> = {
  requests: false, errors: false, availability: false, p50Ms: false, p99Ms: false, dbQueriesPerSecond: false, cacheHitRatio: false,
  cdnHitRatio: false, maxServers: false, maxWorkers: false, acknowledgedWritesLost: false, failedSessionReads: false, costPerHourUsd: false,
};
const CHECK: Record<keyof CheckResult, boolean> = { name: true, chapter: true, exercise: false, status: true, message: true };
const SERIES: Record<keyof Series, boolean> = { bucketS: true, load: true, errors: true, p99Ms: true, dbQps: true, servers: true, workers: true };

/** The object's keys are the type's: all required ones, no unknown one. */
function hasShape(what: string, value: object, fields: Record<string, boolean>): void {
  const keys = Object.keys(value);
  expect(keys.filter((k) => !(k in fields)), `${what}: fields a LabReport does not have`).toEqual([]);
  expect(Object.keys(fields).filter((k) => fields[k] && !keys.includes(k)), `${what}: required fields missing`).toEqual([]);
}

const sample = loadSampleReport();

test("the sample is of the report's current version and shape", () => {
  expect(sample.version).toBe(LAB_REPORT_VERSION);
  hasShape("report", sample, REPORT);
  hasShape("series", sample.series, SERIES);
  for (const stage of sample.stages) {
    hasShape(stage.chapter, stage, STAGE);
    hasShape(`${stage.chapter} metrics`, stage.metrics, METRICS);
    for (const value of Object.values(stage.metrics)) expect(Number.isFinite(value)).toBe(true);
  }
  for (const check of sample.checks) {
    hasShape(check.name, check, CHECK);
    expect(["pass", "fail"]).toContain(check.status);
  }
});

test("the sample is the run lab-sample.ts makes, against today's stages, checks, scenario and parameters", () => {
  expect({ scenario: sample.scenario, seed: sample.seed, source: sample.source }).toEqual({ ...SAMPLE_RUN, source: "learner" });
  const course = loadCourse();
  expect(sample.stages.map((s) => s.chapter)).toEqual(LAB_CHAPTERS);
  expect(sample.stages.map((s) => s.title)).toEqual(LAB_CHAPTERS.map((id) => course.chapters.find((c) => c.id === id)!.title));
  expect(sample.stages.filter((s) => s.status === "locked").map((s) => s.chapter)).toEqual(SAMPLE_LOCKED);
  // Each check is one the lab runs today, of a stage that is in; the locked stages' were skipped.
  const known = new Map(CHECKS.map((c) => [c.name, c.chapter]));
  const inStages = new Set(sample.stages.filter((s) => s.status === "in").map((s) => s.chapter));
  for (const check of sample.checks) {
    expect(known.get(check.name), `check "${check.name}"`).toBe(check.chapter);
    expect(inStages.has(check.chapter)).toBe(true);
  }
  expect([...sample.checks, ...(sample.skippedChecks ?? [])].map((c) => c.name).sort()).toEqual(CHECKS.map((c) => c.name).sort());
  // The story the lab page tells (lab-page.ts): the session manager's bug, and only it, caught.
  expect(sample.checks.filter((c) => c.status === "fail").map((c) => c.exercise)).toEqual(["08-stateless-web/session-manager"]);
  // The scenario's script and the parameter table's scales.
  const scenario = findScenario(sample.scenario)!;
  expect(sample.simulatedSeconds).toBe(scenario.durationS);
  expect(sample.faults.map((f) => f.atS)).toEqual(scenario.faults.map((f) => f.atS));
  expect(sample.series.bucketS).toBe(P.seriesBucketS);
  const points = Math.ceil(scenario.durationS / P.seriesBucketS);
  for (const key of ["load", "errors", "p99Ms", "dbQps", "servers", "workers"] as const) expect(sample.series[key], key).toHaveLength(points);
  expect(sample.stageRowScale).toBe(P.stageRowScale);
  // A real run's numbers: the last stage in is the full-scale run, the rows before are coarser.
  const ins = sample.stages.filter((s) => s.status === "in");
  expect(ins.at(-1)!.metrics.requests).toBe(sample.requests);
  expect(ins.at(-1)!.scale).toBeUndefined();
  for (const row of ins.slice(0, -1)) expect(row.scale, row.chapter).toBe(P.stageRowScale);
  // The load series is requests per second per point: over the run it adds up to the requests.
  const loadTotal = sample.series.load.reduce((a, b) => a + b, 0) * sample.series.bucketS;
  expect(Math.abs(loadTotal / sample.requests - 1)).toBeLessThan(0.01);
});
