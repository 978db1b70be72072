/**
 * The order in which `npm test` starts its files: the longest first, so that the two workers of
 * a 2-core machine finish together instead of one running a long self-test alone at the end.
 *
 * vitest orders by the durations of the previous run, but a clean clone (CI) has none, and then
 * it starts the largest files first — and an exercise's self-test is a three-line file that runs
 * for a minute. So files listed here start first, in this order; the rest follow in vitest's own.
 * Seconds are one full run's (2 cores, 3 workers, December 2026); only the order matters, so they need
 * updating only when a file becomes much longer or shorter.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const MEASURED_SECONDS: Record<string, number> = {
  "chapters/07-cdn/edge-cache.test.ts": 73,
  "engine-cli.test.ts": 73,
  "cohort/cohort-e2e.test.ts": 69,
  "lab/lab-mutants.test.ts": 66,
  "site/browser.test.ts": 55,
  "chapters/08-stateless-web/session-manager.test.ts": 49,
  "chapters/07-cdn/cdn-client.test.ts": 45,
  "chapters/11-observability/log-merge.test.ts": 44,
  "chapters/09-data-centers/lww-map.test.ts": 43,
  "formats.test.ts": 39,
  "chapters/12-sharding/hash-ring.test.ts": 36,
  "chapters/04-load-balancer/health-checker.test.ts": 33,
  "chapters/02-database-tier/connection-pool.test.ts": 28,
  "formats/gradescope-zip.test.ts": 26,
  "lab/lab-lesson-runs.test.ts": 23,
  "chapters/09-data-centers/geo-router.test.ts": 22,
  "formats/exercism-runner.test.ts": 22,
  "chapters/05-replication/replication-cluster.test.ts": 20,
  "chapters/06-cache/lru-cache.test.ts": 18,
  "site/browser-features.test.ts": 17,
  "course/watch.test.ts": 17,
  "chapters/01-single-server/dns-cache.test.ts": 16,
  "lab/lab-runs.test.ts": 16,
  "chapters/01-single-server/user-api.test.ts": 12,
  "chapters/03-scaling/autoscaler.test.ts": 11,
  "chapters/12-sharding/shard-router.test.ts": 11,
  "chapters/04-load-balancer/load-balancer.test.ts": 10,
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
