/**
 * Config of the one-off lead-failure scan (scan.lead.ts), kept out of `npm test`: the scan grades
 * every mutant at ten seeds, far too slow for CI. Same settings as the self-test, but its own
 * `include` (mergeConfig would concatenate the two lists and run all of `npm test` too).
 */
import { defineConfig } from "vitest/config";
import selftest from "../../vitest.selftest.config.ts";

export default defineConfig({
  test: { ...selftest.test, include: ["grader/test/lead-scan/*.lead.ts"], maxWorkers: 1, testTimeout: 3_600_000 },
});
