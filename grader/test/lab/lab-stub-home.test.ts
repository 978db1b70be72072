/**
 * A learner who has just cloned the course: the untouched stubs in exercises/ and no progress.
 * `npm run course -- lab` (the real CLI, default scenario) exits 0 with every stage locked but
 * chapter 01's baseline, which runs on the lab's built-in DNS resolver, so no check is run.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { environmentWithoutRunSettings, repoRoot } from "../../kit/settings.ts";
import type { LabReport } from "../../lab/report.ts";

const home = mkdtempSync(join(tmpdir(), "ztm-lab-home-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

test("a stub-only home: exit 0, chapter 01's baseline in, every other stage locked, no check run", () => {
  cpSync(join(repoRoot, "exercises"), join(home, "exercises"), { recursive: true });
  const json = join(home, "lab.json");
  const run = spawnSync(process.execPath, ["grader/bin/course.mjs", "lab", "--json", json], {
    cwd: repoRoot,
    env: { ...environmentWithoutRunSettings(), ZTM_COURSE_HOME: home, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
  expect(run.status).toBe(0);
  const report: LabReport = JSON.parse(readFileSync(json, "utf8"));
  expect(report.scenario).toBe("diurnal-day");
  expect(report.source).toBe("learner");
  const [baseline, ...rest] = report.stages;
  expect(baseline!.chapter).toBe("01-single-server");
  expect(baseline!.status).toBe("in");
  expect(baseline!.note).toMatch(/built-in DNS resolver/);
  expect(baseline!.metrics.requests).toBe(report.requests);
  expect(rest).toHaveLength(11);
  for (const stage of rest) {
    expect(stage.status, stage.chapter).toBe("locked");
    expect(stage.reason, stage.chapter).toMatch(/not pass/);
    expect(stage.metrics).toEqual({});
  }
  expect(report.checks).toEqual([]);
  // Every check belongs to a locked stage (or to chapter 01, which the built-in resolver stands in for).
  expect(report.skippedChecks!.length).toBeGreaterThan(11);
  expect(new Set(report.skippedChecks!.map((c) => c.chapter)).size).toBe(12);
  expect(run.stdout).toContain("locked: ");
  // The stubs stay as they were: the lab writes nothing into the learner's home but the JSON asked for.
  expect(spawnSync("diff", ["-r", join(repoRoot, "exercises"), join(home, "exercises")]).status).toBe(0);
});
