/**
 * `npm start` in a real (pseudo-)terminal: python3's pty module runs the CLI with a TTY, and the
 * test types arrow keys and Enter like a learner. It opens a chapter, an exercise, takes a hint
 * (checked on screen and in the progress file), goes back with Esc and quits from the menu.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { loadCourse } from "../../manifest/load.ts";
import { cliEnv, makeHome } from "./helpers.ts";

const DOWN = "\u001b[B";
const ENTER = "\r";
const ESC = "\u001b";

function drive(home: string, steps: object[]) {
  const dir = mkdtempSync(join(tmpdir(), "ztm-pty-"));
  const script = join(dir, "steps.json");
  writeFileSync(script, JSON.stringify(steps));
  const run = spawnSync("python3", [join(repoRoot, "grader/test/course/pty-drive.py"), script, "--", process.execPath, "grader/bin/course.mjs"], {
    cwd: repoRoot,
    env: { ...cliEnv(home), TERM: "xterm-256color" },
    encoding: "utf8",
    timeout: 120_000,
  });
  rmSync(dir, { recursive: true, force: true });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { ok: boolean; failed?: number; expected?: string; exit: number | null; transcript: string };
}

describe("npm start in a terminal", () => {
  test("menu: chapter → exercise → hint → back → quit", () => {
    const home = makeHome();
    const course = loadCourse();
    const chapterIndex = course.chapters.findIndex((c) => c.id === "06-cache");
    const hint = course.chapters[chapterIndex].exercises[0].hints[0];
    const steps = [
      { expect: "What next\\?", timeout: 60 },
      { expect: "06-cache · Cache" },
      // "Continue" is first, then the chapters in order.
      ...Array.from({ length: chapterIndex + 1 }, () => ({ send: DOWN })),
      { send: ENTER },
      { expect: "Read the lesson" },
      { send: DOWN },
      { send: ENTER }, // the first exercise: LRU cache
      { expect: "LRU cache \\(exercises/06-cache/lru-cache\\.ts\\)" },
      { send: DOWN },
      { send: DOWN },
      { send: ENTER }, // Hint 1 of 3
      { expect: "Hint 1 of 3" },
      { expect: hint.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") },
      { expect: "Hint 2 of 3" }, // the menu again, now offering the second tier
      { send: ESC, pause: 0.3 },
      { expect: "Read the lesson" },
      { send: ESC, pause: 0.3 },
      { expect: "What next\\?" },
      { send: "\u001b[A" }, // up from the first entry wraps to the last: Quit
      { send: ENTER },
      { expect: "See you soon" },
    ];
    const result = drive(home, steps);
    expect(result.ok, `step ${result.failed} (${result.expected}) not seen; screen:\n${result.transcript.slice(-3000)}`).toBe(true);
    expect(result.exit).toBe(0);
    const progress = JSON.parse(readFileSync(join(home, ".progress.json"), "utf8"));
    expect(progress.exercises["06-cache/lru-cache"].hintsShown).toBe(1);
  }, 180_000);
});
