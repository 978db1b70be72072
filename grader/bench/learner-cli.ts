/**
 * The real course CLI as a learner runs it, in a child process: a scratch learner home, the CLI
 * started in it, and its output read like a screen, timestamping when a pattern appears. Shared by
 * the course tests (grader/test/course/helpers.ts re-exports it) and `npm run bench` (the watch
 * latency stage), so that both measure save → result the same way. No vitest here: the bench
 * runs outside it.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environmentWithoutRunSettings, repoRoot } from "../kit/settings.ts";

/** A learner home with a fresh copy of exercises/ (so nothing touches the working tree). */
export function makeHome(): string {
  const home = mkdtempSync(join(tmpdir(), "ztm-course-"));
  cpSync(join(repoRoot, "exercises"), join(home, "exercises"), { recursive: true });
  return home;
}

/** The environment of a child CLI: no test runner variables, colours off, this home. */
export function cliEnv(home: string): NodeJS.ProcessEnv {
  const env = environmentWithoutRunSettings();
  return { ...env, NO_COLOR: "1", ZTM_COURSE_HOME: home };
}

/** Starts the CLI with stdin held open (a pipe nobody writes to), in its own process group. */
export function courseSpawn(home: string, args: string[]) {
  return spawn(process.execPath, ["grader/bin/course.mjs", ...args], { cwd: repoRoot, env: cliEnv(home), stdio: ["pipe", "pipe", "pipe"], detached: true });
}

export type CourseChild = ReturnType<typeof courseSpawn>;

/** Reads a child's stdout (and stderr) and waits for a pattern to appear after a given offset. */
export function screen(child: CourseChild) {
  let out = "";
  const waiters: { from: number; pattern: RegExp; resolve: (at: number) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.pattern.test(out.slice(w.from))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(performance.now());
      }
    }
  };
  child.stdout!.on("data", (d) => {
    out += d;
    check();
  });
  child.stderr!.on("data", (d) => (out += d));
  return {
    get text() {
      return out;
    },
    mark: () => out.length,
    /** Resolves with performance.now() when `pattern` matches the output written since `from`. */
    waitFor(pattern: RegExp, from: number, timeoutMs = 60_000): Promise<number> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${out.slice(from)}`)), timeoutMs);
        waiters.push({ from, pattern, resolve: (at) => (clearTimeout(timer), resolve(at)) });
        check();
      });
    },
  };
}

export type Screen = ReturnType<typeof screen>;

/**
 * Saves `text` to `file` as an editor would, ~150 ms after the previous result (as a person
 * would), and times it until `pattern` appears: returns the latency and what was shown since.
 */
export async function timedSave(s: Screen, file: string, text: string, pattern: RegExp, pauseMs = 150): Promise<{ ms: number; shown: string }> {
  await new Promise((r) => setTimeout(r, pauseMs)); // let the previous run settle
  const from = s.mark();
  const savedAt = performance.now();
  writeFileSync(file, text);
  const shownAt = await s.waitFor(pattern, from);
  return { ms: shownAt - savedAt, shown: s.text.slice(from) };
}
