/** Helpers for the course tests: a scratch learner home, the real CLI, captured console output. */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { afterAll, vi } from "vitest";
import { cliEnv, makeHome as makeLearnerHome } from "../../bench/learner-cli.ts";
import type { CourseContext } from "../../course/context.ts";
import { repoRoot } from "../../kit/settings.ts";
import { loadCourse } from "../../manifest/load.ts";

// The scratch home, the CLI as a child and its screen are shared with `npm run bench`.
export { cliEnv, courseSpawn, screen, timedSave } from "../../bench/learner-cli.ts";

const homes: string[] = [];
/** A learner home with a fresh copy of exercises/, removed when the test file ends. */
export function makeHome(): string {
  const home = makeLearnerHome();
  homes.push(home);
  return home;
}
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

export function contextFor(home: string, interactive = false): CourseContext {
  return {
    course: loadCourse(),
    home,
    exercisesDir: join(home, "exercises"),
    progressFile: join(home, ".progress.json"),
    backupsDir: join(home, ".backups"),
    interactive,
    color: false,
  };
}

/** Runs `npm run course -- …args` (without npm) to completion. stdin is an empty pipe. */
export function course(home: string, args: string[], timeoutMs = 60_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["grader/bin/course.mjs", ...args], { cwd: repoRoot, env: cliEnv(home), encoding: "utf8", timeout: timeoutMs, input: "" });
}

/** Captures console.log / console.error while `fn` runs. */
export async function captured<T>(fn: () => T | Promise<T>): Promise<{ value: T; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const write = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write);
  try {
    const value = await fn();
    return { value, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}
