/**
 * Keeps the scenario of the smallest failing case. Every run of a property records its steps;
 * when a run fails, its steps replace the previous failing run's. fast-check shrinks by trying
 * smaller candidates and keeping each one that still fails, so the last failing run is the
 * smallest counterexample it reports: its steps are the scenario to show, with no replay needed.
 */
import fc from "fast-check";
import { isFailure, runThen, withRun } from "./property-wrapper.ts";
import { renderSteps, startRecording, stopRecording } from "./trace.ts";

/** fast-check's `commands` replay needs the replayPath printed in a commands counterexample. */
let activeReplayPath: string | undefined;

export function setReplayPath(replayPath: string | undefined): void {
  activeReplayPath = replayPath;
}

/**
 * Use instead of `fc.commands` in graders: identical, except that a replay command
 * (`--path <path>@<replayPath>`) can reproduce exactly the shrunk list of commands.
 */
// Async first: an async command would also match the sync signature (a Promise is a valid void).
export function commands<Model extends object, Real>(
  arbitraries: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[],
  constraints?: fc.CommandsContraints,
): fc.Arbitrary<Iterable<fc.AsyncCommand<Model, Real>>>;
export function commands<Model extends object, Real>(
  arbitraries: fc.Arbitrary<fc.Command<Model, Real>>[],
  constraints?: fc.CommandsContraints,
): fc.Arbitrary<Iterable<fc.Command<Model, Real>>>;
export function commands(arbitraries: fc.Arbitrary<any>[], constraints: fc.CommandsContraints = {}): fc.Arbitrary<Iterable<any>> {
  return fc.commands(arbitraries, { ...constraints, replayPath: activeReplayPath });
}

/** The replayPath inside a printed commands counterexample, if any. */
export function replayPathOf(printedCounterexample: string): string | undefined {
  return printedCounterexample.match(/replayPath="([^"]*)"/)?.[1];
}

/** Wraps `property` so that `onFailure` receives the steps of every failing run, in order. */
export function recordingFailures<Ts, IsAsync extends boolean>(
  property: fc.IRawProperty<Ts, IsAsync>,
  onFailure: (steps: string[]) => void,
): fc.IRawProperty<Ts, IsAsync> {
  return withRun(property, (value) => {
    startRecording();
    return runThen(property, value, (outcome) => {
      const steps = stopRecording();
      if (isFailure(outcome)) onFailure(renderSteps(steps));
      return outcome;
    });
  });
}
