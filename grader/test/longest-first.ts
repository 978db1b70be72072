/**
 * The order in which `npm test` starts its files: the longest first, so that the two workers of
 * a 2-core machine finish together instead of one running a long self-test alone at the end.
 *
 * vitest orders by the durations of the previous run, but a clean clone (CI) has none, and then
 * it starts the largest files first — and an exercise's self-test is a three-line file that runs
 * for a minute. So files listed here start first, in this order; the rest follow in vitest's own.
 * Seconds are one full run's (2 cores, 3 workers, December 2026), from start to end of the file: a
 * file whose work is in `beforeAll` (hostile, cohort-e2e) is estimated from its CPU time, as vitest
 * times only its tests. Only the order matters, so they need updating only when a file becomes much
 * longer or shorter. sandbox/hostile.test.ts was missing, and started two thirds into the run.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const MEASURED_SECONDS: Record<string, number> = {
  "chapters/07-cdn/edge-cache.test.ts": 108,
  "sandbox/hostile.test.ts": 90,
  "engine-cli.test.ts": 64,
  "cohort/cohort-e2e.test.ts": 50,
  "chapters/07-cdn/cdn-client.test.ts": 43,
  "chapters/04-load-balancer/load-balancer.test.ts": 37,
  "site/browser.test.ts": 36,
  "chapters/04-load-balancer/health-checker.test.ts": 31,
  "chapters/06-cache/lru-cache.test.ts": 25,
  "course/warm-session.test.ts": 25,
  "chapters/02-database-tier/connection-pool.test.ts": 22,
  "lab/lab-mutants.test.ts": 22,
  "chapters/09-data-centers/geo-router.test.ts": 20,
  "chapters/08-stateless-web/session-manager.test.ts": 19,
  "course/interview.test.ts": 18,
  "formats/gradescope-zip.test.ts": 17,
  "lab/lab-lesson-runs.test.ts": 17,
  "site/browser-features.test.ts": 17,
  "chapters/05-replication/replication-cluster.test.ts": 16,
  "chapters/12-sharding/hash-ring.test.ts": 15,
  "course/watch.test.ts": 15,
  "chapters/11-observability/log-merge.test.ts": 13,
  "chapters/11-observability/latency-sketch.test.ts": 13,
  "chapters/01-single-server/user-api.test.ts": 12,
  "lab/lab-runs.test.ts": 11,
  "course/cli.test.ts": 10,
  "chapters/01-single-server/dns-cache.test.ts": 10,
  "formats/exercism-runner.test.ts": 10,
  "chapters/09-data-centers/lww-map.test.ts": 9,
  "chapters/12-sharding/shard-router.test.ts": 8,
};

const secondsOf = (spec: TestSpecification): number => {
  const path = spec.moduleId.replace(/\\/g, "/");
  const key = Object.keys(MEASURED_SECONDS).find((file) => path.endsWith(`grader/test/${file}`));
  return key ? MEASURED_SECONDS[key]! : 0;
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byVitest = await super.sort(files);
    const listed = byVitest.filter((f) => secondsOf(f) > 0).sort((a, b) => secondsOf(b) - secondsOf(a));
    return [...listed, ...byVitest.filter((f) => secondsOf(f) === 0)];
  }
}
