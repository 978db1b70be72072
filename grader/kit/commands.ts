/**
 * Short constructors for fast-check model-based commands. A command's label is what the learner
 * sees as one step of a failing scenario, so it is written as code: `cache.set(1, "a")`.
 */
import type fc from "fast-check";
import { Mismatch, noteThrown, step } from "./trace.ts";

/** A step that threw says so on the scenario (a Mismatch is the grader's check, not the call). */
function noteIfThrown(label: string, error: unknown): never {
  if (!(error instanceof Mismatch)) noteThrown(label, error);
  throw error;
}

/** A synchronous command for `fc.commands` + `fc.modelRun`. */
export function command<Model extends object, Real>(
  label: string,
  run: (model: Model, real: Real) => void,
  when: (model: Readonly<Model>) => boolean = () => true,
): fc.Command<Model, Real> {
  return {
    check: when,
    run(model, real) {
      step(label);
      try {
        run(model, real);
      } catch (error) {
        noteIfThrown(label, error);
      }
    },
    toString: () => label,
  };
}

/** An asynchronous command for `fc.commands` + `fc.asyncModelRun` / `fc.scheduledModelRun`. */
export function asyncCommand<Model extends object, Real>(
  label: string,
  run: (model: Model, real: Real) => Promise<void>,
  when: (model: Readonly<Model>) => boolean = () => true,
): fc.AsyncCommand<Model, Real> {
  return {
    check: when,
    async run(model, real) {
      step(label);
      try {
        await run(model, real);
      } catch (error) {
        noteIfThrown(label, error);
      }
    },
    toString: () => label,
  };
}
