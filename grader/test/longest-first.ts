/**
 * The order in which `npm test` starts its files: the longest first, so that the two workers of
 * a 2-core machine finish together instead of one running a chapter's self-test alone at the end.
 *
 * vitest orders by the durations of the previous run, but a clean clone (CI) has none, and then
 * it starts the largest files first — and a chapter's self-test is a three-line file that runs
 * for minutes. So files listed here start first, in this order; the rest follow in vitest's own.
 * Seconds are one full run's (2 cores, 3 workers, December 2026); only the order matters, so they need
 * updating only when a file becomes much longer or shorter.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const MEASURED_SECONDS: Record<string, number> = {
  "chapters/07-cdn.test.ts": 159,
  "chapters/12-sharding.test.ts": 145,
  "chapters/04-load-balancer.test.ts": 138,
  "chapters/09-data-centers.test.ts": 93,
  "chapters/11-observability.test.ts": 91,
  "engine-cli.test.ts": 73,
  "cohort/cohort-e2e.test.ts": 69,
  "lab/lab-mutants.test.ts": 66,
  "site/browser.test.ts": 55,
  "chapters/08-stateless-web.test.ts": 47,
  "formats.test.ts": 39,
  "chapters/02-database-tier.test.ts": 38,
  "chapters/06-cache.test.ts": 36,
  "chapters/01-single-server.test.ts": 36,
  "chapters/05-replication.test.ts": 32,
  "formats/gradescope-zip.test.ts": 26,
  "chapters/03-scaling.test.ts": 24,
  "lab/lab-lesson-runs.test.ts": 23,
  "formats/exercism-runner.test.ts": 22,
  "chapters/10-message-queue.test.ts": 18,
  "site/browser-features.test.ts": 17,
  "course/watch.test.ts": 17,
  "lab/lab-runs.test.ts": 16,
  "chapters/13-interview.test.ts": 4,
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
