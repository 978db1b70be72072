/**
 * Reads and validates the course manifest (chapters/course.json and every
 * chapters/<NN-name>/chapter.json). Any problem throws ManifestError naming the file and field.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "../kit/settings.ts";
import {
  MANIFEST_VERSION,
  type Chapter,
  type ChapterFile,
  type Course,
  type ExerciseEntry,
  type QuizQuestion,
} from "./types.ts";

export class ManifestError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${relative(repoRoot, file) || file}: ${field} ${problem}`);
    this.name = "ManifestError";
  }
}

/** Small typed readers: each returns the field's value or throws naming file and field. */
function reader(file: string) {
  const fail = (field: string, problem: string): never => {
    throw new ManifestError(file, field, problem);
  };
  return {
    fail,
    string(value: unknown, field: string): string {
      if (typeof value !== "string" || value.trim() === "") fail(field, "must be a non-empty string");
      return value as string;
    },
    number(value: unknown, field: string, min = -Infinity): number {
      if (typeof value !== "number" || !Number.isFinite(value) || value < min) fail(field, `must be a number ≥ ${min}`);
      return value as number;
    },
    array(value: unknown, field: string, minLength = 0): unknown[] {
      if (!Array.isArray(value) || value.length < minLength) fail(field, `must be an array of at least ${minLength} items`);
      return value as unknown[];
    },
    object(value: unknown, field: string): Record<string, unknown> {
      if (value === null || typeof value !== "object" || Array.isArray(value)) fail(field, "must be an object");
      return value as Record<string, unknown>;
    },
  };
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new ManifestError(file, "(file)", "is missing");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ManifestError(file, "(file)", `is not valid JSON: ${(error as Error).message}`);
  }
}

function validateExercise(r: ReturnType<typeof reader>, raw: unknown, field: string, chapterId: string): ExerciseEntry {
  const e = r.object(raw, field);
  const id = r.string(e.id, `${field}.id`);
  if (!id.startsWith(`${chapterId}/`) || !/^[a-z0-9-]+$/.test(id.slice(chapterId.length + 1))) {
    r.fail(`${field}.id`, `must be "${chapterId}/<kebab-case-slug>", got ${JSON.stringify(id)}`);
  }
  const difficulty = e.difficulty;
  if (difficulty !== "easy" && difficulty !== "medium" && difficulty !== "hard") {
    r.fail(`${field}.difficulty`, 'must be "easy", "medium" or "hard"');
  }
  const exports = r.array(e.exports, `${field}.exports`, 1).map((x, i) => r.string(x, `${field}.exports[${i}]`));
  const points = r.object(e.points, `${field}.points`);
  const overrides = points.overrides === undefined ? undefined : r.object(points.overrides, `${field}.points.overrides`);
  for (const [title, value] of Object.entries(overrides ?? {})) r.number(value, `${field}.points.overrides["${title}"]`, 0);
  const hints = r.array(e.hints, `${field}.hints`, 3).map((x, i) => r.string(x, `${field}.hints[${i}]`));
  if (hints.length !== 3) r.fail(`${field}.hints`, "must have exactly three tiers");
  return {
    id,
    title: r.string(e.title, `${field}.title`),
    difficulty: difficulty as ExerciseEntry["difficulty"],
    minutes: r.number(e.minutes, `${field}.minutes`, 1),
    exports,
    points: { default: r.number(points.default, `${field}.points.default`, 0), overrides: overrides as Record<string, number> | undefined },
    hints: hints as [string, string, string],
  };
}

function validateQuestion(r: ReturnType<typeof reader>, raw: unknown, field: string): QuizQuestion {
  const q = r.object(raw, field);
  const question = r.string(q.question, `${field}.question`);
  const explanation = r.string(q.explanation, `${field}.explanation`);
  if (q.type === "choice") {
    const choices = r.array(q.choices, `${field}.choices`, 2).map((x, i) => r.string(x, `${field}.choices[${i}]`));
    const answer = r.number(q.answer, `${field}.answer`, 0);
    if (!Number.isInteger(answer) || answer >= choices.length) r.fail(`${field}.answer`, `must index into choices (0–${choices.length - 1})`);
    return { type: "choice", question, choices, answer, explanation };
  }
  if (q.type === "numeric") {
    const unit = q.unit === undefined ? undefined : r.string(q.unit, `${field}.unit`);
    return { type: "numeric", question, answer: r.number(q.answer, `${field}.answer`), tolerance: r.number(q.tolerance, `${field}.tolerance`, 0), unit, explanation };
  }
  return r.fail(`${field}.type`, 'must be "choice" or "numeric"');
}

export function validateChapter(file: string, raw: unknown, folder: string): Chapter {
  const r = reader(file);
  const c = r.object(raw, "(root)");
  const id = r.string(c.id, "id");
  if (id !== folder) r.fail("id", `must equal its folder name "${folder}"`);
  const lesson = r.string(c.lesson, "lesson");
  const lessonPath = join(repoRoot, "chapters", folder, lesson);
  if (!existsSync(lessonPath)) r.fail("lesson", `names ${lesson}, which does not exist`);
  const chapter: ChapterFile = {
    id,
    title: r.string(c.title, "title"),
    summary: r.string(c.summary, "summary"),
    lesson,
    exercises: r.array(c.exercises, "exercises", 1).map((e, i) => validateExercise(r, e, `exercises[${i}]`, id)),
    quiz: r.array(c.quiz, "quiz", 0).map((q, i) => validateQuestion(r, q, `quiz[${i}]`)),
  };
  return { ...chapter, lessonPath };
}

/** Loads and validates one chapter folder, listed in course.json or not. */
export function loadChapter(folder: string, root = repoRoot): Chapter {
  const file = join(root, "chapters", folder, "chapter.json");
  return validateChapter(file, readJson(file), folder);
}

/** Loads the whole course from `root` (the repository by default). */
export function loadCourse(root = repoRoot): Course {
  const courseFile = join(root, "chapters", "course.json");
  const r = reader(courseFile);
  const course = r.object(readJson(courseFile), "(root)");
  if (course.version !== MANIFEST_VERSION) {
    r.fail("version", `must be ${MANIFEST_VERSION} (this code reads manifest version ${MANIFEST_VERSION})`);
  }
  const folders = r.array(course.chapters, "chapters", 1).map((x, i) => r.string(x, `chapters[${i}]`));
  folders.forEach((folder, i) => {
    if (!/^\d\d-[a-z0-9-]+$/.test(folder)) r.fail(`chapters[${i}]`, `must be a folder name like "06-cache", got ${JSON.stringify(folder)}`);
    if (!existsSync(join(root, "chapters", folder, "chapter.json"))) r.fail(`chapters[${i}]`, `names ${folder}, but chapters/${folder}/chapter.json does not exist`);
  });
  return { version: MANIFEST_VERSION, title: r.string(course.title, "title"), chapters: folders.map((f) => loadChapter(f, root)) };
}

/** Every exercise of the course, in course order, with its chapter. */
export function allExercises(course: Course): { chapter: Chapter; exercise: ExerciseEntry }[] {
  return course.chapters.flatMap((chapter) => chapter.exercises.map((exercise) => ({ chapter, exercise })));
}
