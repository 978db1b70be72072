/**
 * Files that run in shared workers (vitest's isolate off): a worker runs file after file instead
 * of starting a process and importing vitest, fast-check and the kit again for each (≈ 0.5-0.7 s
 * of CPU a file). They run in this process only: no child processes, no browser, no change to the
 * environment, no vi.mock of a module another file imports (lab/idle-cores.test.ts mocks node:os),
 * and what they set up (nock, fetch, fake time, the lockdown) they restore or share. Checked by
 * running them all in one worker in shuffled orders (--maxWorkers=1 --sequence.shuffle.files),
 * and by shared-workers.test.ts for what can be seen in their source.
 */
export const SHARED_WORKERS = [
  "grader/test/chapters/*/*.test.ts", // the graders' self-tests, one three-line file per exercise
  "grader/test/chapters/*.test.ts",
  "grader/test/kit/*.test.ts",
  "grader/test/lab/{quantiles,lab-docs,lab-lessons,lab-runs,lab-mutants,lab-lesson-runs,lab-sample,progress-bar}.test.ts",
  "grader/test/formats/{exercism,github,gradescope,junit}.test.ts",
  "grader/test/cohort/{missing-row,units}.test.ts",
  "grader/test/engine/lead-report.test.ts",
  "grader/test/rules.test.ts",
];

/** The vitest project that runs them. */
export const SHARED_PROJECT = "shared workers";
