/**
 * Grading from the course: one exercise through the engine (`grade` from the menu), the compact
 * result watch mode shows, and recording a result in the progress file.
 */
import { relative } from "node:path";
import { grade } from "../engine/cli.ts";
import { parseGradeArgs } from "../engine/args.ts";
import { leadResult } from "../engine/lead.ts";
import type { ExerciseResult } from "../engine/results.ts";
import { formatFailure } from "../kit/format.ts";
import { repoRoot } from "../kit/settings.ts";
import { messages } from "../messages.ts";
import { exerciseFile, findExercise, type CourseContext } from "./context.ts";
import { updateProgress } from "./progress-store.ts";
import { paint } from "./terminal.ts";

/** Saves a result: best score, last graded, and "passed" once every property passed. */
export function recordResult(ctx: CourseContext, chapterId: string, result: ExerciseResult): void {
  updateProgress(ctx.progressFile, (progress) => {
    const entry = (progress.exercises[result.id] ??= {});
    const now = new Date().toISOString();
    entry.lastGradedAt = now;
    entry.bestScore = Math.max(entry.bestScore ?? 0, result.score);
    if (result.properties.every((p) => p.status !== "error")) entry.maxScore = result.maxScore;
    if (result.status === "pass" && !entry.passed) {
      entry.passed = true;
      entry.passedAt = now;
    }
    progress.last = { chapter: chapterId, exercise: result.id };
  });
}

/** `npm run course -- grade <id>`: the engine's full report for one exercise, recorded. */
export async function gradeCommand(ctx: CourseContext, selector: string | undefined): Promise<number> {
  const { chapter, exercise } = findExercise(ctx.course, selector);
  const args = parseGradeArgs(ctx.home === repoRoot ? [exercise.id] : [exercise.id, "--submission", ctx.home]);
  const { report, text } = await grade(args);
  console.log(text);
  const result = report.exercises[0];
  recordResult(ctx, chapter.id, result);
  if (result.status === "pass") console.log(messages.course.passedNext(exercise.id));
  else console.log(messages.course.gradeTip(exercise.id));
  return result.status === "pass" ? 0 : 1;
}

/** The stub's "not implemented yet" error when nothing passed and the first failure is that
 *  error (with bail, later properties did not run), else undefined. */
export function untouchedStub(result: ExerciseResult): string | undefined {
  if (result.properties.some((p) => p.status === "pass")) return undefined;
  const first = result.properties.find((p) => p.status === "fail");
  const error = [first?.failure?.error, first?.failure?.actual, first?.message].find((t) => t?.includes("is not implemented yet"));
  return error?.replace(/^(threw )?Error: /, "").replace(/: write it in .*$/, "");
}

/** What watch mode prints: one status line and, on a failure, only the lead failure (engine/lead.ts). */
export function renderWatchResult(ctx: CourseContext, result: ExerciseResult): string[] {
  const p = paint(ctx.color);
  const file = relative(ctx.home, exerciseFile(ctx, result.id));
  if (result.status === "pass") return [p("green", `✓ ${messages.course.watchPass(result.id, result.title, result.score, result.maxScore)}`)];
  if (result.reason) return [p("red", `✗ ${messages.course.watchError(result.id, file)}`), ...result.reason.split("\n").map((l) => `    ${l}`)];
  const stub = untouchedStub(result);
  if (stub) return [p("yellow", `○ ${messages.notStarted(file, stub)}`), messages.course.watchStubNext(file)];
  const failing = leadResult(result.properties);
  const passed = result.properties.filter((prop) => prop.status === "pass").length;
  const lines = [p("red", `✗ ${messages.course.watchFail(result.id, passed, result.properties.length)}`)];
  if (failing) {
    lines.push(`  ${p("bold", `${failing.index}. ${failing.name}`)}`);
    const detail = failing.failure
      ? formatFailure({ index: failing.index, title: failing.name, status: "fail", failure: failing.failure }, failing.replay)
      : [failing.message ?? ""];
    lines.push(...detail.map((l) => `     ${l}`));
  }
  if (result.output) lines.push(p("dim", `  ┌ ${messages.outputHeader}`), ...result.output.trimEnd().split("\n").slice(0, 10).map((l) => `${p("dim", "  │")} ${l}`), p("dim", "  └"));
  return lines;
}
