/**
 * feedback/<student_id>.md: what a student gets back. Per exercise: the score, each failing
 * property in plain words with its smallest scenario, how to reproduce it, and which hint tier to
 * read next. The cohort's secret seed never appears: the exact grading run can only be replayed
 * by the instructor, so the student is told to re-run the exercise at a fresh (random) seed,
 * which finds a failing case again whenever the rule is still broken, or to ask the instructor.
 */
import type { ExerciseResult, PropertyResult } from "../engine/results.ts";
import { formatFailure } from "../kit/format.ts";
import type { ExerciseEntry } from "../manifest/types.ts";
import type { ReportContext } from "./report-context.ts";
import type { ExerciseGrade, StudentResult } from "./student-result.ts";

const TIERS = ["", "tier 1 (a nudge)", "tier 2 (the approach)", "tier 3 (nearly the answer)"];

/**
 * The hint tier to read next, from how far the exercise got: nothing earned (not started, does
 * not load, every property fails) starts at tier 1; under half the points, tier 2; half or more
 * but not all, tier 3, since the remaining gap is usually one detail. Passing: none.
 */
export function nextHintTier(grade: Pick<ExerciseGrade, "raw" | "maxScore" | "result">): 0 | 1 | 2 | 3 {
  const result = grade.result;
  if (result?.status === "pass") return 0;
  if (!result || result.status === "error" || grade.raw <= 0 || grade.maxScore <= 0) return 1;
  return grade.raw / grade.maxScore < 0.5 ? 2 : 3;
}

/** A property's failure without seed or fast-check path (either would replay the secret run). */
function describeFailure(property: PropertyResult, secret: RegExp | undefined): string[] {
  const failure = property.failure && { ...property.failure, seed: undefined, path: undefined };
  const lines = failure ? formatFailure({ index: property.index, title: property.name, status: "fail", failure }) : [property.message ?? "did not pass"];
  return lines.map((l) => (secret ? l.replace(secret, "<secret>") : l));
}

function exerciseSection(grade: ExerciseGrade, entry: ExerciseEntry | undefined, maxScore: number, secret: RegExp | undefined): string {
  const result: ExerciseResult | undefined = grade.result;
  const title = entry?.title ?? result?.title ?? grade.id;
  const out: string[] = [`## ${grade.id} · ${title}`, ""];
  const late = grade.penaltyPercent > 0 ? ` (late: ${grade.raw} before the ${grade.penaltyPercent}% penalty)` : "";
  out.push(`**Score ${grade.score}/${maxScore}**${late} · ${grade.assignment}, due ${grade.deadline}`);
  if (grade.commit) out.push("", `Graded commit \`${grade.commit.slice(0, 12)}\` from ${grade.commitTime} (${grade.attempt === "late" ? "after the deadline" : "on time"}).`);
  if (grade.otherAttempt) out.push("", `Your ${grade.otherAttempt.attempt} attempt scored ${grade.otherAttempt.score}; the better attempt counts.`);
  out.push("");
  if (!result) {
    out.push(grade.attempt === "none" ? "Nothing was graded for this exercise: no commit before the deadline, or the grading did not finish." : "This exercise could not be graded.", "");
  } else if (result.status === "error") {
    out.push(`It could not be graded: ${result.reason ?? "error"}`, "");
  } else {
    const failing = result.properties.filter((p) => p.status !== "pass");
    if (failing.length === 0) out.push("Every property passes.", "");
    for (const p of failing) {
      out.push(`### ✗ ${p.index}. ${p.name}`, "", "```text", ...describeFailure(p, secret), "```", "");
    }
    if (failing.length > 0) {
      out.push(
        `Reproduce: \`npm run grade -- ${grade.id}\` runs the same properties at a fresh random seed and shows the smallest case it finds.`,
        "The grading run used a secret seed: to replay its exact case, ask your instructor.",
        "",
      );
    }
  }
  const tier = nextHintTier({ ...grade, maxScore });
  if (tier > 0) out.push(`Next: read hint ${TIERS[tier]} with \`npm run course -- hint ${grade.id}\`.`, "");
  return out.join("\n");
}

export function feedbackMarkdown(context: ReportContext, result: StudentResult, entries: Map<string, ExerciseEntry>, maxima: Map<string, number>, secretSeed?: number): string {
  const secret = secretSeed !== undefined && String(secretSeed).length >= 4 ? new RegExp(`\\b${Math.abs(secretSeed)}\\b`, "g") : undefined;
  const total = [...maxima.values()].reduce((s, m) => s + m, 0);
  const out = [`# ${context.cohortName}: feedback for ${result.name || result.studentId}`, ""];
  out.push(`**Total ${result.score}/${total}**${result.latePenalty > 0 ? ` (${result.rawScore} before late penalties of ${result.latePenalty})` : ""} · graded ${result.gradedAt}`, "");
  if (context.latePolicy.gradeLate) {
    out.push(`Late policy: ${context.latePolicy.percentPerDay}% per started day late, at most ${context.latePolicy.maxPercent}%; your better attempt counts.`, "");
  } else {
    out.push("Late policy: commits after a deadline are not graded.", "");
  }
  if (result.errors.length > 0) {
    out.push("Grading problems (your instructor sees these too):", "", ...result.errors.map((e) => `- ${(secret ? e.replace(secret, "<secret>") : e).split("\n")[0]}`), "");
  }
  for (const grade of result.exercises) out.push(exerciseSection(grade, entries.get(grade.id), maxima.get(grade.id) ?? grade.maxScore, secret));
  return `${out.join("\n").trimEnd()}\n`;
}
