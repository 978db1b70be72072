/**
 * Grades one student: picks the snapshot(s) that count, grades each in its own process through
 * gradeSubmission (the trusted graders of this repository, with the cohort's secret seed), and
 * applies the late policy. Never throws: whatever goes wrong becomes this student's error.
 */
import { rmSync } from "node:fs";
import type { ExerciseResult, GradeReport } from "../engine/results.ts";
import { gradeSubmission } from "../sandbox/index.ts";
import { assignedExercises, type Cohort, type ResolvedAssignment } from "./cohort-file.ts";
import { commitAtDeadline, exportCommit, headCommit, isGitRepository, type Commit } from "./git-snapshot.ts";
import { applyPenalty, better, penaltyPercent, round2 } from "./late-policy.ts";
import type { Student } from "./roster.ts";
import { RESULT_VERSION, type ExerciseGrade, type StudentResult, type StudentStatus } from "./student-result.ts";

export interface GradeSettings {
  seed: number;
  runs: number;
  timeoutMs: number;
  wallMs: number;
}

/** What one graded snapshot gave, by exercise id; `error` when the grading produced no report. */
interface Snapshot {
  commit?: Commit;
  report?: GradeReport;
  error?: string;
}

async function gradeFolder(dir: string, ids: string[], settings: GradeSettings): Promise<Snapshot> {
  const outcome = await gradeSubmission({
    submissionDir: dir,
    selectors: ids,
    seed: settings.seed,
    runs: settings.runs,
    timeoutMs: settings.timeoutMs,
    wallMs: settings.wallMs,
  });
  if (outcome.report) return { report: outcome.report };
  // The log's header names the seed: keep the secret out of what may reach feedback.
  const tail = outcome.log.trim().split("\n").slice(-3).join(" | ").replaceAll(String(settings.seed), "<secret>");
  return { error: `${outcome.error ?? "grading failed"}${tail ? `: ${tail}` : ""}` };
}

