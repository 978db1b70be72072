/**
 * Bounds how long fast-check may shrink a failure, by a count of runs rather than by time.
 *
 * fast-check shrinks until no smaller candidate fails, with no limit of its own. Most failures
 * shrink in tens of runs, but a tuple of doubles can take thousands, and a synchronous property
 * holds the worker all that time: the learner got "did not finish" instead of the bug already
 * found. A time limit (`interruptAfterTimeLimit`) would make the reported case depend on the
 * machine's speed; a run count keeps every seed reproducible on every machine.
 *
 * Once the budget is spent, every further candidate is answered "passes" without running it, so
 * fast-check stops at the smallest failure found so far (the last one it saw fail). The reported
 * case, its path and its replay command stay exact.
 */
import type fc from "fast-check";
import { isFailure, runThen, withRun } from "./property-wrapper.ts";

/** Candidates tried after the first failure; enough for every grader's usual shrink. */
export const SHRINK_RUNS = 2_000;

export interface ShrinkBudget<Ts, IsAsync extends boolean> {
  property: fc.IRawProperty<Ts, IsAsync>;
  /** Whether the budget ran out: the reported case may not be the smallest. */
  exhausted: () => boolean;
}

export function boundedShrinking<Ts, IsAsync extends boolean>(
  property: fc.IRawProperty<Ts, IsAsync>,
  maxShrinkRuns = SHRINK_RUNS,
): ShrinkBudget<Ts, IsAsync> {
  let shrinkRuns = -1; // -1 until the first failure: generation, not shrinking
  const bounded = withRun(property, (value) => {
    if (shrinkRuns >= 0 && ++shrinkRuns > maxShrinkRuns) return property.isAsync() ? Promise.resolve(null) : null;
    return runThen(property, value, (outcome) => {
      if (shrinkRuns < 0 && isFailure(outcome)) shrinkRuns = 0;
      return outcome;
    });
  });
  return { property: bounded, exhausted: () => shrinkRuns > maxShrinkRuns };
}
