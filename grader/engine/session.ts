/**
 * A grading session that stays alive between runs, for watch mode.
 *
 * `npm run grade` starts vitest, runs, and closes: ≈ 0.5 s of startup every time. Watch mode
 * grades the same exercise again on every save, so it keeps ONE vitest instance (and its Vite
 * module graph, with the grader and the kit already transformed) and only re-runs the grader
 * file. Each run still gets a fresh forked worker (isolate), so an endless loop or a crash costs
 * only that run. The result is built exactly as `npm run grade` builds it (collectExercise).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Reporter, Vitest } from "vitest/node";
import { createVitest } from "vitest/node";
import { journalFile, readJournal } from "../kit/journal.ts";
import { displayPath, implementationFile } from "../kit/load.ts";
import { repoRoot, settingsToEnv, type RunSettings } from "../kit/settings.ts";
import type { ExerciseEntry } from "../manifest/types.ts";
import { collectExercise } from "./collect.ts";
import { killDescendants } from "./process-tree.ts";
import type { ExerciseResult } from "./results.ts";
import { suiteFile } from "./run-vitest.ts";
import { typecheck } from "./typecheck.ts";
import { replayCommand } from "./replay.ts";

export interface SessionOptions {
  /** Folder of the graded files (default: exercises/). */
  targetRoot?: string;
  seed?: number;
  runs?: number;
  timeoutMs?: number;
  /** Type-check the file in parallel with the properties (≈ 0.3 s; off in latency-critical use). */
  typecheck?: boolean;
  /** Stop at the first failing property (watch mode shows only that one). */
  bail?: boolean;
}

export interface GradingSession {
  readonly seed: number;
  /** Grades one exercise now; concurrent calls are queued, never overlapped. */
  grade(entry: ExerciseEntry): Promise<ExerciseResult>;
  /** The file graded for an exercise (what watch mode watches). */
  fileOf(id: string): string;
  close(): Promise<void>;
}

/** Budget for one run; the per-property watchdogs act long before. */
const RUN_BUDGET_MS = 60_000;

export async function openSession(options: SessionOptions = {}): Promise<GradingSession> {
  const journalDir = mkdtempSync(join(tmpdir(), "ztm-session-"));
  const settings: RunSettings = {
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    runs: options.runs ?? 100,
    timeoutMs: options.timeoutMs ?? 5000,
    budgetMs: RUN_BUDGET_MS,
    targetRoot: options.targetRoot ?? join(repoRoot, "exercises"),
    overrides: {},
    journalDir,
  };
  let output = "";
  let unhandled: string[] = [];
  let duration: number | undefined;
  const collector: Reporter = {
    onUserConsoleLog(log) {
      if (output.length < 4000) output = (output + log.content).slice(0, 4000);
    },
    onTestModuleEnd(module) {
      duration = Math.round(module.diagnostic().duration);
    },
    onTestRunEnd(_modules, errors) {
      unhandled = (errors as readonly { name?: string; message?: string }[]).map(
        (e) => `${e.name ?? "Error"}: ${String(e.message ?? e).split("\n")[0]}`,
      );
    },
  };
  const vitest: Vitest = await createVitest(
    "test",
    {
      config: false,
      root: repoRoot,
      watch: false,
      reporters: [collector],
      include: ["grader/suites/**/*.test.ts"],
      pool: "forks",
      isolate: true,
      maxWorkers: 1,
      execArgv: ["--max-old-space-size=2048"],
      env: settingsToEnv(settings),
      passWithNoTests: true,
      bail: options.bail ? 1 : 0,
    },
    { server: { watch: null } }, // we watch the one file ourselves; Vite's watcher would add ~100 ms and many fds
  );

  let queue: Promise<unknown> = Promise.resolve();
  const fileOf = (id: string) => implementationFile(id, settings);

  async function gradeNow(entry: ExerciseEntry): Promise<ExerciseResult> {
    const journal = journalFile(journalDir, entry.id);
    rmSync(journal, { force: true });
    output = "";
    unhandled = [];
    duration = undefined;
    const file = fileOf(entry.id);
    // The learner's file changed: drop it from Vite's module graph so the worker sees the new text.
    vitest.invalidateFile(file);
    const checking = options.typecheck && existsSync(file) ? typecheck([file]) : Promise.resolve(new Map<string, string[]>());
    let timer: NodeJS.Timeout | undefined;
    const overran = new Promise<"overran">((resolve) => (timer = setTimeout(() => resolve("overran"), RUN_BUDGET_MS + 30_000)));
    const winner = await Promise.race([vitest.runTestFiles([suiteFile(entry.id)]), overran]);
    clearTimeout(timer);
    if (winner === "overran") killDescendants();
    const typeErrors = (await checking).get(file);
    return collectExercise(entry, {
      journal: readJournal(journal),
      typeErrors,
      unhandled,
      output: output || undefined,
      durationMs: duration,
      timeoutMs: settings.timeoutMs,
      file: displayPath(file),
      replay: (index, seed = settings.seed, path) =>
        replayCommand(`npm run grade -- ${entry.id}`, index, seed, path),
    });
  }

  return {
    seed: settings.seed,
    fileOf,
    grade(entry) {
      const run = queue.then(() => gradeNow(entry));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await Promise.race([vitest.close(), new Promise((resolve) => setTimeout(resolve, 3000))]);
      killDescendants();
      rmSync(journalDir, { recursive: true, force: true });
    },
  };
}
