/**
 * One student's grade as stored in OUT/results/<student_id>.json: the unit of resuming and of
 * merging shards. Written atomically when the student finishes, so a killed run leaves either
 * the whole file or none.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ExerciseResult } from "../engine/results.ts";
import { writeAtomically } from "../kit/files.ts";

export const RESULT_VERSION = 1;

export type StudentStatus = "ok" | "late" | "missing" | "error";

export interface ExerciseGrade {
  id: string;
  chapter: string;
  assignment: string;
  deadline: string;
  /** Which attempt counts: a folder is always "folder"; "none" when nothing could be graded. */
  attempt: "folder" | "on-time" | "late" | "none";
  commit?: string;
  commitTime?: string;
  /** Points before the late penalty, the penalty in percent, and points after it. */
  raw: number;
  penaltyPercent: number;
  score: number;
  /** 0 when unknown (the grading produced no report); reports then use the class's maximum. */
  maxScore: number;
  /** The engine's result for the counted attempt (instructor-only: it holds the secret seed). */
  result?: ExerciseResult;
  /** The same exercise's result at the other attempt, when both were graded. */
  otherAttempt?: { attempt: "on-time" | "late"; raw: number; penaltyPercent: number; score: number; commit?: string };
}

export interface StudentResult {
  version: number;
  studentId: string;
  name: string;
  email: string;
  source: "folder" | "git";
  status: StudentStatus;
  /** Why grading failed (crash, hang, bad repository), one entry per problem. */
  errors: string[];
  exercises: ExerciseGrade[];
  rawScore: number;
  latePenalty: number;
  score: number;
  maxScore: number;
  gradedAt: string;
  durationMs: number;
}

export function resultFile(outDir: string, studentId: string): string {
  return join(outDir, "results", `${studentId}.json`);
}

/** Temporary name, then rename: a reader (or a resumed run) never sees half a file. */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeAtomically(file, text);
}

export function writeResult(outDir: string, result: StudentResult): void {
  writeAtomic(resultFile(outDir, result.studentId), `${JSON.stringify(result, null, 2)}\n`);
}

export function readResult(file: string): StudentResult | undefined {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as StudentResult;
    return value.version === RESULT_VERSION && typeof value.studentId === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Every readable result in OUT/results, by student id (leftover .tmp files are ignored). */
export function readResults(outDir: string): Map<string, StudentResult> {
  const dir = join(outDir, "results");
  const results = new Map<string, StudentResult>();
  if (!existsSync(dir)) return results;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".json")) continue;
    const result = readResult(join(dir, name));
    if (result) results.set(result.studentId, result);
  }
  return results;
}
