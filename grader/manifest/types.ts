/**
 * The course manifest: the one source of chapter and exercise metadata.
 *
 * It is spread over small JSON files, one beside each lesson, so that a chapter is one folder:
 *   chapters/course.json        -> CourseFile   (version, title, the chapters in order)
 *   chapters/<NN-name>/chapter.json -> ChapterFile (lesson, exercises, hints, quiz)
 * `load.ts` reads and validates them; an error names the file and the field.
 * Bump MANIFEST_VERSION when a field changes meaning, and say how to migrate in docs/authoring.md.
 */

/** The manifest format this code reads. `chapters/course.json` must declare the same number. */
export const MANIFEST_VERSION = 1;

/** `chapters/course.json`. */
export interface CourseFile {
  /** Format version of the whole manifest; must equal MANIFEST_VERSION. */
  version: number;
  /** The course title shown in menus and on the website. */
  title: string;
  /** Chapter folder names in course order. A folder not listed here is not part of the course
   *  (yet): list a chapter once its chapter.json, stubs, solutions and graders are complete. */
  chapters: string[];
}

/** How hard an exercise is, shown beside its title. */
export type Difficulty = "easy" | "medium" | "hard";

/** `chapters/<NN-name>/chapter.json`. */
export interface ChapterFile {
  /** Folder name, e.g. "06-cache": two digits for order, then a slug. Must match the folder. */
  id: string;
  /** Human title, e.g. "Cache". */
  title: string;
  /** One sentence: what this step of the architecture adds. */
  summary: string;
  /** The lesson's markdown file, relative to the chapter folder (normally "lesson.md"). */
  lesson: string;
  /** The exercises, in the order a learner should do them. */
  exercises: ExerciseEntry[];
  /** 4–8 questions shown after the lesson. */
  quiz: QuizQuestion[];
}

export interface ExerciseEntry {
  /** "<chapter id>/<slug>", e.g. "06-cache/lru-cache". Files: exercises/<id>.ts, solutions/<id>.ts,
   *  grader/suites/<id>.test.ts, grader/mutants/<id>.ts. */
  id: string;
  /** Human title, e.g. "LRU cache". */
  title: string;
  difficulty: Difficulty;
  /** Estimated minutes for a learner who has read the lesson. */
  minutes: number;
  /** Names the exercise file must export (the primary export first). Checked before grading. */
  exports: string[];
  /** Points for each passing property. */
  points: {
    /** Points of every property not named in `overrides`. */
    default: number;
    /** Property title -> points, for properties worth more (or less) than the default. */
    overrides?: Record<string, number>;
  };
  /** Exactly three tiers: a nudge, the approach, nearly the answer. Shown one per `hint` call. */
  hints: [string, string, string];
}

export type QuizQuestion = ChoiceQuestion | NumericQuestion;

export interface ChoiceQuestion {
  type: "choice";
  question: string;
  /** 2–6 answers, shown in this order. */
  choices: string[];
  /** Index into `choices` of the right answer. */
  answer: number;
  /** Shown after the learner answers, right or wrong. */
  explanation: string;
}

export interface NumericQuestion {
  type: "numeric";
  question: string;
  answer: number;
  /** An answer within ± tolerance counts as right (0 = exact). */
  tolerance: number;
  /** Unit shown after the input, e.g. "servers". */
  unit?: string;
  explanation: string;
}

/** What `loadCourse()` returns: the validated files, with absolute paths resolved. */
export interface Course {
  version: number;
  title: string;
  chapters: Chapter[];
}

export interface Chapter extends ChapterFile {
  /** Absolute path of the lesson file. */
  lessonPath: string;
}
