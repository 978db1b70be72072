/**
 * The project's own tests (`npm test`): engine unit tests and the per-chapter self-tests of the
 * graders. Grading runs do not use this file: the engine configures vitest programmatically.
 */
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import LongestFirst from "./test/longest-first.ts";
import { SHARED_PROJECT, SHARED_WORKERS } from "./test/shared-workers.ts";

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
      // The self-tests and the unit tests that stay in their process (shared-workers.ts).
      { extends: true, test: { name: SHARED_PROJECT, include: SHARED_WORKERS, isolate: false } },
      // Everything else keeps a fresh process per file: those tests start and kill child
      // processes (the engine's killDescendants would take a shared worker's esbuild with it),
      // change the environment, or launch browsers.
      { extends: true, test: { name: "own process", include: ["grader/test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...SHARED_WORKERS] } },
    ],
  },
});
