/**
 * Runs the selected grader files under vitest, in this process, with a collecting reporter.
 *
 * Isolated (the default), each grader file runs in a forked worker of its own, so a crash or an
 * endless loop costs only that exercise. With `shareWorkers`, a worker runs file after file (no
 * fork, no re-import of vitest, fast-check and the kit: ≈ 0.4 s of CPU saved per file); the
 * engine then grades again, isolated, every exercise whose result a neighbour's leftovers could
 * have caused (engine/cli.ts), so that they never cost a learner marks. Outcomes come from the journals the kit
 * writes; the reporter adds what vitest alone sees: the learner's console output and escaped
 * errors. A deadline for the whole run backs up the per-property watchdogs.
 */
import { accessSync, constants, existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import type { Reporter, TestModule, Vitest } from "vitest/node";
import { OUTPUT_LIMIT, repoRoot, settingsToEnv, type RunSettings } from "../kit/settings.ts";
import { killDescendants } from "./process-tree.ts";

export interface SuiteRun {
  /** What the learner's code printed, per exercise id. */
  output: Map<string, string>;
  /** Errors that escaped a test, per exercise id. */
  unhandled: Map<string, string[]>;
  /** Escaped errors that could not be tied to an exercise. */
  stray: string[];
  durations: Map<string, number>;
  /** True when the run overran its deadline and was stopped. */
  overran: boolean;
}

export const suiteFile = (id: string) => join(repoRoot, "grader", "suites", `${id}.test.ts`);
const exerciseOf = (file: string | undefined) =>
  file ? relative(join(repoRoot, "grader", "suites"), file).replace(/\.test\.ts$/, "") : undefined;

/** Inside a "full" sandbox: the root-only module cache enter-root.sh mounts for this run (the
 *  shared cache read-only under an overlay whose writes vanish with the run). */
export const SANDBOX_MODULE_CACHE = "/sandbox/module-cache";

/** Outside a sandbox: vitest's own folder for it, shared by every grading of this checkout. */
export const MODULE_CACHE_DIR = join(repoRoot, "node_modules", ".experimental-vitest-cache");

/**
 * Where vitest may keep what it compiled of the graders (kit, suites, mutants), keyed by each
 * file's path and content: a later run reads it instead of compiling again (≈ 0.3-0.5 s of the
 * engine's CPU per run). Outside a sandbox: node_modules/.experimental-vitest-cache, when it can
 * be written. Inside one, the repository is read-only and nothing the run writes may outlive it:
 * only the overlay above (grader/sandbox/enter-root.sh), and no cache where there is none
 * ("network" and "none" isolation).
 */
function moduleCache(): { fsModuleCache: boolean; fsModuleCachePath?: string } {
  if (process.env.ZTM_SANDBOX_INSIDE) {
    const inside = process.env.ZTM_MODULE_CACHE === SANDBOX_MODULE_CACHE && writable(SANDBOX_MODULE_CACHE);
    return inside ? { fsModuleCache: true, fsModuleCachePath: SANDBOX_MODULE_CACHE } : { fsModuleCache: false };
  }
  return { fsModuleCache: writable(existsSync(MODULE_CACHE_DIR) ? MODULE_CACHE_DIR : join(repoRoot, "node_modules")) };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface RunOptions {
  /** Let a worker run file after file instead of forking one per file. */
  shareWorkers?: boolean;
  /** Grader files run at once (default: one per core). */
  workers?: number;
}

export async function runSuites(ids: string[], settings: RunSettings, deadlineMs: number, options: RunOptions = {}): Promise<SuiteRun> {
  const run: SuiteRun = { output: new Map(), unhandled: new Map(), stray: [], durations: new Map(), overran: false };
  let vitest: Vitest | undefined;

  const collector: Reporter = {
    onInit(instance) {
      vitest = instance;
    },
    onUserConsoleLog(log) {
      const task = log.taskId ? vitest?.state.idMap.get(log.taskId) : undefined;
      const id = exerciseOf(task?.file?.filepath) ?? "?";
      const so = run.output.get(id) ?? "";
      if (so.length < OUTPUT_LIMIT) run.output.set(id, (so + log.content).slice(0, OUTPUT_LIMIT));
    },
    onTestModuleEnd(module: TestModule) {
      const id = exerciseOf(module.moduleId);
      if (id) run.durations.set(id, Math.round(module.diagnostic().duration));
    },
    onTestRunEnd(_modules, errors) {
      for (const error of errors as readonly { name?: string; message?: string; VITEST_TEST_PATH?: string }[]) {
        const text = `${error.name ?? "Error"}: ${String(error.message ?? error).split("\n")[0]}`;
        const id = exerciseOf(error.VITEST_TEST_PATH);
        if (id) run.unhandled.set(id, [...(run.unhandled.get(id) ?? []), text]);
        else run.stray.push(text);
      }
    },
  };

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"overran">((resolve) => {
    timer = setTimeout(() => resolve("overran"), deadlineMs);
  });
  // Imported here, not at the top: loading vitest takes ≈ 0.3 s of CPU, and the engine starts the
  // type check first so that the compiler runs on the other core meanwhile.
  const { startVitest } = await import("vitest/node");
  const finished = startVitest("test", ids.map(suiteFile), {
    config: false,
    root: repoRoot,
    watch: false,
    reporters: [collector],
    include: ["grader/suites/**/*.test.ts"],
    pool: "forks",
    isolate: !options.shareWorkers,
    maxWorkers: Math.max(1, Math.min(ids.length, options.workers ?? availableParallelism())),
    execArgv: ["--max-old-space-size=2048"],
    env: settingsToEnv(settings),
    passWithNoTests: true,
    experimental: moduleCache(),
  });
  const winner = await Promise.race([finished, deadline]);
  clearTimeout(timer);
  if (winner === "overran") {
    run.overran = true;
    killDescendants();
  } else {
    await winner?.close();
  }
  return run;
}
