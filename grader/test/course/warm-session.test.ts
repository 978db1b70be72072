/**
 * Watch mode's grading session (engine/session.ts with kit/warm-server.ts): one worker stays
 * alive between saves. These tests check what keeping it alive could break: every request sees
 * the file's current text, an endless loop costs only that save (and the next save gets a new
 * worker), the learner's console output reaches the result, and results match `npm run grade`'s.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openSession, type GradingSession } from "../../engine/session.ts";
import { repoRoot } from "../../kit/settings.ts";
import { allExercises, loadCourse } from "../../manifest/load.ts";
import { makeSubmission } from "../helpers.ts";

const LRU = "06-cache/lru-cache";
const entry = allExercises(loadCourse()).find((e) => e.exercise.id === LRU)!.exercise;
const solution = readFileSync(join(repoRoot, "solutions", `${LRU}.ts`), "utf8");
const stub = readFileSync(join(repoRoot, "exercises", `${LRU}.ts`), "utf8");
/** The solution with a line added at the top of `get`. */
const withInGet = (line: string) => solution.replace(/(get\(key: K\)[^{]*\{)/, `$1\n    ${line}`);

describe("the warm grading session", () => {
  let root: string;
  let session: GradingSession;
  const save = (text: string) => {
    writeFileSync(join(root, `${LRU}.ts`), text);
  };

  beforeAll(async () => {
    root = join(makeSubmission({}), "exercises");
    session = await openSession({ targetRoot: root, seed: 7, runs: 20, timeoutMs: 3000, bail: true });
  });
  afterAll(async () => {
    await session?.close();
    if (root) rmSync(dirname(root), { recursive: true, force: true });
  });

  test("each request grades the file's current text", async () => {
    save(stub);
    const first = await session.grade(entry);
    expect(first.status).toBe("fail");
    expect(first.properties[0].message).toBe("not implemented yet");

    save(solution);
    const second = await session.grade(entry);
    expect(second.properties.map((p) => p.status)).toEqual(second.properties.map(() => "pass"));
    expect(second.status).toBe("pass");

    save(stub);
    expect((await session.grade(entry)).status).toBe("fail");
  });

  test("the learner's console output is kept with the result, apart from the grader's", async () => {
    save(withInGet('console.log("looking up", key);'));
    const result = await session.grade(entry);
    expect(result.output).toContain("looking up");
  });

  test("an endless loop costs one save: that property times out, and the next save is graded", async () => {
    save(withInGet("while (key === key) {}"));
    const hung = await session.grade(entry);
    expect(hung.status).toBe("fail");
    const stopped = hung.properties.find((p) => p.status === "fail")!;
    expect(stopped.message).toMatch(/did not finish within 3000 ms/);

    save(solution);
    expect((await session.grade(entry)).status).toBe("pass");
  });

  test("a syntax error is this save's error, not the session's", async () => {
    save("export class LruCache {\n  get( {\n}\n");
    const broken = await session.grade(entry);
    expect(broken.status).toBe("error");
    expect(broken.reason).toMatch(/could not be loaded: SyntaxError: .+ \(line 3, column \d+\)$/);

    save(solution);
    expect((await session.grade(entry)).status).toBe("pass");
  });
});
