/** The lab command a lesson shows its reader (shared by lab-lessons and lab-lesson-runs tests). */
import { readFileSync } from "node:fs";

/** The `npm run course -- lab …` command of the lesson's "See it in the lab" paragraph, as arguments. */
export function labCommand(lessonPath: string): string[] | undefined {
  const lesson = readFileSync(lessonPath, "utf8");
  const paragraph = lesson.split(/\n\s*\n/).find((p) => p.startsWith("**See it in the lab.**"));
  const command = paragraph && /`npm run course -- lab([^`]*)`/.exec(paragraph.replace(/\s+/g, " "));
  return command ? command[1]!.trim().split(" ").filter(Boolean) : undefined;
}
