/**
 * Exercism's test-runner contract, driven as Exercism drives it: `bin/run.sh SLUG INPUT_DIR
 * OUTPUT_DIR`, exit 0 whenever results.json is written, results per interface.md v3 ("error"
 * only when nothing could run; paths relative to the solution directory; stable task_id).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { allExercises, loadCourse } from "../../manifest/load.ts";
import { environmentWithoutRunSettings, repoRoot } from "../../kit/settings.ts";
import { solutionOf } from "../helpers.ts";

const runSh = join(repoRoot, "grader/engine/formats/exercism-runner/bin/run.sh");
const scratch = mkdtempSync(join(tmpdir(), "ztm-exercism-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lays out `files` in a fresh solution folder and runs the runner on it. */
function runOn(slug: string, files: Record<string, string>, args?: string[]) {
  const dir = mkdtempSync(join(scratch, "case-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, "in", name, ".."), { recursive: true });
    writeFileSync(join(dir, "in", name), text);
  }
  mkdirSync(join(dir, "in"), { recursive: true });
  const run = spawnSync("bash", [runSh, ...(args ?? [slug, join(dir, "in"), join(dir, "out")])], { encoding: "utf8", env: environmentWithoutRunSettings(), timeout: 300_000 });
  const results = run.status === 0 ? JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8")) : undefined;
  return { status: run.status, results, stderr: run.stderr };
}

const lruTask = allExercises(loadCourse()).findIndex(({ exercise }) => exercise.id === "06-cache/lru-cache") + 1;

describe("Exercism bin/run.sh", () => {
  test("the course's layout, solved: exit 0, status pass, task_id = place in the course", () => {
    const { status, results } = runOn("lru-cache", { "exercises/06-cache/lru-cache.ts": solutionOf("06-cache/lru-cache") });
    expect(status).toBe(0);
    expect(results.version).toBe(3);
    expect(results.status).toBe("pass");
    expect(results.tests.length).toBeGreaterThan(1);
    expect(results.tests.every((t: any) => t.task_id === lruTask && t.status === "pass")).toBe(true);
  });

  test("a bare file that does not compile: status error, paths relative to the solution folder", () => {
    const { status, results } = runOn("lru-cache", { "lru-cache.ts": "export class LruCache {\n  get( {\n" });
    expect(status).toBe(0);
    expect(results.status).toBe("error");
    expect(results.message).toContain("lru-cache.ts");
    expect(JSON.stringify(results)).not.toMatch(/\/tmp\/|ztm-exercism|file:\/\//);
  });

  test("the stub (some properties fail): status fail, every failing test has a message", () => {
    const stub = readFileSync(join(repoRoot, "exercises/06-cache/lru-cache.ts"), "utf8");
    const { status, results } = runOn("06-cache-lru-cache", { "src/lru-cache.ts": stub });
    expect(status).toBe(0);
    expect(results.status).toBe("fail");
    for (const t of results.tests) if (t.status !== "pass") expect(typeof t.message).toBe("string");
  });

  test("no such file, no such slug: results.json says so, exit 0; wrong arguments: exit 2", () => {
    const missing = runOn("lru-cache", { "README.md": "hi" });
    expect(missing.status).toBe(0);
    expect(missing.results).toMatchObject({ version: 3, status: "error", tests: [] });
    expect(missing.results.message).toContain("lru-cache.ts");
    expect(runOn("no-such-exercise", {}).results.status).toBe("error");
    expect(runOn("", {}, ["only-one"]).status).toBe(2);
  });
});
