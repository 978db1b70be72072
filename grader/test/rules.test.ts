/**
 * The static half of the rule tables' self-test (issue 18, format in grader/kit/rules.ts): for
 * every exercise, each rule quotes the stub's doc comments, names a real property of the grader
 * and in-repo mutants that name that property; every property and every mutant is in the table.
 * The dynamic half (each mutant's lead failure is its property) runs in selftest-exercise.ts.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { GraderDef } from "../kit/define.ts";
import type { MutantSet } from "../kit/mutants.ts";
import { normaliseRuleText, stubRuleText, type RuleTable } from "../kit/rules.ts";
import { repoRoot } from "../kit/settings.ts";
import { allExercises, loadCourse } from "../manifest/load.ts";

const exercises = allExercises(loadCourse()).map(({ exercise }) => exercise.id);

/** Where a stub says that something throws: "throw(s)", "(else `RangeError`)", "RangeError otherwise". */
const THROWS = /\bthrows?\b|\belse `?\w+Error\b|\b\w+Error`? otherwise\b/gi;

/**
 * The thrown-error statements of a stub that its table does not quote (issue 18: alert-rule's
 * "Invalid options throw `RangeError`." went unchecked). A statement runs from its "throws" to
 * the end of the sentence, or to the `)` closing a parenthesis it sits in; every letter of it
 * must lie inside a quoted rule. No exception: a stub cannot call a throw "not graded" (issue 18:
 * every rule a stub states is enforced).
 */
function unquotedThrows(stub: string, rules: string[]): string[] {
  const missing: string[] = [];
  for (const sentence of stub.split(/(?<=\.)\s+(?=[A-Z`@(])|\s-\s/)) {
    const quoted = new Array<boolean>(sentence.length).fill(false);
    for (const rule of rules) {
      if (rule.includes(sentence)) quoted.fill(true);
      for (let i = sentence.indexOf(rule); i >= 0; i = sentence.indexOf(rule, i + 1)) quoted.fill(true, i, i + rule.length);
    }
    for (const match of sentence.matchAll(THROWS)) {
      const start = match.index!;
      const open = sentence.lastIndexOf("(", start) > sentence.lastIndexOf(")", start);
      const end = open && sentence.indexOf(")", start) >= 0 ? sentence.indexOf(")", start) : sentence.length;
      const unquoted = [...sentence.slice(start, end)].some((ch, i) => !quoted[start + i] && /\p{L}/u.test(ch));
      if (unquoted) missing.push(sentence.slice(start, end));
    }
  }
  return missing;
}
const tableFile = (id: string) => join(repoRoot, "grader/rules", `${id}.ts`);

// Every exercise is checked, with no list of exceptions (the PENDING list of exercises without a
// table is gone now that all have one): a new exercise fails here until its table is complete.
describe.each(exercises)("%s", (id) => {
  test("its rule table quotes the stub, names real properties and mutants, and covers them all", async () => {
    expect(existsSync(tableFile(id)), `grader/rules/${id}.ts`).toBe(true);
    const table = (await import(tableFile(id))).default as RuleTable;
    const grader = (await import(join(repoRoot, "grader/suites", `${id}.test.ts`))).default as GraderDef;
    const mutantSet = (await import(join(repoRoot, "grader/mutants", `${id}.ts`))).default as MutantSet;
    expect(table.id).toBe(id);
    const stub = stubRuleText(id);
    const titles = grader.properties.map((p) => p.title);
    const kills = new Map(mutantSet.mutants.map((m) => [m.name, m.kills]));
    const problems: string[] = [];
    for (const { rule, property, mutants } of table.rules) {
      if (!stub.includes(normaliseRuleText(rule))) problems.push(`rule not in the stub's doc comments: "${rule}"`);
      if (!titles.includes(property)) problems.push(`no property titled "${property}"`);
      if (mutants.length === 0) problems.push(`no mutant for "${rule}"`);
      for (const name of mutants) {
        if (!kills.has(name)) problems.push(`no mutant named "${name}"`);
        else if (kills.get(name) !== property) problems.push(`mutant "${name}" kills "${kills.get(name)}", not "${property}"`);
      }
    }
    const covered = new Set(table.rules.map((r) => r.property));
    for (const title of titles) if (!covered.has(title)) problems.push(`property enforces no rule of the table: "${title}"`);
    const listed = table.rules.flatMap((r) => r.mutants);
    for (const name of kills.keys()) {
      const times = listed.filter((n) => n === name).length;
      if (times !== 1) problems.push(`mutant "${name}" appears in ${times} rules, expected exactly 1`);
    }
    expect(problems).toEqual([]);
  });

  test("every statement of its stub that something throws is quoted in its rule table", async () => {
    const table = (await import(tableFile(id))).default as RuleTable;
    expect(unquotedThrows(stubRuleText(id), table.rules.map((r) => normaliseRuleText(r.rule)))).toEqual([]);
  });
});

describe("unquotedThrows", () => {
  test("finds a throw statement left out, or quoted only in part, and accepts one quoted whole or in pieces", () => {
    const stub = "Before any evaluation the state is `ok`. Invalid options throw `RangeError`. A finite number (else `RangeError`), stamped.";
    expect(unquotedThrows(stub, [])).toEqual(["throw `RangeError`.", "else `RangeError`"]);
    expect(unquotedThrows(stub, ["Invalid options throw", "A finite number (else `RangeError`)"])).toEqual(["throw `RangeError`."]);
    expect(unquotedThrows(stub, ["Invalid options throw", "`RangeError`.", "(else `RangeError`)"])).toEqual([]);
    expect(unquotedThrows("Throws RangeError for an unknown id (not graded).", [])).toEqual(["Throws RangeError for an unknown id (not graded)."]);
  });
});
