/**
 * Report formats for automated graders: each checked against its published field list, the
 * committed samples in docs/formats/ included; renderers are pure functions of the report (so
 * one seed gives byte-identical output apart from timings); the hidden seed never leaks. Each
 * format's real consumer is driven in grader/test/formats/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { renderFormat, type FormatContext } from "../engine/formats/index.ts";
import type { GradeReport } from "../engine/results.ts";
import { repoRoot } from "../kit/settings.ts";
import { grade } from "./helpers.ts";

const docs = (name: string) => readFileSync(join(repoRoot, "docs", "formats", name), "utf8");
const sampleReport = JSON.parse(docs("sample.json.json")) as GradeReport;

function contextOf(report: GradeReport): FormatContext {
  return {
    report,
    human: "human report",
    files: new Map(report.exercises.map((e) => [e.id, `exercises/${e.id}.ts`])),
    testCode: (id, name) => `// ${id}: ${name}`,
    elapsedSeconds: 1.5,
    visibility: "after_due_date",
    courseIds: report.exercises.map((e) => e.id),
  };
}

/** An error report: the exercise did not load. */
const erroredReport: GradeReport = {
  ...sampleReport,
  score: 0,
  exercises: [{ ...sampleReport.exercises[0], status: "error", score: 0, reason: "exercises/06-cache/lru-cache.ts could not be loaded: SyntaxError: Unexpected token", output: "x".repeat(900) }],
};

function checkExercism(results: any): void {
  expect(Object.keys(results).sort()).toEqual(results.status === "error" ? ["message", "status", "tests", "version"] : ["status", "tests", "version"]);
  expect(results.version).toBe(3);
  expect(["pass", "fail", "error"]).toContain(results.status);
  for (const t of results.tests) {
    expect(typeof t.name).toBe("string");
    expect(["pass", "fail", "error"]).toContain(t.status);
    expect(typeof t.test_code).toBe("string");
    expect(Number.isInteger(t.task_id) && t.task_id >= 1).toBe(true);
    if (t.status === "pass") expect(t.message).toBeUndefined();
    else expect(typeof t.message).toBe("string");
    if (t.output !== undefined) expect(t.output.length).toBeLessThanOrEqual(500);
  }
}

function checkGradescope(results: any): void {
  for (const field of ["score", "max_score", "execution_time", "output", "tests"]) expect(results).toHaveProperty(field);
  for (const t of results.tests) {
    expect(Object.keys(t).sort()).toEqual(["max_score", "name", "output", "output_format", "score", "status", "visibility"]);
    expect(["passed", "failed"]).toContain(t.status);
    expect(["visible", "hidden", "after_due_date", "after_published"]).toContain(t.visibility);
    expect(t.score).toBeLessThanOrEqual(t.max_score);
  }
  expect(results.score).toBe(results.tests.reduce((n: number, t: any) => n + t.score, 0));
}

function checkJunit(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  const cases = xml.match(/<testcase /g)?.length ?? 0;
  expect(xml).toMatch(new RegExp(`<testsuites name="zero-to-millions" tests="${cases}"`));
  expect(xml.match(/<testsuite /g)?.length).toBe(xml.match(/<\/testsuite>/g)?.length);
  expect(xml).not.toMatch(/<(?!\/?(testsuites|testsuite|testcase|failure|error|system-out)\b|\?xml)/);
}

describe("report formats", () => {
  test("the committed samples match their published field lists", () => {
    checkExercism(JSON.parse(docs("sample.exercism.json")));
    checkGradescope(JSON.parse(docs("sample.gradescope.json")));
    checkJunit(docs("sample.junit.xml"));
    expect(docs("sample.github.txt")).toMatch(/^::error file=solutions\/06-cache\/lru-cache\.ts,title=.*::.*%0A/m);
    expect(sampleReport.version).toBe(1);
  });

  test("an exercise that cannot load: Exercism top-level error with a message; JUnit <error>; output cut to 500", () => {
    const exercism = JSON.parse(renderFormat("exercism", contextOf(erroredReport)));
    checkExercism(exercism);
    expect(exercism.status).toBe("error");
    expect(exercism.message).toContain("could not be loaded");
    expect(exercism.tests[0].output).toMatch(/Output was truncated\. Please limit to 500 chars$/);
    const gradescope = JSON.parse(renderFormat("gradescope", contextOf(erroredReport)));
    checkGradescope(gradescope);
    expect(gradescope.score).toBe(0);
    expect(gradescope.tests[0].visibility).toBe("after_due_date");
    const junit = renderFormat("junit", contextOf(erroredReport));
    checkJunit(junit);
    expect(junit).toContain("<error message=");
  });

  test("renderers are pure: the same report renders byte for byte the same", () => {
    for (const format of ["json", "exercism", "gradescope", "junit", "classroom"] as const) {
      expect(renderFormat(format, contextOf(sampleReport))).toBe(renderFormat(format, contextOf(structuredClone(sampleReport))));
    }
  });

  test("XML and workflow-command escaping survive hostile text", () => {
    const hostile = structuredClone(sampleReport);
    hostile.exercises[0].properties[0].message = 'a <b> & "c" \u0007';
    hostile.exercises[0].output = "</system-out><evil/>";
    const junit = renderFormat("junit", contextOf(hostile));
    checkJunit(junit);
    expect(junit).toContain("a &lt;b&gt; &amp; &quot;c&quot; ");
    process.env.GITHUB_ACTIONS = "true";
    try {
      const lines = renderFormat("github", contextOf(hostile)).split("\n").filter((l) => l.startsWith("::error"));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).not.toMatch(/\n|\r/);
    } finally {
      delete process.env.GITHUB_ACTIONS;
    }
  });

  // "Graded twice with one seed, JUnit differs only in its timings" is checked on the two runs of
  // engine-cli.test.ts's same-seed test, which print JUnit: two gradings fewer here.

  test("a hidden seed is never printed and gives no replay command", () => {
    const dir = mkdtempSync(join(tmpdir(), "ztm-seed-"));
    writeFileSync(join(dir, "seed"), "987654321\n");
    const run = grade(["06-cache/lru-cache", "--mutant", "has-touches-recency", "--seed-file", join(dir, "seed")]);
    expect(run.status).toBe(1);
    expect(run.report?.seed).toBeNull();
    expect(run.stdout + JSON.stringify(run.report)).not.toContain("987654321");
    expect(run.stdout).toContain("seed hidden");
    expect(run.report?.exercises[0].properties.every((p) => p.replay === undefined)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
