/**
 * The grading engine end to end: the real CLI on submissions broken in every way the brief
 * names. Each broken exercise must become that exercise's fail or error with a reason, while the
 * other exercises of the same run are still graded.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { grade, makeSubmission as makeSubmissionFolder, solutionOf } from "./helpers.ts";

const LRU = "06-cache/lru-cache";
const TTL = "06-cache/ttl-cache";
const READ = "06-cache/read-through";
const exercise = (run: ReturnType<typeof grade>, id: string) => run.report?.exercises.find((e) => e.id === id);
// Where a test's claim is about how a run treats broken or hostile files, not about the
// solutions' correctness (the chapter self-tests prove that at 20 seeds), the files that must
// pass are graded at 20 runs a property instead of 100: the same code paths, a fifth of the work.
const FEW_RUNS = ["--runs", "20"];
// An endless loop spins a core until the watchdog stops it (the limit plus 1 s of grace). Not
// shorter where a correct file sits beside the loop: at 2000 ms the correct file beside the loop
// failed once on this 2-core machine under a load average of 25.
const LOOP_LIMIT_MS = 4000;
// Where no file of the run has to pass, the limit only has to outlast loading a small file: the
// sandbox test (sandbox/hostile.test.ts) loads every attack under 2000 ms, four runs at a time.
const LOOP_ALONE_LIMIT_MS = 2000;

const submissions: string[] = [];
const makeSubmission = (files: Record<string, string>) => {
  const dir = makeSubmissionFolder(files);
  submissions.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of submissions) rmSync(dir, { recursive: true, force: true });
});

describe("grade CLI", () => {
  test("the reference solutions get full marks and exit 0", () => {
    // 20 runs a property, not 100: the claim is that the CLI grades --solutions and reports full
    // marks with exit 0; a property that fails a solution at any run fails this too, and the
    // chapter self-tests hold the solutions to every property at 20 seeds.
    const run = grade(["06", "--solutions", "--seed", "11", ...FEW_RUNS]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.report?.score).toBe(run.report?.maxScore);
    expect(run.report?.maxScore).toBeGreaterThan(0);
    expect(run.stdout).toContain("3 of 3 exercises pass");
  });

  test("untouched stubs score 0 with one readable line each, and exit 1", () => {
    const run = grade(["06-cache", "--seed", "11"]);
    expect(run.status).toBe(1);
    expect(run.report?.score).toBe(0);
    expect(run.report?.exercises.map((e) => e.status)).toEqual(["fail", "fail", "fail"]);
    expect(run.stdout).toContain("not started: exercises/06-cache/lru-cache.ts is still the stub");
    expect(run.stdout).not.toMatch(/\n\s+at /); // no stack traces
  });

  test("an endless loop, a syntax error and a correct file in one submission: each graded on its own", () => {
    const looping = solutionOf(TTL).replace("  get(key: K): V | undefined {\n", "  get(key: K): V | undefined {\n    while (key === key) {}\n");
    const dir = makeSubmission({ [LRU]: solutionOf(LRU), [TTL]: looping, [READ]: "export class ReadThroughCache {\n  get( {\n}\n" });
    const run = grade(["06", "--submission", dir, "--seed", "3", "--timeout", String(LOOP_LIMIT_MS), ...FEW_RUNS]);
    expect(run.status).toBe(1);
    expect(exercise(run, LRU)).toMatchObject({ status: "pass" });
    const ttl = exercise(run, TTL)!;
    expect(ttl.status).toBe("fail");
    expect(ttl.properties.find((p) => p.status === "fail")?.message).toMatch(new RegExp(`did not finish within ${LOOP_LIMIT_MS} ms`));
    // the stopped worker is explained by that property, not again as an error from nowhere
    expect(run.stdout).not.toMatch(/could not be tied to an exercise/);
    const read = exercise(run, READ)!;
    expect(read.status).toBe("error");
    expect(read.reason).toMatch(/could not be loaded: SyntaxError: .+ \(line \d+, column \d+\)$/);
  });

  test("a neighbour's leftover timer never costs marks: an exercise with an escaped error is graded again alone", () => {
    // One worker runs all three files in turn; the first leaves a timer that rejects forever.
    // Workers are shared only outside the sandbox (a learner grading their own exercises/), so
    // this run skips it the way the sandbox's own inner run does.
    const leaky = `${solutionOf(LRU)}\nsetInterval(() => void Promise.reject(new Error("leftover timer")), 1);\n`;
    const dir = makeSubmission({ [LRU]: leaky, [TTL]: solutionOf(TTL), [READ]: solutionOf(READ) });
    const run = grade(["06", "--submission", dir, "--seed", "3", "--workers", "1", "--no-typecheck", ...FEW_RUNS], 120_000, { ZTM_SANDBOX_INSIDE: "1" });
    expect(exercise(run, LRU)?.reason).toMatch(/an error escaped your code during grading: Error: leftover timer/);
    expect(exercise(run, TTL)).toMatchObject({ status: "pass" });
    expect(exercise(run, READ)).toMatchObject({ status: "pass" });
  });

  test("a neighbour cannot change the built-ins: its patch throws in its own module, and the others pass", () => {
    // The first file tries to reverse Map key order for everyone after it in the same worker; the
    // other two evict by Map key order, so they would fail if it worked. The realm is locked down
    // (grader/kit/boundary/realm.ts): the assignment throws while the patching module loads.
    const patch = "const keysOf = Map.prototype.keys;\nMap.prototype.keys = function () { return [...keysOf.call(this)].reverse()[Symbol.iterator](); };\n";
    const dir = makeSubmission({ [LRU]: `${solutionOf(LRU)}\n${patch}`, [TTL]: solutionOf(TTL), [READ]: solutionOf(READ) });
    const run = grade(["06", "--submission", dir, "--seed", "3", "--workers", "1", "--no-typecheck", ...FEW_RUNS], 120_000, { ZTM_SANDBOX_INSIDE: "1" });
    expect(exercise(run, LRU)).toMatchObject({ status: "error", reason: expect.stringMatching(/read only property 'keys'/) });
    expect(exercise(run, TTL)).toMatchObject({ status: "pass" });
    expect(exercise(run, READ)).toMatchObject({ status: "pass" });
  });

  test("an exception at import, a missing export and an endless loop at import are errors with reasons", () => {
    const dir = makeSubmission({
      [LRU]: 'throw new Error("boom at import");\nexport class LruCache {}\n',
      [TTL]: "export class SomethingElse {}\n",
      [READ]: "while (true) {}\nexport class ReadThroughCache {}\n",
    });
    const run = grade(["06", "--submission", dir, "--seed", "3", "--timeout", String(LOOP_ALONE_LIMIT_MS), "--no-typecheck"]);
    expect(run.status).toBe(1);
    expect(exercise(run, LRU)?.reason).toMatch(/boom at import/);
    expect(exercise(run, TTL)?.reason).toMatch(/does not export TtlCache/);
    expect(exercise(run, READ)?.reason).toMatch(new RegExp(`did not finish within ${LOOP_ALONE_LIMIT_MS} ms: is there an endless loop at the top level`));
    expect(run.report?.exercises.every((e) => e.status === "error" && e.score === 0)).toBe(true);
  });

  // One sandboxed run serves the next two tests: each asserts on its own exercise of the report.
  describe("one submission with a type error, a copied solution and an untouched stub", () => {
    let run: ReturnType<typeof grade>;
    beforeAll(() => {
      const typeError = solutionOf(LRU).replace("  has(key: K): boolean {\n", '  has(key: K): boolean {\n    const wrong: number = "text";\n    console.log("debugging has", wrong);\n');
      const dir = makeSubmission({ [LRU]: typeError, [TTL]: solutionOf(TTL) });
      run = grade(["06", "--submission", dir, "--seed", "9", ...FEW_RUNS]);
    }, 300_000);

    test("a type error makes the exercise an error, and the learner's output is kept apart", () => {
      const lru = exercise(run, LRU)!;
      expect(lru.status).toBe("error");
      expect(lru.reason).toMatch(/does not compile[\s\S]*TS2322/);
      expect(lru.output).toContain("debugging has");
      expect(exercise(run, TTL)?.output ?? "").not.toContain("debugging has");
      expect(run.stdout).toMatch(/your code printed:\n\s+│ debugging has/);
    });

    test("copying one solution into exercises/ makes exactly that exercise pass", () => {
      expect(run.report?.exercises.map((e) => [e.id, e.status])).toEqual([[LRU, "error"], [TTL, "pass"], [READ, "fail"]]);
    });
  });

  test("the same seed gives the same result (the report, and JUnit apart from its timings), and the replay command reproduces the failure", () => {
    // Both runs print JUnit too (the --json report is written either way): two gradings prove
    // both formats deterministic, where formats.test.ts graded twice more for JUnit alone.
    const args = [LRU, "--mutant", "get-does-not-touch", "--seed", "21", "--format", "junit"];
    const first = grade(args);
    const second = grade(args);
    const strip = (r: typeof first) => JSON.stringify(r.report, (k, v) => (k === "durationMs" ? undefined : v));
    expect(strip(first)).toBe(strip(second));
    const untimed = (xml: string) => xml.replace(/time="[\d.]+"/g, 'time=""');
    expect(first.stdout).toMatch(/^<\?xml [\s\S]*<failure /);
    expect(untimed(first.stdout)).toBe(untimed(second.stdout));
    expect(first.report?.seed).toBe(21);
    const failing = first.report!.exercises[0].properties.find((p) => p.status === "fail")!;
    expect(failing.replay).toMatch(/^npm run grade -- 06-cache\/lru-cache --mutant get-does-not-touch --property \d+ --seed 21 --path \S+$/);
    const replayArgs = failing.replay!.replace("npm run grade -- ", "").split(" ");
    const replayed = grade(replayArgs);
    const again = replayed.report!.exercises[0].properties;
    expect(again).toHaveLength(1);
    expect(again[0].failure?.steps).toEqual(failing.failure?.steps);
  });

  test("bad usage exits 2 and lists what exists", () => {
    const unknown = grade(["07-nowhere"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("06-cache/lru-cache");
    const missing = grade(["06", "--submission", "/nonexistent/dir"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/exercises\/ folder/);
    const flag = grade(["--frobnicate"]);
    expect(flag.status).toBe(2);
  });
});
