/**
 * What the reports need besides the results: the cohort without its secret seed, the students a
 * report covers, and the roster's problems. `cohort grade` saves it as OUT/cohort-run.json, so
 * that `cohort merge` can rebuild the reports from shard folders alone.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cohort, LatePolicy } from "./cohort-file.ts";
import type { RosterProblem } from "./roster.ts";
import { writeAtomic } from "./student-result.ts";

export interface ReportContext {
  version: 1;
  cohortName: string;
  assignments: { name: string; deadline: string; exerciseIds: string[] }[];
  latePolicy: LatePolicy;
  runs: number;
  /** The students this report covers, in roster order. */
  students: { id: string; name: string; line: number }[];
  rosterFile: string;
  rosterProblems: RosterProblem[];
}

export const CONTEXT_FILE = "cohort-run.json";

export function contextOf(cohort: Cohort, rosterFile: string, students: ReportContext["students"], problems: RosterProblem[]): ReportContext {
  return {
    version: 1,
    cohortName: cohort.name,
    assignments: cohort.resolved.map((a) => ({ name: a.name, deadline: a.deadline, exerciseIds: a.exerciseIds })),
    latePolicy: cohort.latePolicy,
    runs: cohort.runs,
    students: [...students].sort((a, b) => a.line - b.line),
    rosterFile,
    rosterProblems: problems,
  };
}

export function saveContext(outDir: string, context: ReportContext): void {
  writeAtomic(join(outDir, CONTEXT_FILE), `${JSON.stringify(context, null, 2)}\n`);
}

export function loadContext(outDir: string): ReportContext {
  const file = join(outDir, CONTEXT_FILE);
  if (!existsSync(file)) throw new Error(`${file} does not exist: is ${outDir} the --out folder of a cohort grade run?`);
  return JSON.parse(readFileSync(file, "utf8")) as ReportContext;
}

/** Assigned exercise ids in assignment order, and the chapters they belong to (in course order). */
export function exerciseIds(context: ReportContext): string[] {
  return context.assignments.flatMap((a) => a.exerciseIds);
}

export function chapters(context: ReportContext): string[] {
  return [...new Set(exerciseIds(context).map((id) => id.split("/")[0]!))].sort();
}
