/**
 * `cohort grade`: picks the students of this run (ids, shard), skips those already graded
 * (resume), grades the rest a few at a time, and writes each result as soon as it is known.
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import type { Cohort } from "./cohort-file.ts";
import { gradeStudent, type GradeSettings } from "./grade-student.ts";
import { createProgress } from "./progress-bar.ts";
import type { Student } from "./roster.ts";
import { readResult, resultFile, writeResult, type StudentResult } from "./student-result.ts";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Students whose 0-based roster position mod count equals index - 1. */
export function inShard<T>(items: T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((_, i) => i % shard.count === shard.index - 1) : items;
}

export interface RunOptions {
  outDir: string;
  ids: string[];
  shard?: Shard;
  concurrency?: number;
  regrade: boolean;
  settings: GradeSettings;
}

export interface RunSummary {
  selected: Student[];
  skipped: string[];
  graded: StudentResult[];
  elapsedMs: number;
}

export async function runCohort(cohort: Cohort, students: Student[], options: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const wanted = new Set(options.ids);
  const selected = inShard(students, options.shard).filter((s) => wanted.size === 0 || wanted.has(s.id));
  // Resume: a readable result file means that student is done; it is never graded twice.
  const skipped = options.regrade ? [] : selected.filter((s) => existsSync(resultFile(options.outDir, s.id)) && readResult(resultFile(options.outDir, s.id))).map((s) => s.id);
  const skip = new Set(skipped);
  const queue = selected.filter((s) => !skip.has(s.id));
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  if (skipped.length > 0) process.stderr.write(`Resuming: ${skipped.length} student(s) already graded in ${options.outDir}/results (use --regrade to grade them again)\n`);
  process.stderr.write(`Grading ${queue.length} student(s), ${concurrency} at a time\n`);
  const progress = createProgress(queue.length);
  const graded: StudentResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const student = queue[next++]!;
      let result: StudentResult;
      try {
        result = await gradeStudent(student, cohort, options.settings);
      } catch (error) {
        // gradeStudent catches what it expects; anything else is still only this student's row.
        result = {
          version: 1, studentId: student.id, name: student.name, email: student.email, source: "folder", status: "error",
          errors: [`internal error: ${(error as Error).message}`], exercises: [], rawScore: 0, latePenalty: 0, score: 0, maxScore: 0,
          gradedAt: new Date().toISOString(), durationMs: 0,
        };
      }
      writeResult(options.outDir, result);
      graded.push(result);
      const detail = result.errors.length > 0 ? ` · ${result.errors[0]!.split("\n")[0]!.slice(0, 120)}` : "";
      progress.done(`${student.id} ${result.score}/${result.maxScore} ${result.status} (${(result.durationMs / 1000).toFixed(1)}s)${detail}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  progress.finish();
  return { selected, skipped, graded, elapsedMs: Date.now() - started };
}
