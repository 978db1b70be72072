/**
 * `npm start`: the interactive course. Chapters with their progress, "continue where I left
 * off", a chapter's lesson, exercises and quiz, and for an exercise: grade, watch, hint, reset,
 * solution. Every action is the same function as its command-line twin.
 *
 * Without a terminal (CI, a pipe) it never prompts: enquirer would hang or exit silently
 * (shared/TOOLCHAIN.md). It prints the progress overview and the next step, and exits 0.
 */
import type { Chapter, ExerciseEntry } from "../manifest/types.ts";
import { messages } from "../messages.ts";
import type { CourseContext } from "./context.ts";
import { gradeCommand } from "./grading.ts";
import { hintCommand } from "./hint.ts";
import { maxPointsOf, nextExercise, renderOverview, stateOf, summarizeChapter } from "./progress.ts";
import { readProgress } from "./progress-store.ts";
import type { Prompter } from "./prompts.ts";
import { quizCommand } from "./quiz.ts";
import { readCommand } from "./read.ts";
import { resetCommand } from "./reset.ts";
import { solutionCommand } from "./solution.ts";
import { paint } from "./terminal.ts";
import { watchCommand } from "./watch.ts";

const m = () => messages.course.menu;

export async function menuCommand(ctx: CourseContext, prompter: Prompter): Promise<number> {
  if (!ctx.interactive) {
    console.log(renderOverview(ctx));
    console.log(`\n${m().noTerminal}`);
    return 0;
  }
  console.log(paint(ctx.color)("bold", m().welcome(ctx.course.title)));
  for (;;) {
    const progress = readProgress(ctx.progressFile);
    const next = nextExercise(ctx, progress);
    const choices = [
      ...(next ? [{ name: "continue", message: m().continueWith(next.exercise.id, next.exercise.title) }] : []),
      ...ctx.course.chapters.map((chapter) => {
        const s = summarizeChapter(ctx, progress, chapter);
        return { name: `chapter:${chapter.id}`, message: `${chapter.id} · ${chapter.title}`, hint: m().chapterHint(s.state, s.done, s.total, s.points, s.maxPoints, s.quiz) };
      }),
      { name: "progress", message: m().overview },
      { name: "quit", message: m().quit },
    ];
    const choice = await prompter.select(m().mainQuestion, choices);
    if (choice === undefined || choice === "quit") break;
    if (choice === "progress") console.log(`\n${renderOverview(ctx)}\n`);
    else if (choice === "continue" && next) await exerciseMenu(ctx, prompter, next.exercise);
    else {
      const chapter = ctx.course.chapters.find((c) => `chapter:${c.id}` === choice);
      if (chapter) await chapterMenu(ctx, prompter, chapter);
    }
  }
  console.log(m().goodbye);
  return 0;
}

async function chapterMenu(ctx: CourseContext, prompter: Prompter, chapter: Chapter): Promise<void> {
  for (;;) {
    const progress = readProgress(ctx.progressFile);
    const quiz = progress.quizzes[chapter.id];
    const choices = [
      { name: "read", message: m().readLesson },
      ...chapter.exercises.map((e) => {
        const state = stateOf(ctx, progress, e);
        const mark = state === "done" ? "✓" : state === "in progress" ? "◐" : "○";
        const points = progress.exercises[e.id]?.bestScore ?? 0;
        return { name: `exercise:${e.id}`, message: `${mark} ${e.title}`, hint: m().exerciseHint(e.id, e.difficulty, e.minutes, points, maxPointsOf(e, progress)) };
      }),
      { name: "quiz", message: m().takeQuiz(chapter.quiz.length), hint: quiz ? m().quizHint(quiz.best, quiz.total) : undefined },
      { name: "back", message: m().back },
    ];
    const choice = await prompter.select(`${chapter.id} · ${chapter.title}: ${chapter.summary}`, choices);
    if (choice === undefined || choice === "back") return;
    if (choice === "read") await readCommand(ctx, chapter.id);
    else if (choice === "quiz") await quizCommand(ctx, chapter.id, prompter);
    else {
      const exercise = chapter.exercises.find((e) => `exercise:${e.id}` === choice);
      if (exercise) await exerciseMenu(ctx, prompter, exercise);
    }
  }
}

async function exerciseMenu(ctx: CourseContext, prompter: Prompter, exercise: ExerciseEntry): Promise<void> {
  for (;;) {
    const entry = readProgress(ctx.progressFile).exercises[exercise.id];
    const hints = entry?.hintsShown ?? 0;
    const choices = [
      { name: "watch", message: m().watch },
      { name: "grade", message: m().grade },
      { name: "hint", message: m().hint(hints) },
      { name: "solution", message: m().solution(Boolean(entry?.passed)) },
      { name: "reset", message: m().reset },
      { name: "back", message: m().back },
    ];
    const choice = await prompter.select(m().exerciseQuestion(exercise.id, exercise.title), choices);
    if (choice === undefined || choice === "back") return;
    if (choice === "watch") await watchCommand(ctx, exercise.id);
    else if (choice === "grade") await gradeCommand(ctx, exercise.id);
    else if (choice === "hint") hintCommand(ctx, exercise.id);
    else if (choice === "solution") await solutionCommand(ctx, exercise.id, false, prompter);
    else if (choice === "reset") await resetCommand(ctx, exercise.id, { all: false, yes: false }, prompter);
  }
}
