/**
 * Numbers over the whole class, shared by the gradebook and the dashboard: each exercise's
 * maximum (known from any student whose grading produced a report), and per-property failures.
 */
import type { StudentResult } from "./student-result.ts";

/** Exercise id -> max score as reported by the engine (a crashed student's result says 0). */
export function exerciseMaxima(results: StudentResult[]): Map<string, number> {
  const maxima = new Map<string, number>();
  for (const r of results) for (const e of r.exercises) maxima.set(e.id, Math.max(maxima.get(e.id) ?? 0, e.maxScore));
  return maxima;
}

export function chapterMax(maxima: Map<string, number>, chapter: string): number {
  return [...maxima].filter(([id]) => id.startsWith(`${chapter}/`)).reduce((s, [, m]) => s + m, 0);
}

export function totalMax(maxima: Map<string, number>): number {
  return [...maxima.values()].reduce((s, m) => s + m, 0);
}

export interface PropertyStat {
  exercise: string;
  index: number;
  name: string;
  /** Students whose counted attempt ran this property, and those for whom it did not pass. */
  graded: number;
  failed: number;
}

/** Failure rate of each property over the students whose exercise was graded. */
export function propertyStats(results: StudentResult[]): PropertyStat[] {
  const stats = new Map<string, PropertyStat>();
  for (const r of results) {
    for (const e of r.exercises) {
      for (const p of e.result?.properties ?? []) {
        const key = `${e.id}#${p.index}`;
        const stat = stats.get(key) ?? { exercise: e.id, index: p.index, name: p.name, graded: 0, failed: 0 };
        stat.graded++;
        if (p.status !== "pass") stat.failed++;
        stats.set(key, stat);
      }
    }
  }
  return [...stats.values()].sort((a, b) => a.exercise.localeCompare(b.exercise) || a.index - b.index);
}
