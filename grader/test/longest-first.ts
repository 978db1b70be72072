/**
 * The order in which `npm test` starts its files: the longest first, so that the two workers of
 * a 2-core machine finish together instead of one running a chapter's self-test alone at the end.
 *
 * vitest orders by the durations of the previous run, but a clean clone (CI) has none, and then
 * it starts the largest files first — and a chapter's self-test is a three-line file that runs
 * for minutes. So files listed here start first, in this order; the rest follow in vitest's own.
 * Seconds are one full run's (2 cores, December 2026); only the order matters, so they need
 * updating only when a file becomes much longer or shorter.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const MEASURED_SECONDS: Record<string, number> = {
  "chapters/07-cdn.test.ts": 147,
  "chapters/09-data-centers.test.ts": 130,
  "engine-cli.test.ts": 62,
  "chapters/11-observability.test.ts": 60,
  "site/browser.test.ts": 54,
  "chapters/12-sharding.test.ts": 51,
  "cohort/cohort-e2e.test.ts": 45,
  "chapters/04-load-balancer.test.ts": 34,
  "chapters/08-stateless-web.test.ts": 25,
  "chapters/06-cache.test.ts": 24,
  "chapters/01-single-server.test.ts": 22,
  "chapters/02-database-tier.test.ts": 22,
  "formats/gradescope-zip.test.ts": 19,
  "chapters/05-replication.test.ts": 19,
  "lab/html.test.ts": 14,
  "site/browser-features.test.ts": 13,
  "formats/exercism-runner.test.ts": 11,
  "chapters/03-scaling.test.ts": 9,
  "chapters/10-message-queue.test.ts": 6,
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
