/**
 * Fills vitest's shared module cache before sandboxed gradings read it.
 *
 * Inside the sandbox the engine reads node_modules/.experimental-vitest-cache (the kit and the
 * suites, compiled) but never writes it: what it compiles vanishes with the run (enter-root.sh).
 * Only gradings outside a sandbox fill it, so on a clean clone or a CI runner every sandboxed
 * grading compiled the kit and its suite again (≈ 0.6 s of CPU each). So before the first
 * sandboxed grading of an exercise, this grades its reference solution once outside, as the
 * trusted code it is: one property, one run, output discarded; what matters is what vitest
 * compiled on the way. A stamp remembers which exercises are warm for which sources, so that
 * this costs ≈ 2-3 s of CPU once per machine and set of exercises, not per grading (index.ts
 * asks only from a process's second grading on). A failed warm-up only means a cold cache: the
 * grading itself does not depend on it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { MODULE_CACHE_DIR } from "../engine/run-vitest.ts";
import { writeAtomically } from "../kit/files.ts";
import { environmentWithoutRunSettings, repoRoot } from "../kit/settings.ts";

/** Newest change among what the cache holds for an exercise: the kit, the messages, its suite. */
function newestSource(id: string): number {
  const files = [join(repoRoot, "grader", "messages.ts"), join(repoRoot, "grader", "suites", `${id}.test.ts`), join(repoRoot, "package-lock.json")];
  for (const entry of readdirSync(join(repoRoot, "grader", "kit"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  }
  return Math.max(...files.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
}

type Stamp = Record<string, number>;

function readStamp(file: string): Stamp {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Stamp;
  } catch {
    return {};
  }
}

/** Warm-ups of this process, one after another: a cohort or a test grades several submissions
 *  at once, and the second would only compile the same kit again. */
let queue: Promise<void> = Promise.resolve();

/** Exercises whose warm-up failed in this process (a crash, a timeout): not tried again, or a
 *  cohort would pay a failing warm-up before every submission instead of once. */
const failed = new Set<string>();

function coldIds(ids: string[], stampFile: string): { cold: string[]; sources: Map<string, number> } {
  const stamp = existsSync(MODULE_CACHE_DIR) ? readStamp(stampFile) : {};
  const sources = new Map(ids.map((id) => [id, newestSource(id)]));
  return { cold: ids.filter((id) => !failed.has(id) && !(stamp[id] >= sources.get(id)!)), sources };
}

/**
 * Makes sure the shared cache holds the kit and the suites of `ids`, compiled outside any
 * sandbox. `engine` is the node arguments that run the grading CLI (sandbox/index.ts).
 */
export function warmModuleCache(ids: string[], engine: string[], stampFile: string): Promise<void> {
  if (coldIds(ids, stampFile).cold.length === 0) return Promise.resolve();
  const turn = queue.then(async () => {
    const { cold, sources } = coldIds(ids, stampFile); // an earlier warm-up may have done it
    if (cold.length === 0) return;
    if (!(await gradeSolutionsOnce(cold, engine))) {
      for (const id of cold) failed.add(id);
      return;
    }
    if (!existsSync(MODULE_CACHE_DIR)) return;
    const stamp = readStamp(stampFile);
    for (const id of cold) stamp[id] = sources.get(id)!;
    mkdirSync(dirname(stampFile), { recursive: true });
    writeAtomically(stampFile, JSON.stringify(stamp));
  });
  queue = turn.catch(() => {});
  return queue;
}

function gradeSolutionsOnce(ids: string[], engine: string[]): Promise<boolean> {
  const args = [...engine, ...ids, "--solutions", "--property", "1", "--runs", "1", "--no-typecheck"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...environmentWithoutRunSettings(), NO_COLOR: "1" }, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", () => resolve(false));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code === 0 || code === 1); // 1: a property failed, which changes nothing here
    });
  });
}
