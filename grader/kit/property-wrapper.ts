/**
 * The one way the kit changes a fast-check property: by wrapping its `run`, leaving generation
 * and shrinking to fast-check. Used by recording.ts (the scenario) and shrink-budget.ts.
 */
import fc from "fast-check";

/** What one run of a property gives back: null for a pass. */
export type Outcome = fc.PreconditionFailure | fc.PropertyFailure | null;

/** A failed run; a precondition failure (fc.pre) only skips the run. */
export function isFailure(outcome: Outcome): boolean {
  return outcome !== null && !fc.PreconditionFailure.isFailure(outcome);
}

/** `property` with `run` in place of its own; every other method forwards to it. */
export function withRun<Ts, IsAsync extends boolean>(
  property: fc.IRawProperty<Ts, IsAsync>,
  run: (value: Ts) => Outcome | Promise<Outcome>,
): fc.IRawProperty<Ts, IsAsync> {
  return {
    isAsync: () => property.isAsync(),
    generate: (random, runId) => property.generate(random, runId),
    shrink: (value) => property.shrink(value),
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
    run: run as fc.IRawProperty<Ts, IsAsync>["run"],
  };
}

/** Runs `property` on `value` and passes its outcome through `then`, sync or async alike. */
export function runThen<Ts>(property: fc.IRawProperty<Ts, boolean>, value: Ts, then: (outcome: Outcome) => Outcome): Outcome | Promise<Outcome> {
  const outcome = property.run(value) as Outcome | Promise<Outcome>;
  return outcome instanceof Promise ? outcome.then(then) : then(outcome);
}
