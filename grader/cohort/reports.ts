/** Writes every report of an --out folder from its results and its cohort-run.json. */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { allExercises, loadCourse } from "../manifest/load.ts";
import type { ExerciseEntry } from "../manifest/types.ts";
import { exerciseMaxima } from "./class-stats.ts";
import { dashboardHtml } from "./dashboard.ts";
import { feedbackMarkdown } from "./feedback.ts";
import { gradebookCsv } from "./gradebook.ts";
import type { ReportContext } from "./report-context.ts";
import { readResults, writeAtomic, type StudentResult } from "./student-result.ts";

export function writeReports(outDir: string, context: ReportContext, secretSeed?: number): Map<string, StudentResult> {
  const results = readResults(outDir);
  const covered = new Map([...results].filter(([id]) => context.students.some((s) => s.id === id)));
  writeAtomic(join(outDir, "gradebook.csv"), gradebookCsv(context, covered));
  const entries = new Map<string, ExerciseEntry>(allExercises(loadCourse()).map(({ exercise }) => [exercise.id, exercise]));
  const maxima = exerciseMaxima([...covered.values()]);
  const feedbackDir = join(outDir, "feedback");
  mkdirSync(feedbackDir, { recursive: true });
  // Feedback of students no longer covered (a changed roster) would mislead: remove it.
  for (const name of readdirSync(feedbackDir)) if (name.endsWith(".md") && !covered.has(name.slice(0, -3))) rmSync(join(feedbackDir, name));
  for (const result of covered.values()) writeAtomic(join(feedbackDir, `${result.studentId}.md`), feedbackMarkdown(context, result, entries, maxima, secretSeed));
  writeAtomic(join(outDir, "dashboard.html"), dashboardHtml(context, covered));
  writeAtomic(
    join(outDir, "roster-problems.txt"),
    context.rosterProblems.map((p) => `${context.rosterFile}: line ${p.line}: ${p.problem}\n`).join(""),
  );
  return covered;
}
