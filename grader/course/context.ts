/**
 * Where the course keeps the learner's things, and how commands name chapters and exercises.
 *
 * Everything the learner owns (exercises/, .progress.json, .backups/) lives under one "home",
 * the repository by default. ZTM_COURSE_HOME points it elsewhere so that the tests can run every
 * command against a scratch copy without touching the working tree. Chapters, solutions and
 * graders are always read from the repository.
 */
import { join } from "node:path";
import { repoRoot } from "../kit/settings.ts";
import { allExercises, loadCourse } from "../manifest/load.ts";
import type { Chapter, Course, ExerciseEntry } from "../manifest/types.ts";
import { messages } from "../messages.ts";

export interface CourseContext {
  course: Course;
  /** The learner's home: exercises/, .progress.json and .backups/ live here. */
  home: string;
  exercisesDir: string;
  progressFile: string;
  backupsDir: string;
  /** True when both stdin and stdout are terminals: only then may we prompt or page. */
  interactive: boolean;
  /** Colours on (a terminal and no NO_COLOR). */
  color: boolean;
}

export function createContext(env = process.env): CourseContext {
  const home = env.ZTM_COURSE_HOME || repoRoot;
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    course: loadCourse(),
    home,
    exercisesDir: join(home, "exercises"),
    progressFile: join(home, ".progress.json"),
    backupsDir: join(home, ".backups"),
    interactive,
    color: Boolean(process.stdout.isTTY) && !env.NO_COLOR,
  };
}

/** A bad argument: the message lists what exists; the command exits 2. */
export class CourseUsageError extends Error {
  override name = "CourseUsageError";
}

export const exerciseFile = (ctx: CourseContext, id: string) => join(ctx.exercisesDir, `${id}.ts`);
export const solutionFile = (id: string) => join(repoRoot, "solutions", `${id}.ts`);

export function chapterListing(course: Course): string {
  return course.chapters.map((c) => `  ${c.id}  ${c.title}`).join("\n");
}

export function exerciseListing(course: Course): string {
  return course.chapters
    .map((c) => `  ${c.id}\n${c.exercises.map((e) => `    ${e.id}`).join("\n")}`)
    .join("\n");
}

/** "06", "06-cache" or "06-cache/" -> the chapter. */
export function findChapter(course: Course, selector: string | undefined): Chapter {
  const s = (selector ?? "").replace(/\/$/, "");
  const chapter = course.chapters.find((c) => c.id === s || (/^\d\d$/.test(s) && c.id.startsWith(`${s}-`)));
  if (!chapter) throw new CourseUsageError(messages.course.unknownChapter(selector, chapterListing(course)));
  return chapter;
}

/** "06-cache/lru-cache", or a unique slug such as "lru-cache" -> the exercise and its chapter. */
export function findExercise(course: Course, selector: string | undefined): { chapter: Chapter; exercise: ExerciseEntry } {
  const s = selector ?? "";
  const all = allExercises(course);
  const exact = all.find(({ exercise }) => exercise.id === s);
  const bySlug = all.filter(({ exercise }) => exercise.id.split("/")[1] === s);
  const found = exact ?? (bySlug.length === 1 ? bySlug[0] : undefined);
  if (!found) throw new CourseUsageError(messages.course.unknownExercise(selector, exerciseListing(course)));
  return found;
}
