/**
 * `npm run course -- hint <id>`: one more hint tier per call (a nudge, the approach, nearly the
 * answer), remembered in the progress file so the next call goes one deeper. The tiers already
 * shown are repeated, dimmed, so the learner reads them in context.
 */
import { messages } from "../messages.ts";
import { findExercise, type CourseContext } from "./context.ts";
import { updateProgress } from "./progress-store.ts";
import { paint } from "./terminal.ts";

export function hintCommand(ctx: CourseContext, selector: string | undefined): number {
  const { chapter, exercise } = findExercise(ctx.course, selector);
  let shown = 0;
  updateProgress(ctx.progressFile, (progress) => {
    const entry = (progress.exercises[exercise.id] ??= {});
    entry.hintsShown = Math.min(3, (entry.hintsShown ?? 0) + 1);
    shown = entry.hintsShown;
    progress.last = { chapter: chapter.id, exercise: exercise.id };
  });
  console.log(renderHints(exercise.id, exercise.hints, shown, ctx.color));
  return 0;
}

export function renderHints(id: string, hints: readonly string[], shown: number, color: boolean): string {
  const p = paint(color);
  const lines: string[] = [];
  hints.slice(0, shown).forEach((hint, i) => {
    const fresh = i === shown - 1;
    lines.push(p(fresh ? "bold" : "dim", messages.course.hintTier(i + 1, hints.length)));
    lines.push(fresh ? hint : p("dim", hint), "");
  });
  lines.push(shown < hints.length ? messages.course.hintMore(id, shown, hints.length) : messages.course.hintLast(id));
  return lines.join("\n");
}
