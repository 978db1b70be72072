/**
 * warm-cache.ts: the reference solutions are graded outside the sandbox once per exercise (until
 * the sources change), one warm-up at a time, never again once stamped. A stand-in engine records
 * its arguments instead of grading, so this needs no sandbox and compiles nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { warmModuleCache } from "../../sandbox/warm-cache.ts";

const dir = mkdtempSync(join(tmpdir(), "ztm-warm-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = join(dir, "engine.log");
const stamp = join(dir, "stamp", "module-cache.json");
// node -e SCRIPT ARGS…: the stand-in writes one line per run.
const engine = ["-e", `require("node:fs").appendFileSync(${JSON.stringify(log)}, process.argv.slice(1).join(" ") + "\\n")`];
const runs = () => readFileSync(log, "utf8").trim().split("\n");

test("each exercise is warmed once, one warm-up at a time, and stamped", async () => {
  mkdirSync(join(repoRoot, "node_modules", ".experimental-vitest-cache"), { recursive: true }); // what the engine fills
  await Promise.all([
    warmModuleCache(["06-cache/ttl-cache"], engine, stamp),
    warmModuleCache(["06-cache/ttl-cache", "03-scaling/capacity-plan"], engine, stamp),
  ]);
  expect(runs()).toEqual([
    "06-cache/ttl-cache --solutions --property 1 --runs 1 --no-typecheck",
    "03-scaling/capacity-plan --solutions --property 1 --runs 1 --no-typecheck",
  ]);
  expect(Object.keys(JSON.parse(readFileSync(stamp, "utf8"))).sort()).toEqual(["03-scaling/capacity-plan", "06-cache/ttl-cache"]);

  await warmModuleCache(["03-scaling/capacity-plan", "06-cache/ttl-cache"], engine, stamp);
  expect(runs()).toHaveLength(2);
});

test("a warm-up that fails is not tried again by the same process", async () => {
  const crashes = ["-e", `require("node:fs").appendFileSync(${JSON.stringify(log)}, "crashed\\n"); process.exit(3)`];
  const before = runs().length;
  await warmModuleCache(["11-observability/alert-rule"], crashes, stamp);
  await warmModuleCache(["11-observability/alert-rule"], crashes, stamp);
  expect(runs().slice(before)).toEqual(["crashed"]);
  expect(Object.keys(JSON.parse(readFileSync(stamp, "utf8")))).not.toContain("11-observability/alert-rule");
});
