/** What every report format is rendered from. */
import type { GradeReport } from "../results.ts";

export const FORMATS = ["human", "json", "exercism", "gradescope", "junit", "github", "classroom"] as const;
export type FormatName = (typeof FORMATS)[number];

/** Gradescope's visibility values (https://gradescope-autograders.readthedocs.io). */
export const VISIBILITIES = ["visible", "hidden", "after_due_date", "after_published"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface FormatContext {
  report: GradeReport;
  /** The human report, already rendered (formats that carry a text summary reuse it). */
  human: string;
  /** The graded file of each exercise, as a path relative to the repository or as given. */
  files: Map<string, string>;
  /** The source of a property's check, for formats that show test code. */
  testCode: (exerciseId: string, propertyName: string) => string;
  /** Wall time of the whole run, seconds. */
  elapsedSeconds: number;
  /** Every exercise id of the course, in course order (stable numbering, e.g. Exercism's task_id). */
  courseIds: string[];
  /** Visibility of every test in Gradescope's results. */
  visibility: Visibility;
}
