/** The cohort's pure parts: CSV, roster problems, cohort-file validation, late policy, shards. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, onTestFinished, test } from "vitest";
import { cohortTemplate, validateCohort } from "../../cohort/cohort-file.ts";
import { csvLine, parseCsv } from "../../cohort/csv.ts";
import { nextHintTier } from "../../cohort/feedback.ts";
import { inShard } from "../../cohort/grade-run.ts";
import { better, daysLate, penaltyPercent } from "../../cohort/late-policy.ts";
import { barText } from "../../cohort/progress-bar.ts";
import { parseRoster } from "../../cohort/roster.ts";
import { histogram } from "../../cohort/svg-chart.ts";

describe("csv", () => {
  test("quoted fields keep commas, quotes and line breaks, and records keep their first line", () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\nlast,1\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["a", "b"]],
      [2, ["x, y", 'say "hi"\nthere']],
      [5, ["last", "1"]],
    ]);
  });
  test("malformed records are flagged, not dropped", () => {
    const [bad, quote] = parseCsv('"a"b,c\nx"y,z\n');
    expect(bad!.error).toMatch(/after a closing quote/);
    expect(quote!.error).toMatch(/quote inside/);
    expect(parseCsv('"never closed,x\n')[0]!.error).toMatch(/never closed/);
  });
  test("writing then reading gives the values back; formulas are defused", () => {
    const values = ["plain", "a,b", 'q"uote', "multi\nline", "=SUM(A1)"];
    const [record] = parseCsv(csvLine(values));
    expect(record!.fields).toEqual(["plain", "a,b", 'q"uote', "multi\nline", "'=SUM(A1)"]);
  });
});

describe("roster", () => {
  test("bad rows are reported with their line numbers and the others kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "ztm-roster-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    const text = [
      "student_id,name,email,submission",
      "s1,One,1@x,a",
      "s2,Two,2@x,nowhere",
      "s1,Again,3@x,b",
      's3,"Broken"x,4@x,b',
      "s4,too,few",
      "../evil,Evil,5@x,b",
      's5,"Multi',
      'line",5@x,b',
    ].join("\n");
    const roster = parseRoster(text, join(dir, "roster.csv"));
    expect(roster.students.map((s) => [s.id, s.line, s.name])).toEqual([
      ["s1", 2, "One"],
      ["s5", 8, "Multi\nline"],
    ]);
    expect(roster.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(roster.problems[0]!.problem).toMatch(/does not exist/);
    expect(roster.problems[1]!.problem).toMatch(/duplicate student_id "s1" \(first on line 2\)/);
    expect(roster.problems[2]!.problem).toMatch(/malformed CSV/);
    expect(roster.problems[3]!.problem).toMatch(/3 fields/);
  });
  test("a wrong header is an error naming the file", () => {
    expect(() => parseRoster("id,name\n", "r.csv")).toThrow(/r\.csv: line 1: the header/);
  });
});

describe("cohort file", () => {
  const good = () => JSON.parse(JSON.stringify(cohortTemplate("c", new Date("2025-01-01T00:00:00Z"), 123456789)));
  test("the template of cohort init is valid and resolves chapter prefixes", () => {
    const cohort = validateCohort("cohort.json", good());
    expect(cohort.resolved[1]!.exerciseIds).toContain("06-cache/ttl-cache");
    expect(cohort.secretSeed).toBe(123456789);
  });
  test.each([
    [(c: any) => (c.assignments[0].deadline = "2025-03-01 23:59"), /assignments\[0\]\.deadline must be ISO 8601 with an offset/],
    [(c: any) => (c.assignments[0].exercises = ["99-nothing"]), /assignments\[0\]\.exercises "99-nothing" is not an exercise id/],
    [(c: any) => (c.assignments[1].exercises = ["03-scaling/capacity-plan"]), /assignments\[1\]\.exercises assigns 03-scaling\/capacity-plan, already assigned/],
    [(c: any) => (c.latePolicy.percentPerDay = -1), /latePolicy\.percentPerDay must be a number from 0 to 100/],
    [(c: any) => delete c.latePolicy.gradeLate, /latePolicy\.gradeLate must be true or false/],
    [(c: any) => (c.secretSeed = 1.5), /secretSeed must be an integer/],
    [(c: any) => (c.seed = 1), /seed is not a cohort field/],
    [(c: any) => (c.version = 2), /version must be 1/],
  ])("an invalid field is named with the file (%#)", (mutate, message) => {
    const raw = good();
    mutate(raw);
    expect(() => validateCohort("my/cohort.json", raw)).toThrow(message);
    expect(() => validateCohort("my/cohort.json", raw)).toThrow(/^my\/cohort\.json: /);
  });
});

describe("late policy", () => {
  const policy = { gradeLate: true, percentPerDay: 10, maxPercent: 50, graceMinutes: 15 };
  const deadline = Date.parse("2025-03-10T23:59:00+01:00");
  test("started days after the grace period, capped", () => {
    expect(daysLate(deadline + 14 * 60_000, deadline, policy)).toBe(0);
    expect(daysLate(deadline + 16 * 60_000, deadline, policy)).toBe(1);
    expect(penaltyPercent(deadline + 15 * 60_000 + 86_400_000 + 1, deadline, policy)).toBe(20);
    expect(penaltyPercent(deadline + 30 * 86_400_000, deadline, policy)).toBe(50);
  });
  test("the late attempt counts only when strictly better after its penalty", () => {
    expect(better({ raw: 5, penaltyPercent: 0 }, { raw: 10, penaltyPercent: 50 })).toBe("on-time");
    expect(better({ raw: 4, penaltyPercent: 0 }, { raw: 10, penaltyPercent: 50 })).toBe("late");
    expect(better(undefined, { raw: 1, penaltyPercent: 50 })).toBe("late");
    expect(better(undefined, undefined)).toBe("none");
  });
});

test("shards split the roster by position, 1-based, and cover it exactly once", () => {
  const items = Array.from({ length: 11 }, (_, i) => i);
  const shards = [1, 2, 3].map((index) => inShard(items, { index, count: 3 }));
  expect(shards[0]).toEqual([0, 3, 6, 9]);
  expect(shards.flat().sort((a, b) => a - b)).toEqual(items);
});

test("hint tiers, histogram bins and the progress bar", () => {
  expect(nextHintTier({ raw: 0, maxScore: 8, result: undefined })).toBe(1);
  expect(nextHintTier({ raw: 3, maxScore: 8, result: { status: "fail" } as never })).toBe(2);
  expect(nextHintTier({ raw: 6, maxScore: 8, result: { status: "fail" } as never })).toBe(3);
  expect(nextHintTier({ raw: 8, maxScore: 8, result: { status: "pass" } as never })).toBe(0);
  expect(histogram([0, 5, 10, 10], 10, 2)).toEqual([1, 3]);
  expect(barText(5, 10, 10_000, 10)).toBe("[#####-----] 5/10 50% · elapsed 00:10 · ETA 00:10");
});
