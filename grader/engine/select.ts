/** Turns command-line selectors into exercises of the course, or a usage error listing what exists. */
import type { Course, ExerciseEntry } from "../manifest/types.ts";
import { allExercises } from "../manifest/load.ts";
import { UsageError } from "./args.ts";

function listing(course: Course): string {
  return course.chapters
    .map((chapter) => `  ${chapter.id}\n${chapter.exercises.map((e) => `    ${e.id}`).join("\n")}`)
    .join("\n");
}

export function selectExercises(course: Course, selectors: string[]): ExerciseEntry[] {
  const all = allExercises(course).map(({ exercise }) => exercise);
  if (selectors.length === 0) return all;
  const chosen = new Set<ExerciseEntry>();
  for (const selector of selectors) {
    const s = selector.replace(/\/$/, "");
    const matches = all.filter((e) =>
      s.includes("/") ? e.id === s : e.id.startsWith(`${s}/`) || (/^\d\d$/.test(s) && e.id.startsWith(`${s}-`)),
    );
    if (matches.length === 0) {
      throw new UsageError(`"${selector}" is not an exercise id or a chapter prefix. The course has:\n${listing(course)}`);
    }
    matches.forEach((m) => chosen.add(m));
  }
  return all.filter((e) => chosen.has(e)); // course order, no duplicates
}
