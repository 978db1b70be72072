/**
 * gradebook.csv: one row per student, one column per assigned chapter (points after the late
 * penalty), then the totals. The shape follows nbgrader's and otter's exports so it pastes into
 * a spreadsheet or an LMS import. A roster row whose submission is missing still gets its row:
 * score 0, status "missing" (a student who did not submit must not vanish from the gradebook).
 */
import { chapterMax, exerciseMaxima, totalMax } from "./class-stats.ts";
import { csvLine } from "./csv.ts";
import { round2 } from "./late-policy.ts";
import { chapters, type ReportContext } from "./report-context.ts";
import type { StudentResult } from "./student-result.ts";

export function gradebookColumns(context: ReportContext): string[] {
  return ["student_id", "name", ...chapters(context), "raw_score", "late_penalty", "score", "max_score", "commit", "graded_at", "status"];
}

export function gradebookCsv(context: ReportContext, results: Map<string, StudentResult>): string {
  const chapterIds = chapters(context);
  const maxima = exerciseMaxima([...results.values()]);
  const rows: { line: number; text: string }[] = [];
  for (const p of context.rosterProblems) {
    if (p.missingSubmission && p.studentId) rows.push({ line: p.line, text: csvLine([p.studentId, p.missingSubmission.name, ...chapterIds.map(() => 0), 0, 0, 0, totalMax(maxima), "", "", "missing"]) });
  }
  for (const student of context.students) {
    const r = results.get(student.id);
    if (!r) {
      // Covered by this report but never graded (e.g. a shard that did not finish).
      rows.push({ line: student.line, text: csvLine([student.id, student.name, ...chapterIds.map(() => ""), "", "", "", totalMax(maxima), "", "", "not-graded"]) });
      continue;
    }
    const perChapter = chapterIds.map((c) => round2(r.exercises.filter((e) => e.chapter === c).reduce((s, e) => s + e.score, 0)));
    // Each distinct commit that counted, short form: a student's repository may count twice.
    const commits = [...new Set(r.exercises.map((e) => e.commit).filter((c): c is string => Boolean(c)))].map((c) => c.slice(0, 12));
    rows.push({ line: student.line, text: csvLine([r.studentId, r.name, ...perChapter, r.rawScore, r.latePenalty, r.score, totalMax(maxima), commits.join(" "), r.gradedAt, r.status]) });
  }
  return csvLine(gradebookColumns(context)) + rows.sort((a, b) => a.line - b.line).map((r) => r.text).join("");
}

/** Max points per chapter column, for the dashboard's axes. */
export function chapterMaxima(context: ReportContext, results: StudentResult[]): Map<string, number> {
  const maxima = exerciseMaxima(results);
  return new Map(chapters(context).map((c) => [c, chapterMax(maxima, c)]));
}
