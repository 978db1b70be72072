/**
 * `npm run course -- read <chapter>`: the lesson rendered for the terminal, paged through
 * `less -R` when it is longer than the screen (and printed as is to a pipe).
 */
import { readFileSync } from "node:fs";
import { messages } from "../messages.ts";
import { findChapter, type CourseContext } from "./context.ts";
import { updateProgress } from "./progress-store.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { page } from "./terminal.ts";

export async function renderLesson(ctx: CourseContext, selector: string | undefined): Promise<string> {
  const chapter = findChapter(ctx.course, selector);
  const width = Math.max(40, Math.min(100, (process.stdout.columns ?? 100) - 2));
  const body = await renderMarkdown(readFileSync(chapter.lessonPath, "utf8"), { width, color: ctx.color });
  const first = chapter.exercises[0];
  return `${body}\n\n${messages.course.afterLesson(chapter.id, first.id)}`;
}

export async function readCommand(ctx: CourseContext, selector: string | undefined): Promise<number> {
  const chapter = findChapter(ctx.course, selector);
  const text = await renderLesson(ctx, chapter.id);
  updateProgress(ctx.progressFile, (p) => {
    if (p.last?.chapter !== chapter.id) p.last = { chapter: chapter.id };
  });
  await page(text);
  return 0;
}
