/**
 * The files npm test runs in shared workers (shared-workers.ts, used by grader/vitest.selftest.config.ts)
 * must not need a fresh process: a worker runs them one after another, so a module mock, a
 * child process the engine's cleanup would kill with the worker's own (esbuild), a browser or a
 * changed environment would reach the files that follow, and fail them only in some orders.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { createVitest } from "vitest/node";
import { repoRoot } from "../kit/settings.ts";
import { SHARED_PROJECT } from "./shared-workers.ts";

/** What a file in a shared worker may not do, with the reason shown when one does. */
const FORBIDDEN: [RegExp, string][] = [
  [/\bvi\.(do)?mock\(/, "mocks a module: the mock applies only where the module was not loaded yet by an earlier file"],
  [/node:child_process|\bspawn(Sync)?\(|execFile/, "starts child processes"],
  [/playwright-core|openSite\(/, "launches a browser"],
  [/process\.env\.\w+\s*=[^=]|delete process\.env|process\.chdir\(/, "changes the process's environment or folder"],
  [/killDescendants|runSuites\(|gradeSubmission\(/, "runs the engine, which kills every child of its process when a run overruns"],
];

test("the files run in shared workers start no process, mock no module and leave the environment as it was", async () => {
  // The files as vitest itself expands the list's globs for the shared project.
  const vitest = await createVitest("test", { config: join(repoRoot, "grader/vitest.selftest.config.ts"), watch: false, project: SHARED_PROJECT });
  const shared = [...new Set((await vitest.globTestSpecifications()).map((spec) => relative(repoRoot, spec.moduleId)))];
  await vitest.close();
  expect(shared.length, "the patterns match the self-tests and the unit tests").toBeGreaterThan(40);
  expect(shared).toContain("grader/test/chapters/06-cache/lru-cache.test.ts");
  const problems = shared.flatMap((file) => {
    const source = readFileSync(join(repoRoot, file), "utf8");
    return FORBIDDEN.filter(([pattern]) => pattern.test(source)).map(([, why]) => `${file} ${why}: run it in its own process (leave it out of SHARED_WORKERS)`);
  });
  expect(problems).toEqual([]);
});
