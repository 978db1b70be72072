/**
 * `npm run course -- progress`: per chapter, exercises done, points and quiz score, and the next
 * step. The same facts feed the menu's labels and the non-interactive `npm start`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../kit/settings.ts";
import type { Chapter, ExerciseEntry } from "../manifest/types.ts";
import { messages } from "../messages.ts";
import { exerciseFile, type CourseContext } from "./context.ts";
import { interviewSummary } from "./interview.ts";
import { readProgress, type Progress } from "./progress-store.ts";
import { paint } from "./terminal.ts";

export type ExerciseState = "done" | "in progress" | "not started";

/** The most an exercise can score, read from its grader's property titles (no grader import:
 *  that would need vitest). Falls back to the last graded maximum. */
export function maxPointsOf(exercise: ExerciseEntry, progress?: Progress): number | undefined {
  const suite = join(repoRoot, "grader", "suites", `${exercise.id}.test.ts`);
  if (existsSync(suite)) {
    const titles = [...readFileSync(suite, "utf8").matchAll(/\bproperty\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]);
    if (titles.length > 0) return titles.reduce((sum, t) => sum + (exercise.points.overrides?.[t] ?? exercise.points.default), 0);
  }
  return progress?.exercises[exercise.id]?.maxScore;
}

/** Done: passed once. In progress: graded, hinted, or the file no longer is the untouched stub. */
export function stateOf(ctx: CourseContext, progress: Progress, exercise: ExerciseEntry): ExerciseState {
  const entry = progress.exercises[exercise.id];
  if (entry?.passed) return "done";
  if (entry?.lastGradedAt || entry?.hintsShown) return "in progress";
  const file = exerciseFile(ctx, exercise.id);
  if (!existsSync(file)) return "in progress";
  return readFileSync(file, "utf8").includes("is not implemented yet") ? "not started" : "in progress";
}

export interface ChapterSummary {
  chapter: Chapter;
  done: number;
  total: number;
  points: number;
  maxPoints: number;
  state: ExerciseState;
  quiz?: { score: number; total: number };
}

export function summarizeChapter(ctx: CourseContext, progress: Progress, chapter: Chapter): ChapterSummary {
  const states = chapter.exercises.map((e) => stateOf(ctx, progress, e));
  const done = states.filter((s) => s === "done").length;
  const points = chapter.exercises.reduce((sum, e) => sum + (progress.exercises[e.id]?.bestScore ?? 0), 0);
  const maxPoints = chapter.exercises.reduce((sum, e) => sum + (maxPointsOf(e, progress) ?? 0), 0);
  const quiz = progress.quizzes[chapter.id];
  const state: ExerciseState =
    done === states.length ? "done" : states.some((s) => s !== "not started") || quiz ? "in progress" : "not started";
  return { chapter, done, total: states.length, points, maxPoints, state, quiz: quiz && { score: quiz.best, total: quiz.total } };
}

/** The exercise to work on: the one last touched if unfinished, else the next unfinished after it. */
export function nextExercise(ctx: CourseContext, progress = readProgress(ctx.progressFile)): { chapter: Chapter; exercise: ExerciseEntry } | undefined {
  const all = ctx.course.chapters.flatMap((chapter) => chapter.exercises.map((exercise) => ({ chapter, exercise })));
  const unfinished = (e: ExerciseEntry) => !progress.exercises[e.id]?.passed;
  const last = all.find(({ exercise }) => exercise.id === progress.last?.exercise);
  if (last) return unfinished(last.exercise) ? last : nextAfter(ctx, last.exercise.id, progress);
  // Only a chapter (the learner read its lesson): its first unfinished exercise.
  const inChapter = all.find(({ chapter, exercise }) => chapter.id === progress.last?.chapter && unfinished(exercise));
  return inChapter ?? all.find(({ exercise }) => unfinished(exercise));
}

/** After a pass: the first unfinished exercise after `id` in course order, wrapping around. */
export function nextAfter(ctx: CourseContext, id: string, progress = readProgress(ctx.progressFile)): { chapter: Chapter; exercise: ExerciseEntry } | undefined {
  const all = ctx.course.chapters.flatMap((chapter) => chapter.exercises.map((exercise) => ({ chapter, exercise })));
  const at = all.findIndex(({ exercise }) => exercise.id === id);
  const order = [...all.slice(at + 1), ...all.slice(0, at + 1)];
  return order.find(({ exercise }) => !progress.exercises[exercise.id]?.passed);
}

/** One line per chapter, the total, and what to do next. */
export function renderOverview(ctx: CourseContext, progress = readProgress(ctx.progressFile)): string {
  const p = paint(ctx.color);
  const lines = [p("bold", ctx.course.title), ""];
  let points = 0;
  let maxPoints = 0;
  const width = Math.max(...ctx.course.chapters.map((c) => `${c.id} · ${c.title}`.length));
  for (const chapter of ctx.course.chapters) {
    const s = summarizeChapter(ctx, progress, chapter);
    points += s.points;
    maxPoints += s.maxPoints;
    const mark = s.state === "done" ? p("green", "✓") : s.state === "in progress" ? p("yellow", "◐") : p("dim", "○");
    lines.push(`${mark} ${messages.course.chapterLine(`${chapter.id} · ${chapter.title}`.padEnd(width), s.done, s.total, s.points, s.maxPoints, s.state, s.quiz)}`);
  }
  lines.push("", p("bold", messages.course.totalLine(points, maxPoints)));
  const next = nextExercise(ctx, progress);
  lines.push(next ? messages.course.nextStep(next.exercise.id, next.chapter.id, stateOf(ctx, progress, next.exercise)) : messages.course.allDone);
  return lines.join("\n");
}

export function progressCommand(ctx: CourseContext): number {
  console.log(renderOverview(ctx));
  console.log(interviewSummary(ctx));
  return 0;
}