async function gradeCommit(repo: string, commit: Commit, ids: string[], settings: GradeSettings): Promise<Snapshot> {
  let scratch: string | undefined;
  try {
    scratch = exportCommit(repo, commit.hash);
    return { commit, ...(await gradeFolder(scratch, ids, settings)) };
  } catch (error) {
    return { commit, error: (error as Error).message };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

const exerciseOf = (snapshot: Snapshot | undefined, id: string): ExerciseResult | undefined =>
  snapshot?.report?.exercises.find((e) => e.id === id);

export async function gradeStudent(student: Student, cohort: Cohort, settings: GradeSettings): Promise<StudentResult> {
  const started = Date.now();
  const assigned = assignedExercises(cohort);
  const errors: string[] = [];
  const grades: ExerciseGrade[] = [];
  const base = (id: string, assignment: ResolvedAssignment) => ({ id, chapter: id.split("/")[0]!, assignment: assignment.name, deadline: assignment.deadline });
  let source: StudentResult["source"] = "folder";
  let missing = false;

  if (!isGitRepository(student.submission)) {
    const snapshot = await gradeFolder(student.submission, assigned.map((a) => a.id), settings);
    if (snapshot.error) errors.push(snapshot.error);
    for (const { id, assignment } of assigned) {
      const result = exerciseOf(snapshot, id);
      const raw = result?.score ?? 0;
      grades.push({ ...base(id, assignment), attempt: result ? "folder" : "none", raw, penaltyPercent: 0, score: raw, maxScore: result?.maxScore ?? 0, result });
    }
  } else {
    source = "git";
    // Which commit counts for each assignment, then one grading run per distinct commit.
    const plan: { assignment: ResolvedAssignment; onTime?: Commit; late?: Commit }[] = [];
    try {
      const head = headCommit(student.submission);
      for (const assignment of cohort.resolved) {
        const cutoff = assignment.deadlineMs + cohort.latePolicy.graceMinutes * 60_000;
        const onTime = commitAtDeadline(student.submission, new Date(cutoff).toISOString());
        const late = cohort.latePolicy.gradeLate && head.hash !== onTime?.hash && head.timeMs > cutoff ? head : undefined;
        plan.push({ assignment, onTime, late });
      }
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      errors.push(`cannot read the git repository: ${stderr || (error as Error).message}`);
    }
    const wanted = new Map<string, { commit: Commit; ids: string[] }>();
    for (const { assignment, onTime, late } of plan) {
      for (const commit of [onTime, late]) {
        if (!commit) continue;
        const entry = wanted.get(commit.hash) ?? { commit, ids: [] };
        entry.ids.push(...assignment.exerciseIds);
        wanted.set(commit.hash, entry);
      }
    }
    const snapshots = new Map<string, Snapshot>();
    for (const { commit, ids } of wanted.values()) {
      const snapshot = await gradeCommit(student.submission, commit, ids, settings);
      if (snapshot.error) errors.push(`commit ${commit.hash.slice(0, 12)}: ${snapshot.error}`);
      snapshots.set(commit.hash, snapshot);
    }
    for (const { assignment, onTime, late } of plan) {
      if (!onTime && !late) missing = true;
      const lateDeadline = assignment.deadlineMs;
      const latePercent = late ? penaltyPercent(late.timeMs, lateDeadline, cohort.latePolicy) : 0;
      for (const id of assignment.exerciseIds) {
        const a = onTime ? exerciseOf(snapshots.get(onTime.hash), id) : undefined;
        const b = late ? exerciseOf(snapshots.get(late.hash), id) : undefined;
        // The better attempt is chosen per assignment (all its exercises come from one commit).
        const sum = (commit: Commit | undefined) =>
          assignment.exerciseIds.reduce((s, x) => s + (commit ? (exerciseOf(snapshots.get(commit.hash), x)?.score ?? 0) : 0), 0);
        const choice = better(onTime ? { raw: sum(onTime), penaltyPercent: 0 } : undefined, late ? { raw: sum(late), penaltyPercent: latePercent } : undefined);
        const [chosen, commit, percent] = choice === "late" ? [b, late, latePercent] : [a, onTime, 0];
        const raw = chosen?.score ?? 0;
        const other = choice === "late" ? (onTime ? { attempt: "on-time" as const, result: a, commit: onTime, percent: 0 } : undefined) : late ? { attempt: "late" as const, result: b, commit: late, percent: latePercent } : undefined;
        grades.push({
          ...base(id, assignment),
          attempt: choice,
          commit: commit?.hash,
          commitTime: commit?.time,
          raw,
          penaltyPercent: percent,
          score: applyPenalty(raw, percent),
          maxScore: chosen?.maxScore ?? a?.maxScore ?? b?.maxScore ?? 0,
          result: chosen,
          otherAttempt: other && {
            attempt: other.attempt,
            raw: other.result?.score ?? 0,
            penaltyPercent: other.percent,
            score: applyPenalty(other.result?.score ?? 0, other.percent),
            commit: other.commit.hash,
          },
        });
      }
    }
  }

  const rawScore = round2(grades.reduce((s, g) => s + g.raw, 0));
  const score = round2(grades.reduce((s, g) => s + g.score, 0));
  const anyGraded = grades.some((g) => g.result);
  const status: StudentStatus = errors.length > 0 && !anyGraded ? "error" : !anyGraded && missing ? "missing" : grades.some((g) => g.attempt === "late") ? "late" : errors.length > 0 ? "error" : missing ? "missing" : "ok";
  return {
    version: RESULT_VERSION,
    studentId: student.id,
    name: student.name,
    email: student.email,
    source,
    status,
    errors,
    exercises: grades,
    rawScore,
    latePenalty: round2(rawScore - score),
    score,
    maxScore: grades.reduce((s, g) => s + g.maxScore, 0),
    gradedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
  };
}
