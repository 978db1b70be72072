/**
 * Watch mode end to end, without a terminal: the real CLI watches a scratch copy of exercises/,
 * and the test saves files the way an editor does and reads stdout. It checks the stub line, a
 * syntax error mid-edit, the first failing property with its scenario, a pass that moves on to
 * the next exercise, and `q` to quit. It also times every save until its result line appears and
 * prints the median (the latency the brief asks for; asserted only loosely, as CI machines vary).
 * `npm run bench` times saves the same way (timedSave, grader/bench/learner-cli.ts).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { MutantSet } from "../../kit/mutants.ts";
import { mutate } from "../../kit/mutants.ts";
import { repoRoot } from "../../kit/settings.ts";
import { courseSpawn, makeHome, screen, timedSave } from "./helpers.ts";

const LRU = "06-cache/lru-cache";
const children: ReturnType<typeof courseSpawn>[] = [];
const homes: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});
const progressOf = (home: string) => (existsSync(join(home, ".progress.json")) ? JSON.parse(readFileSync(join(home, ".progress.json"), "utf8")) : { exercises: {} });

describe("watch", () => {
  test("stub, syntax error, first failing property, pass → next exercise, q; with save-to-result latency", async () => {
    const home = makeHome();
    homes.push(home);
    const file = join(home, "exercises", `${LRU}.ts`);
    const solution = readFileSync(join(repoRoot, "solutions", `${LRU}.ts`), "utf8");
    const mutants = (await import(join(repoRoot, "grader/mutants", `${LRU}.ts`))).default as MutantSet;
    const buggy = mutate(LRU, mutants.mutants.find((m) => m.name === "get-does-not-touch")!);

    // No id: watch picks the exercise last worked on while unfinished (else the first unfinished).
    writeFileSync(join(home, ".progress.json"), JSON.stringify({ version: 1, exercises: {}, quizzes: {}, last: { chapter: "06-cache", exercise: LRU } }));
    const child = courseSpawn(home, ["watch", "--seed", "7"]);
    children.push(child);
    const s = screen(child);
    await s.waitFor(/still the stub/, 0, 90_000);
    expect(s.text).toContain("watching exercises/06-cache/lru-cache.ts");

    const latencies: number[] = [];
    const save = async (text: string, pattern: RegExp) => {
      const { ms, shown } = await timedSave(s, file, text, pattern); // ~150 ms after the last result
      latencies.push(ms);
      return shown;
    };

    const broken = await save("export class LruCache {\n  get( {\n}\n", /cannot be graded yet[\s\S]*\n\n/);
    expect(broken).toMatch(/could not be loaded|does not compile/);

    const failing = await save(buggy, /the most specific failing rule:[\s\S]*Replay:/);
    expect(failing).toMatch(/✗ 06-cache\/lru-cache · \d+ of \d+ properties pass; shown first, the most specific failing rule:\n  \d+\. /);
    expect(failing).toContain("Smallest failing scenario:");
    expect(failing).toMatch(/Expected: .*\n\s+Actual:/);

    // Two more edits, for a median of five saves (each one is a grading of the whole exercise).
    for (let i = 0; i < 2; i++) await save(`${buggy}\n// edit ${i}\n`, /the most specific failing rule:[\s\S]*Replay:/);

    const from = s.mark();
    const passing = await save(solution, /every property passes/);
    expect(passing).toContain("✓ 06-cache/lru-cache · LRU cache");
    await s.waitFor(/On to the next exercise: 06-cache\/ttl-cache[\s\S]*ttl-cache\.ts is still the stub/, from);
    const progress = JSON.parse(readFileSync(join(home, ".progress.json"), "utf8"));
    expect(progress.exercises[LRU]).toMatchObject({ passed: true });
    expect(progress.last.exercise).toBe("06-cache/ttl-cache");
    // Arriving at the next stub is not working on it: no grade recorded for it.
    expect(progress.exercises["06-cache/ttl-cache"]).toBeUndefined();

    child.stdin!.write("q\n");
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(s.text).toContain("Stopped watching");

    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`watch: save → result latency, ms: ${latencies.map(Math.round).join(", ")} · median ${Math.round(median)}`);
    expect(median).toBeLessThan(15_000); // loose: proves one live session, not a fresh vitest per save
  }, 240_000);

  test("an exercise named on the command line stays watched after it passes; h hints the exercise on screen", async () => {
    const home = makeHome();
    homes.push(home);
    const file = join(home, "exercises", `${LRU}.ts`);
    const solution = readFileSync(join(repoRoot, "solutions", `${LRU}.ts`), "utf8");
    const child = courseSpawn(home, ["watch", LRU, "--seed", "7"]);
    children.push(child);
    const s = screen(child);
    await s.waitFor(/still the stub/, 0, 90_000);
    // The grade on arrival at an untouched stub is not recorded.
    expect(progressOf(home).exercises[LRU]?.lastGradedAt).toBeUndefined();

    let from = s.mark();
    await timedSave(s, file, solution, /every property passes/);
    await s.waitFor(/Staying on 06-cache\/lru-cache/, from);
    expect(s.text.slice(from)).not.toContain("On to the next exercise");

    from = s.mark();
    child.stdin!.write("h");
    await s.waitFor(/Hint 1 of \d+[\s\S]*hint 06-cache\/lru-cache/, from);

    // Still watching it: a refactor (any change) grades the same exercise again.
    from = s.mark();
    await timedSave(s, file, `${solution}\n// refactored\n`, /every property passes/);
    expect(s.text.slice(from)).toContain("✓ 06-cache/lru-cache");

    child.stdin!.write("q\n");
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
    const progress = JSON.parse(readFileSync(join(home, ".progress.json"), "utf8"));
    expect(progress.exercises[LRU]).toMatchObject({ passed: true, hintsShown: 1 });
    expect(progress.exercises["06-cache/ttl-cache"]).toBeUndefined();
  }, 240_000);
});
