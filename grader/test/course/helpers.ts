/** Helpers for the course tests: a scratch learner home, the real CLI, captured console output. */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import type { CourseContext } from "../../course/context.ts";
import { environmentWithoutRunSettings, repoRoot } from "../../kit/settings.ts";
import { loadCourse } from "../../manifest/load.ts";

/** A learner home with a fresh copy of exercises/ (so no test touches the working tree). */
export function makeHome(): string {
  const home = mkdtempSync(join(tmpdir(), "ztm-course-"));
  cpSync(join(repoRoot, "exercises"), join(home, "exercises"), { recursive: true });
  return home;
}

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

/** The environment of a child CLI: no test runner variables, colours off, this home. */
export function cliEnv(home: string): NodeJS.ProcessEnv {
  const env = environmentWithoutRunSettings();
  return { ...env, NO_COLOR: "1", ZTM_COURSE_HOME: home };
}

/** Runs `npm run course -- …args` (without npm) to completion. stdin is an empty pipe. */
export function course(home: string, args: string[], timeoutMs = 60_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["grader/bin/course.mjs", ...args], { cwd: repoRoot, env: cliEnv(home), encoding: "utf8", timeout: timeoutMs, input: "" });
}

/** Starts the CLI with stdin held open (a pipe nobody writes to). */
export function courseSpawn(home: string, args: string[]) {
  return spawn(process.execPath, ["grader/bin/course.mjs", ...args], { cwd: repoRoot, env: cliEnv(home), stdio: ["pipe", "pipe", "pipe"], detached: true });
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
