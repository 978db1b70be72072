/**
 * What one property's grading produced. The kit writes these to the journal; the engine reads
 * them back, adds points and formats them. Plain data: it crosses a process boundary as JSON.
 */

export type PropertyStatus = "pass" | "fail";

export interface PropertyOutcome {
  /** 1-based position of the property in its grader file (the `--property` of a replay). */
  index: number;
  title: string;
  status: PropertyStatus;
  /** Set when the property checks many rules at once or checks cost (see PropertyOptions.broad). */
  broad?: true;
  /** Set when status is "fail". */
  failure?: Failure;
}

export type FailureKind =
  /** The implementation answered, but not what the contract says. */
  | "mismatch"
  /** The implementation threw (or rejected) where it should not have. */
  | "exception"
  /** The property did not finish within its time limit (endless loop, promise never settled). */
  | "timeout"
  /** The test process died (out of memory, killed) before the property reported. */
  | "crash";

export interface Failure {
  kind: FailureKind;
  /** One line: what went wrong, in plain words. */
  summary: string;
  /** The smallest failing scenario, one operation per entry (may be empty). */
  steps: string[];
  /** For a mismatch: the checked expression, and both values as printable text. */
  checked?: string;
  expected?: string;
  actual?: string;
  /** For an exception: the error as `Name: message`, and where in the learner's file it came from. */
  error?: string;
  location?: string;
  /** fast-check's counterexample, printed; shown when the scenario has no steps. */
  counterexample?: string;
  /** Replay coordinates: the run seed and fast-check's path to this exact case. */
  seed?: number;
  path?: string;
  /** How many runs passed before the failure, and how many shrinks found the smallest case. */
  numRuns?: number;
  numShrinks?: number;
  /** Set when shrinking stopped at its budget (shrink-budget.ts): the case may not be the smallest. */
  shrinkStopped?: boolean;
}

/** A line of an exercise's journal file (JSON lines, appended synchronously). */
export type JournalLine =
  /** Written when the grader file registers its properties, before any learner code runs. */
  | { event: "plan"; properties: { index: number; title: string }[] }
  | { event: "start"; index: number; title: string }
  | { event: "result"; outcome: PropertyOutcome }
  | { event: "load-error"; reason: string }
  | { event: "killed"; index: number; afterMs: number }
  /** Written when a worker shared with earlier grader files finds built-ins changed (intrinsics.ts). */
  | { event: "disturbed"; changed: string[] };
