/** A student whose submission is missing keeps a gradebook row: score 0, status "missing". */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { parseCsv } from "../../cohort/csv.ts";
import { gradebookColumns, gradebookCsv } from "../../cohort/gradebook.ts";
import type { ReportContext } from "../../cohort/report-context.ts";
import { parseRoster } from "../../cohort/roster.ts";
import type { StudentResult } from "../../cohort/student-result.ts";

const dir = mkdtempSync(join(tmpdir(), "ztm-missing-row-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("roster rows without a submission get score 0 and status missing, in roster order; bad rows do not", () => {
  mkdirSync(join(dir, "s1"));
  const roster = parseRoster(["student_id,name,email,submission", "s2,Two,2@x,nowhere", "s1,One,1@x,s1", "s3,Three,3@x,", "s1,Again,4@x,s1"].join("\n"), join(dir, "roster.csv"));
  const context: ReportContext = {
    version: 1, cohortName: "c", latePolicy: { mode: "none" } as unknown as ReportContext["latePolicy"], runs: 10, rosterFile: "roster.csv",
    assignments: [{ name: "a", deadline: "2026-01-01T00:00:00Z", exerciseIds: ["06-cache/lru-cache"] }],
    students: roster.students.map((s) => ({ id: s.id, name: s.name, line: s.line })),
    rosterProblems: roster.problems,
  };
  const result = { studentId: "s1", name: "One", status: "ok", rawScore: 7, latePenalty: 0, score: 7, gradedAt: "t", exercises: [{ id: "06-cache/lru-cache", chapter: "06-cache", score: 7, maxScore: 9 }] } as unknown as StudentResult;
  const rows = parseCsv(gradebookCsv(context, new Map([["s1", result]]))).map((r) => Object.fromEntries(gradebookColumns(context).map((c, i) => [c, r.fields[i]])));
  expect(rows.slice(1).map((r) => [r.student_id, r.name, r["06-cache"], r.score, r.max_score, r.status])).toEqual([
    ["s2", "Two", "0", "0", "9", "missing"],
    ["s1", "One", "7", "7", "9", "ok"],
    ["s3", "Three", "0", "0", "9", "missing"],
  ]);
});
