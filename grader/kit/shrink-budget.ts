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
import fc from "fast-check";

/** Candidates tried after the first failure; enough for every grader's usual shrink. */
export const SHRINK_RUNS = 2_000;

type Outcome = fc.PreconditionFailure | fc.PropertyFailure | null;

/** A precondition failure (fc.pre) skips a run; it is not a failure. */
const failed = (outcome: Outcome): boolean => outcome !== null && !fc.PreconditionFailure.isFailure(outcome);

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
  const after = (outcome: Outcome): Outcome => {
    if (shrinkRuns < 0 && failed(outcome)) shrinkRuns = 0;
    return outcome;
  };
  const bounded: fc.IRawProperty<Ts, IsAsync> = {
    isAsync: () => property.isAsync(),
    generate: (random, runId) => property.generate(random, runId),
    shrink: (value) => property.shrink(value),
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
    run(value) {
      if (shrinkRuns >= 0 && ++shrinkRuns > maxShrinkRuns) return (property.isAsync() ? Promise.resolve(null) : null) as ReturnType<typeof property.run>;
      const outcome = property.run(value) as Outcome | Promise<Outcome>;
      return (outcome instanceof Promise ? outcome.then(after) : after(outcome)) as ReturnType<typeof property.run>;
    },
  };
  return { property: bounded, exhausted: () => shrinkRuns > maxShrinkRuns };
}
