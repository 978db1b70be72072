/**
 * The project's own tests (`npm test`): engine unit tests and the per-chapter self-tests of the
 * graders. Grading runs do not use this file: the engine configures vitest programmatically.
 */
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import LongestFirst from "./test/longest-first.ts";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["grader/test/**/*.test.ts"],
    env: { ZTM_SELFTEST: "1" },
    // Temp folders of the whole run live in one folder that is removed at the end (global-temp.ts).
    globalSetup: ["grader/test/global-temp.ts"],
    pool: "forks",
    // vitest's default for `run` is one worker fewer than the cores: a single worker on a 2-core
    // machine, which left one core idle while the chapter self-tests ran one after another.
    maxWorkers: Math.max(2, availableParallelism()),
    // The longest files start first (longest-first.ts): a clean clone has no durations to go by.
    sequence: { sequencer: LongestFirst },
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
