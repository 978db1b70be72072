/**
 * The project's own tests (`npm test`): engine unit tests and the per-chapter self-tests of the
 * graders. Grading runs do not use this file: the engine configures vitest programmatically.
 */
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import LongestFirst from "./test/longest-first.ts";

/**
 * Files that run in shared workers (vitest's isolate off): a worker runs file after file instead
 * of starting a process and importing vitest, fast-check and the kit again for each (≈ 0.5-0.7 s
 * of CPU a file). They run in this process only: no child processes, no browser, no change to the
 * environment, no vi.mock of a module another file imports (lab/idle-cores.test.ts mocks node:os),
 * and what they set up (nock, fetch, fake time, the lockdown) they restore or share. Checked by
 * running them all in one worker in shuffled orders (--maxWorkers=1 --sequence.shuffle.files).
 */
const SHARED_WORKERS = [
  "grader/test/chapters/*/*.test.ts", // the graders' self-tests, one three-line file per exercise
  "grader/test/chapters/*.test.ts",
  "grader/test/kit/*.test.ts",
  "grader/test/lab/{quantiles,lab-docs,lab-lessons,lab-runs,lab-mutants,lab-lesson-runs,lab-sample,progress-bar}.test.ts",
  "grader/test/formats/{exercism,github,gradescope,junit}.test.ts",
  "grader/test/cohort/{missing-row,units}.test.ts",
  "grader/test/engine/lead-report.test.ts",
  "grader/test/rules.test.ts",
];

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    env: { ZTM_SELFTEST: "1" },
    // Temp folders of the whole run live in one folder that is removed at the end (global-temp.ts).
    globalSetup: ["grader/test/global-temp.ts"],
    pool: "forks",
    // One worker more than the cores. vitest's default for `run` is one fewer: a single worker on
    // a 2-core machine. With one per core, a core still sat idle: nock answers each request after
    // a real 1 ms timer (chapter 07's self-test used 38 s of CPU in 110 s), and the CLI tests wait
    // on their child processes. Measured on 2 cores under the same load: 1014 s with two workers,
    // 629 s with three. Tests that time a property give it seconds, not milliseconds, for this.
    maxWorkers: availableParallelism() + 1,
    // The longest files start first (longest-first.ts): a clean clone has no durations to go by.
    sequence: { sequencer: LongestFirst },
    testTimeout: 300_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "shared workers", include: SHARED_WORKERS, isolate: false } },
      // Everything else keeps a fresh process per file: those tests start and kill child
      // processes (the engine's killDescendants would take a shared worker's esbuild with it),
      // change the environment, or launch browsers.
      { extends: true, test: { name: "own process", include: ["grader/test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...SHARED_WORKERS] } },
    ],
  },
});
