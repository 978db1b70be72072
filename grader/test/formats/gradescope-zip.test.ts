/**
 * The Gradescope autograder zip, run as Gradescope runs it: unpacked into a stand-in for
 * /autograder (AUTOGRADER_ROOT), run_autograder once per upload layout, results.json read back.
 * Also: its secret seed is unreadable to other users, and a zip built without --seed regrades the
 * same submission to the same score.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildAutograderZip, parsePackageArgs } from "../../package/gradescope.ts";
import { mutate } from "../../kit/mutants.ts";
import { environmentWithoutRunSettings, repoRoot } from "../../kit/settings.ts";
import mutants from "../../mutants/06-cache/lru-cache.ts";
import { solutionOf } from "../helpers.ts";

const ID = "06-cache/lru-cache";
const scratch = mkdtempSync(join(tmpdir(), "ztm-gradescope-test-"));
chmodSync(scratch, 0o755); // so that only the seed file's own mode keeps other users out
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Unpacks `zip` as Gradescope does, into scratch/NAME/source. */
function unpack(zip: Uint8Array, name: string): string {
  const root = join(scratch, name);
  for (const [file, bytes] of Object.entries(unzipSync(zip))) {
    mkdirSync(join(root, "source", file, ".."), { recursive: true });
    writeFileSync(join(root, "source", file), bytes);
  }
  symlinkSync(join(repoRoot, "node_modules"), join(root, "source", "node_modules")); // what setup.sh's npm ci provides
  return root;
}

/** Runs run_autograder on `files` as the upload; returns results.json. */
function runAutograder(root: string, files: Record<string, string>) {
  rmSync(join(root, "submission"), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, "submission", name, ".."), { recursive: true });
    writeFileSync(join(root, "submission", name), text);
  }
  mkdirSync(join(root, "submission"), { recursive: true });
  const run = spawnSync("bash", [join(root, "source", "run_autograder")], { env: { ...environmentWithoutRunSettings(), AUTOGRADER_ROOT: root }, encoding: "utf8", timeout: 600_000 });
  expect(run.status).toBe(0);
  return JSON.parse(readFileSync(join(root, "results", "results.json"), "utf8"));
}

const solved = solutionOf(ID);
let root: string;
beforeAll(() => {
  const zip = buildAutograderZip({ runs: 30, ids: [ID] });
  const names = Object.keys(unzipSync(zip));
  expect(names).toEqual(expect.arrayContaining(["setup.sh", "run_autograder", "package-lock.json", "grading-seed"]));
  expect(names.filter((n) => n.startsWith("solutions/") || n.startsWith("grader/mutants/") || n.startsWith("grader/test/"))).toEqual([]);
  root = unpack(zip, "assignment");
});

describe("Gradescope autograder zip", () => {
  test.each([
    ["the repository's layout", { [`exercises/${ID}.ts`]: solved }],
    ['GitHub\'s "Download ZIP" (one top folder)', { [`zero-to-millions-main/exercises/${ID}.ts`]: solved, "zero-to-millions-main/README.md": "x" }],
  ])("%s: found and graded, scored out of the assignment's own exercises", (_layout, files) => {
    const results = runAutograder(root, files);
    expect(results.tests.length).toBeGreaterThan(1);
    expect(results.tests.every((t: any) => t.name.startsWith(ID) && t.status === "passed")).toBe(true);
    expect(results.score).toBe(results.max_score);
  });

  test("the bare exercise file: found and graded; built without --seed, a regrade of the same submission gives the same results", () => {
    // A buggy file whose failing scenario depends on the seed (get-does-not-touch: which key the
    // shrunk counterexample hits differs from seed to seed); a stub fails the same way at every
    // seed, so it could not show a seed that changes between runs. Its first grading also proves
    // the bare layout: only the uploaded file's own code can score above 0 and below full marks
    // (a file not found scores 0 with no tests; the stub or the solution would not land between).
    const buggy = mutate(ID, mutants.mutants.find((m) => m.name === "get-does-not-touch")!);
    const untimed = (r: any) => ({ ...r, execution_time: 0 });
    const first = runAutograder(root, { "lru-cache.ts": buggy });
    expect(first.tests.length).toBeGreaterThan(1);
    expect(first.tests.every((t: any) => t.name.startsWith(ID))).toBe(true);
    expect(first.tests.some((t: any) => t.status === "passed")).toBe(true);
    expect(first.score).toBeLessThan(first.max_score);
    expect(first.score).toBeGreaterThan(0);
    // Scored out of the assignment's own exercises: its tests, all named for ID, make up max_score.
    expect(first.tests.reduce((sum: number, t: any) => sum + t.max_score, 0)).toBe(first.max_score);
    expect(untimed(runAutograder(root, { "lru-cache.ts": buggy }))).toEqual(untimed(first));
    expect(readFileSync(join(root, "source", "grading-seed"), "utf8")).toMatch(/^\d+\n$/);
  });

  test("nothing found: score 0 and a student-visible message naming the file to upload", () => {
    const results = runAutograder(root, { "notes.txt": "hello" });
    expect(results).toMatchObject({ score: 0, visibility: "visible", tests: [] });
    expect(results.output).toContain("No exercise file was found");
    expect(results.output).toContain("lru-cache.ts");
  });

  test("the baked seed is root's alone: another user cannot read it", () => {
    runAutograder(root, {}); // run_autograder sets the seed's owner and mode, whatever unzip did
    const seed = join(root, "source", "grading-seed");
    expect(statSync(seed).mode & 0o777).toBe(0o600);
    expect(statSync(seed).uid).toBe(0);
    const asNobody = (file: string) => spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "cat", file]).status;
    expect(asNobody(seed)).not.toBe(0);
    expect(asNobody(join(root, "source", "package.json"))).toBe(0); // the same user reads what it may
  });

  test("package:gradescope arguments: ids and chapters, --visibility, clear usage errors", () => {
    expect(parsePackageArgs(["06", "--visibility", "hidden"])).toMatchObject({ visibility: "hidden", ids: ["06-cache/lru-cache", "06-cache/ttl-cache", "06-cache/read-through"] });
    for (const bad of [["--bogus"], ["--visibility", "sometimes"], ["--runs", "0"], ["99-nothing"]]) {
      const run = spawnSync("node", [join(repoRoot, "grader/bin/package-gradescope.mjs"), ...bad, "--out", join(scratch, "x.zip")], { encoding: "utf8" });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("Usage: npm run package:gradescope");
      expect(run.stderr).not.toContain("ERR_PARSE_ARGS");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
