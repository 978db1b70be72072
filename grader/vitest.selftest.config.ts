/**
 * The project's own tests (`npm test`): engine unit tests and the per-chapter self-tests of the
 * graders. Grading runs do not use this file: the engine configures vitest programmatically.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["grader/test/**/*.test.ts"],
    env: { ZTM_SELFTEST: "1" },
    pool: "forks",
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
