/**
 * `npm run course -- solution <id> [--yes]`: the reference solution, highlighted.
 *
 * Shown freely once the exercise has passed (compare approaches, as rustlings does). Before
 * that it asks first, or needs --yes without a terminal: reading the answer too early costs the
 * learning the exercise exists for. Seeing it early is remembered in the progress file.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { repoRoot } from "../kit/settings.ts";
import { messages } from "../messages.ts";
import { findExercise, solutionFile, type CourseContext } from "./context.ts";
import { readProgress, updateExercise } from "./progress-store.ts";
import type { Prompter } from "./prompts.ts";
import { highlight } from "./render-markdown.ts";
import { page } from "./terminal.ts";

export async function solutionCommand(ctx: CourseContext, selector: string | undefined, yes: boolean, prompter: Prompter): Promise<number> {
  const { exercise } = findExercise(ctx.course, selector);
  const entry = readProgress(ctx.progressFile).exercises[exercise.id];
  if (!entry?.passed && !entry?.solutionSeen && !yes) {
    if (!ctx.interactive) {
      console.error(messages.course.solutionLocked(exercise.id));
      return 1;
    }
    if (!(await prompter.confirm(messages.course.solutionConfirm(exercise.id)))) {
      console.log(messages.course.solutionDeclined(exercise.id));
      return 0;
    }
  }
  if (!entry?.passed) updateExercise(ctx.progressFile, exercise.id, (e) => (e.solutionSeen = true));
  const file = solutionFile(exercise.id);
  const code = await highlight(readFileSync(file, "utf8"), "ts", ctx.color);
  const header = messages.course.solutionHeader(relative(repoRoot, file), exercise.id);
  await page([header, "", ...code, "", messages.course.solutionAfter(exercise.id, Boolean(entry?.passed))].join("\n"));
  return 0;
}
