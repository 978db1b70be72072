/**
 * Runs one property against one implementation with fast-check, and turns a failure into a
 * learner-sized report: fast-check finds and shrinks the smallest failing case; the steps that
 * case recorded (see recording.ts) become the scenario, and its error says what went wrong.
 */
import fc from "fast-check";
import type { Failure, PropertyOutcome } from "./outcome.ts";
import type { RunSettings } from "./settings.ts";
import { keepFakeClock, realClearTimeout, realSetTimeout } from "./time.ts";
import { recordingFailures, replayPathOf, setReplayPath } from "./recording.ts";
import { boundedShrinking } from "./shrink-budget.ts";
import { Mismatch } from "./trace.ts";

export interface PropertyDef<M> {
  /** 1-based position in the grader file. */
  index: number;
  /** A plain sentence: "a hit makes the key most recently used". */
  title: string;
  /** Builds the fast-check property for the learner's module. */
  make: (module: M) => fc.IRawProperty<any, any>;
  /** Runs for this property (e.g. 1 for a deterministic complexity check). */
  runs?: number;
  /** Time limit for this property, if not the run's default. */
  timeoutMs?: number;
  /** Checks many rules at once, or cost: its failure is shown after specific ones (lead-failure.ts). */
  broad?: boolean;
  /** One run whose input is the same at every seed (PropertyOptions.fixedInput). */
  fixedInput?: boolean;
}

const TIMED_OUT = Symbol("timed out");

/** Resolve with `promise`, or with TIMED_OUT after `ms` real milliseconds. */
async function within<T>(promise: T | Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = realSetTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    realClearTimeout(timer);
  }
}

/** Where in the learner's file an error was thrown: the boundary keeps the learner's stack
 *  (`learnerStack`, in bundle coordinates) and `mapStack` turns it into the file's lines. */
function locate(error: unknown, learnerFile: string, mapStack: (stack: string) => string): string | undefined {
  const raw = (error as { learnerStack?: unknown } | null)?.learnerStack;
  const stack = typeof raw === "string" ? mapStack(raw) : "";
  const frame = stack.split("\n").find((line) => line.includes(learnerFile));
  const match = frame?.match(/:(\d+):(\d+)\)?\s*$/);
  return match ? `line ${match[1]}, column ${match[2]}` : undefined;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split("\n")[0]}`;
  return `threw a non-error value: ${fc.stringify(error)}`;
}

function failureFrom(error: unknown, steps: string[], learnerFile: string, mapStack: (stack: string) => string): Failure {
  if (error instanceof Mismatch) {
    return {
      kind: "mismatch",
      summary: `${error.checked} did not give the expected result`,
      steps,
      checked: error.checked,
      expected: error.expected,
      actual: error.actual,
    };
  }
  const described = describeError(error);
  return {
    kind: "exception",
    summary: /not implemented/i.test(described) ? "not implemented yet" : `your code threw ${described}`,
    steps,
    error: described,
    location: locate(error, learnerFile, mapStack),
  };
}

export async function runProperty<M>(
  def: PropertyDef<M>,
  module: M,
  settings: RunSettings,
  learnerFile: string,
  mapStack: (stack: string) => string = (stack) => stack,
): Promise<PropertyOutcome> {
  const base = { index: def.index, title: def.title, ...(def.broad ? { broad: true as const } : {}) };
  const limitMs = def.timeoutMs ?? settings.timeoutMs;
  const numRuns = def.runs ?? settings.runs;
  const [path, replayPath] = (settings.path ?? "").split("@");
  let property: fc.IRawProperty<any, any>;
  let shrinkStopped = () => false;
  let steps: string[] = [];
  try {
    setReplayPath(replayPath || undefined); // read by `commands()` while the property is built
    const bounded = boundedShrinking(def.make(module));
    shrinkStopped = bounded.exhausted;
    property = recordingFailures(bounded.property, (failing) => (steps = failing));
  } catch (error) {
    return { ...base, status: "fail", failure: failureFrom(error, [], learnerFile, mapStack) };
  } finally {
    setReplayPath(undefined);
  }
  const endOnFailure = Boolean(path) || settings.verdictOnly === true;
  const parameters = { seed: settings.seed, numRuns, ...(path ? { path } : {}), ...(endOnFailure ? { endOnFailure } : {}) };

  // One fake clock serves all of this property's runs (time.ts): installing one per run cost more
  // than most runs.
  const releaseClock = keepFakeClock();
  let details: Awaited<ReturnType<typeof fc.check>> | typeof TIMED_OUT;
  try {
    details = await within(fc.check(property, parameters), limitMs);
  } finally {
    releaseClock();
  }
  if (details === TIMED_OUT) {
    const summary = `did not finish within ${limitMs} ms (an endless loop, or a promise that never settles?)`;
    return { ...base, status: "fail", failure: { kind: "timeout", summary, steps, seed: settings.seed } };
  }
  if (!details.failed && details.numSkips * 10 > details.numRuns) {
    // No grader skips more than a few runs (fc.pre on generated inputs); the learner's code cannot
    // skip any (the boundary strips fast-check's markers from what it throws). Defence in depth.
    const summary = `not graded: ${details.numSkips} runs were skipped for ${details.numRuns} that ran`;
    return { ...base, status: "fail", failure: { kind: "exception", summary, steps: [] } };
  }
  if (!details.failed) return { ...base, status: "pass" };

  const counterexample = fc.stringify(details.counterexample);
  const commandsPath = replayPathOf(counterexample);
  return {
    ...base,
    status: "fail",
    failure: {
      ...failureFrom(details.errorInstance, steps, learnerFile, mapStack),
      counterexample,
      seed: details.seed,
      path: details.counterexamplePath ? details.counterexamplePath + (commandsPath ? `@${commandsPath}` : "") : undefined,
      numRuns: details.numRuns,
      numShrinks: details.numShrinks,
      ...(shrinkStopped() ? { shrinkStopped: true } : {}),
    },
  };
}
