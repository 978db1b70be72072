/**
 * `--format github` within GitHub's limits (10 error annotations a step), with positions on
 * syntax errors, and annotations plus a job summary under --submission although the sandbox
 * never sees GITHUB_ACTIONS or GITHUB_STEP_SUMMARY.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ANNOTATION_LIMIT, githubAnnotations, githubSummary } from "../../engine/formats/github.ts";
import type { GradeReport } from "../../engine/results.ts";
import { grade } from "../helpers.ts";
import { contextOf, sampleReport } from "./sample.ts";

const scratch = mkdtempSync(join(tmpdir(), "ztm-github-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 24 exercises, every property failing: what a fresh copy of the stubs gives. */
function allFailing(): GradeReport {
  const exercise = sampleReport.exercises[0];
  const properties = exercise.properties.map((p) => ({ ...p, status: "fail" as const, points: 0, message: `broke ${p.index}` }));
  return { ...sampleReport, exercises: Array.from({ length: 24 }, (_, i) => ({ ...exercise, id: `${String(i + 1).padStart(2, "0")}-x/y`, status: "fail" as const, properties })) };
}

describe("GitHub Actions format", () => {
  test("at most 10 annotations, one per exercise in course order; the summary lists every failure", () => {
    const report = allFailing();
    const annotations = githubAnnotations(contextOf(report));
    expect(annotations).toHaveLength(ANNOTATION_LIMIT);
    expect(annotations.map((a) => a.match(/title=([^,:]+)/)![1].split(" ")[0])).toEqual(report.exercises.slice(0, 10).map((e) => e.id));
    const summary = githubSummary({ report });
    const failures = report.exercises.reduce((n, e) => n + e.properties.length, 0);
    expect(summary.split("\n").filter((l) => l.startsWith("| `")).length).toBe(failures);
  });

  test("a syntax error is annotated at its line and column", () => {
    const report = structuredClone(sampleReport);
    report.exercises[0] = { ...report.exercises[0], status: "error", reason: "x.ts could not be loaded: SyntaxError: Expected `}` but found `EOF` (line 2, column 10)" };
    expect(githubAnnotations(contextOf(report))[0]).toMatch(/^::error file=exercises\/06-cache\/lru-cache\.ts,line=2,col=10,title=/);
  });

  test("under --submission (sandboxed), annotations and the job summary still reach GitHub", () => {
    const submission = join(scratch, "submission");
    mkdirSync(join(submission, "exercises", "06-cache"), { recursive: true });
    writeFileSync(join(submission, "exercises", "06-cache", "lru-cache.ts"), "export class LruCache {\n  get( {\n");
    const summary = join(scratch, "summary.md");
    writeFileSync(summary, "");
    const run = grade(["06-cache/lru-cache", "--submission", submission, "--format", "github"], 120_000, { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary });
    const annotations = run.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/file=.*exercises\/06-cache\/lru-cache\.ts,line=2,col=\d+,title=/);
    expect(readFileSync(summary, "utf8")).toContain("### zero-to-millions: 0/");
  });
});
