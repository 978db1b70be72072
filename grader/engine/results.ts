/**
 * The result of a grading run: what `--json` writes (schema in docs/grading.md) and what every
 * report format is made from. Bump REPORT_VERSION when a field changes meaning.
 */
import type { Failure } from "../kit/outcome.ts";

export const REPORT_VERSION = 1;

export type ExerciseStatus = "pass" | "fail" | "error";
/** "error": the property could not run (the module did not load, or the run stopped before it). */
export type PropertyStatus = "pass" | "fail" | "error";

export interface PropertyResult {
  /** 1-based position in the grader (`--property N` replays it). */
  index: number;
  /** The property as a plain sentence. */
  name: string;
  status: PropertyStatus;
  /** Points earned (0 unless status is "pass") and points available. */
  points: number;
  maxPoints: number;
  /** Set when the property checks many rules at once or checks cost (PropertyOptions.broad):
   *  its failure is shown after the failures of specific rules (kit/lead-failure.ts). */
  broad?: true;
  /** One line: why it failed. */
  message?: string;
  /** The command that replays exactly the failing case. */
  replay?: string;
  /** Scenario, expected and actual, error: everything a report needs to explain the failure. */
  failure?: Failure;
}

export interface ExerciseResult {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  status: ExerciseStatus;
  /** Why the whole exercise errored or could not be graded completely. */
  reason?: string;
  properties: PropertyResult[];
  /** What the learner's code printed while graded (truncated), kept apart from grader lines. */
  output?: string;
  /** Wall time of this exercise's grading, ms (absent when not measurable). */
  durationMs?: number;
}

export interface GradeReport {
  version: number;
  /** The seed every property ran with; null when the instructor keeps it secret. */
  seed: number | null;
  /** Runs per property (properties may set their own). */
  runs: number;
  /** What was graded: "exercises", "solutions", or the submission folder as given. */
  submission: string;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
}
