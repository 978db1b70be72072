/**
 * The progress file: atomic writes, and no lost update when several processes change it at once.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readProgress, updateProgress, withLock } from "../../course/progress-store.ts";
import { repoRoot } from "../../kit/settings.ts";

const scratchDirs: string[] = [];
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "ztm-progress-"));
  scratchDirs.push(dir);
  return join(dir, ".progress.json");
};

describe("progress store", () => {
  test("a missing file reads as empty progress; an update creates it, with no temporary left over", () => {
    const file = scratch();
    expect(readProgress(file)).toEqual({ version: 1, exercises: {}, quizzes: {} });
    updateProgress(file, (p) => (p.exercises["06-cache/lru-cache"] = { hintsShown: 1 }));
    expect(JSON.parse(readFileSync(file, "utf8")).exercises["06-cache/lru-cache"]).toEqual({ hintsShown: 1 });
    expect(readdirSync(join(file, "..")).sort()).toEqual([".progress.json"]);
  });

  test("a damaged file is kept aside and progress starts again instead of crashing", () => {
    const file = scratch();
    writeFileSync(file, "{ not json");
    expect(readProgress(file).exercises).toEqual({});
    expect(readdirSync(join(file, "..")).some((f) => f.startsWith(".progress.json.damaged-"))).toBe(true);
  });

  test("a stale lock left by a killed process is taken over", () => {
    const file = scratch();
    writeFileSync(`${file}.lock`, "99999");
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    expect(withLock(file, () => 42)).toBe(42);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  test("four processes incrementing at once lose no update, and the file is always whole JSON", async () => {
    const file = scratch();
    const workers = 4;
    const increments = 40;
    const child = `
      import { updateProgress } from ${JSON.stringify(join(repoRoot, "grader/course/progress-store.ts"))};
      for (let i = 0; i < ${increments}; i++) {
        updateProgress(${JSON.stringify(file)}, (p) => {
          const e = (p.exercises["x/y"] ??= { hintsShown: 0 });
          e.hintsShown = (e.hintsShown ?? 0) + 1;
          p.quizzes[String(process.pid)] = { score: i, total: ${increments}, best: i, takenAt: "" };
        });
      }`;
    const script = join(file, "..", "writer.mts");
    writeFileSync(script, child);
    // Meanwhile this process keeps reading: every read must parse.
    let reads = 0;
    const reader = setInterval(() => {
      if (existsSync(file)) {
        JSON.parse(readFileSync(file, "utf8"));
        reads += 1;
      }
    }, 2);
    const codes = await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<number | null>((resolve) => {
          // TMPDIR: tsx keeps its cache in a tsx-<uid> folder there; this one is removed with the scratch.
          const p = spawn(process.execPath, ["--import", "tsx", script], { cwd: repoRoot, stdio: "inherit", env: { ...process.env, TMPDIR: dirname(file) } });
          const kill = setTimeout(() => p.kill("SIGKILL"), 100_000);
          p.on("exit", (code) => {
            clearTimeout(kill);
            resolve(code);
          });
        }),
      ),
    );
    clearInterval(reader);
    expect(codes).toEqual(Array(workers).fill(0));
    const progress = readProgress(file);
    expect(progress.exercises["x/y"].hintsShown).toBe(workers * increments);
    expect(Object.keys(progress.quizzes)).toHaveLength(workers);
    expect(reads).toBeGreaterThan(0);
  }, 120_000);
});
