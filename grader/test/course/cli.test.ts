/**
 * The real CLI as a script or CI sees it (no terminal): `npm start` prints the overview and the
 * next step and exits 0 without waiting for input; bad arguments exit 2 listing what exists.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadCourse } from "../../manifest/load.ts";
import { captured, course, courseSpawn, makeHome } from "./helpers.ts";

describe("course CLI without a terminal", () => {
  test("npm start prints the progress overview and the next step, exits 0, and never waits for input", async () => {
    const child = courseSpawn(makeHome(), []); // stdin is a pipe held open: enquirer would hang here
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => {
      const kill = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
      child.on("exit", (c) => {
        clearTimeout(kill);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    expect(out).toContain("Scale From Zero To Millions Of Users");
    const first = loadCourse().chapters[0];
    expect(out).toMatch(/06-cache · Cache\s+0\/3 exercises/);
    expect(out).toContain(`Next: read the lesson (npm run course -- read ${first.id.slice(0, 2)}), then start ${first.exercises[0].id}`);
    expect(out).toContain("No terminal here");
  });

  test("progress and help exit 0", () => {
    const home = makeHome();
    expect(course(home, ["progress"]).status).toBe(0);
    const help = course(home, ["help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("watch [id]");
  });

  // Each bad argument through main() in this process (its return value is the exit code, the
  // message goes to console.error), after one through the real process shows that main's 2 is
  // what the shell gets: starting Node and the bundle for each case is ~0.5 s of CPU that proves
  // nothing more.
  test("a bad argument exits 2 from the real CLI, with the message on stderr", () => {
    const run = course(makeHome(), ["read", "99"]);
    expect(run.status, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(/"99" is not a chapter[\s\S]*06-cache {2}Cache/);
  });

  test.each([
    [["read", "99"], /"99" is not a chapter[\s\S]*06-cache {2}Cache/],
    [["quiz", "nope"], /"nope" is not a chapter/],
    [["hint", "06-cache/nope"], /is not an exercise[\s\S]*06-cache\/lru-cache/],
    [["watch", "nope"], /is not an exercise/],
    [["reset", "nope", "--yes"], /is not an exercise/],
    [["solution", "nope"], /is not an exercise/],
    [["grade", "nope"], /is not an exercise/],
    [["hint"], /needs an exercise id/],
    [["fly"], /"fly" is not a course command/],
    [["hint", "--bogus"], /Unknown option '--bogus'/],
  ])("%j exits 2 and says what exists", async (args, message) => {
    const home = makeHome();
    const { main } = await import("../../course/cli.ts");
    const before = process.env.ZTM_COURSE_HOME;
    process.env.ZTM_COURSE_HOME = home;
    try {
      const run = await captured(() => main(args));
      expect(run.value, run.out + run.err).toBe(2);
      expect(run.err).toMatch(message);
    } finally {
      if (before === undefined) delete process.env.ZTM_COURSE_HOME;
      else process.env.ZTM_COURSE_HOME = before;
    }
  });

  test("reset and solution refuse without a terminal and without --yes (exit 1, clear message)", () => {
    const home = makeHome();
    require_changed(home);
    const reset = course(home, ["reset", "06-cache/lru-cache"]);
    expect(reset.status).toBe(1);
    expect(reset.stderr).toContain("npm run course -- reset 06-cache/lru-cache --yes");
    const solution = course(home, ["solution", "06-cache/lru-cache"]);
    expect(solution.status).toBe(1);
    expect(solution.stderr).toContain("--yes");
    const quiz = course(home, ["quiz", "06"]);
    expect(quiz.status).toBe(1);
    expect(quiz.stderr).toContain("needs a terminal");
  });
});

function require_changed(home: string): void {
  writeFileSync(join(home, "exercises/06-cache/lru-cache.ts"), "// changed\n");
}
