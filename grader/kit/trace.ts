/**
 * Scenario tracing and checks used inside grader properties.
 *
 * Steps are recorded only while the kit replays the smallest failing case, so a property can call
 * `step()` on every operation at almost no cost during the hundreds of ordinary runs.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { renderSteps, type RecordedStep } from "./scenario-steps.ts";

// Taken once: under vitest a Node built-in's exports are reached through a Proxy of its module
// runner, so `isDeepStrictEqual(…)` in a hot path would cost a trap on every call.
const deepStrictEqual = isDeepStrictEqual;

let recording: RecordedStep[] | null = null;

/** Reads the fake clock (ms since fake time began), or undefined with real time; set by time.ts. */
let readClock: () => number | undefined = () => undefined;

export function setStepClock(clock: () => number | undefined): void {
  readClock = clock;
}

/** Start collecting steps (the kit calls this before replaying a counterexample). */
export function startRecording(): void {
  recording = [];
}

/** Stop collecting and return the steps recorded since `startRecording`, raw. */
export function stopRecording(): RecordedStep[] {
  const steps = recording ?? [];
  recording = null;
  return steps;
}

/** The scenario as the learner reads it: time steps merged, the clock shown after time passes. */
export { renderSteps };

/** Record one operation of the scenario, written as code the learner could paste. */
export function step(text: string): void {
  recording?.push({ text, at: readClock() });
}

/**
 * Note on the scenario that `call` threw `error` (an expected error, or the one that failed the
 * run): on the last step when that step is the call, else as a step of its own.
 */
export function noteThrown(call: string, error: unknown, verb = "threw"): void {
  if (!recording) return;
  const note = `// ${describeThrown(error).replace(/^threw/, verb)}`;
  const last = recording.at(-1);
  if (last && last.text.trim().endsWith(call.trim()) && !last.text.includes("// ")) last.text = `${last.text}  ${note}`;
  else recording.push({ text: `${call}  ${note}`, at: readClock() });
}

/** Printable form of any value (fast-check's printer: strings quoted, Maps and Sets readable). */
export function show(value: unknown): string {
  return fc.stringify(value);
}

/** Thrown by the checks below: the implementation answered, but not as the contract says. */
export class Mismatch extends Error {
  constructor(
    readonly checked: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${checked}: expected ${expected}, got ${actual}`);
    this.name = "Mismatch";
  }
}

/** Deep strict equality, except that 0 and -0 are the same number. */
function same(actual: unknown, expected: unknown): boolean {
  return deepStrictEqual(actual, expected) || (typeof actual === "number" && actual === expected);
}

/** The kind of a value, for when two different values print alike. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return Object.getPrototypeOf(value)?.constructor?.name ?? "object";
}

/** `checked` must equal `expected` (deep strict equality). */
export function check(checked: string, actual: unknown, expected: unknown): void {
  if (same(actual, expected)) return;
  let [e, a] = [show(expected), show(actual)];
  // Different values that print the same (a class instance and a plain object, a boxed string):
  // name their kinds, so the learner is not told that "x" differs from "x".
  if (e === a) [e, a] = [`${e} (${kindOf(expected)})`, `${a} (${kindOf(actual)})`];
  throw new Mismatch(checked, e, a);
}

/** An invariant: `ok` must hold. `expected` says in words what should have been true. */
export function checkThat(checked: string, ok: boolean, expected: string, actual: unknown): void {
  if (!ok) throw new Mismatch(checked, expected, show(actual));
}

type ErrorClass = abstract new (...args: never[]) => Error;

function isErrorOf(error: unknown, errorClass: ErrorClass): boolean {
  return error instanceof errorClass || (error instanceof Error && error.name === errorClass.name);
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `threw ${error.name}: ${error.message.split("\n")[0]}` : `threw ${show(error)}`;
}

/** `fn()` must throw an error of `errorClass` (matched by `instanceof` or by `name`). */
export function checkThrows(checked: string, fn: () => unknown, errorClass: ErrorClass): void {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    if (isErrorOf(error, errorClass)) return noteThrown(checked, error);
    throw new Mismatch(checked, `throws ${errorClass.name}`, describeThrown(error));
  }
  throw new Mismatch(checked, `throws ${errorClass.name}`, `returned ${show(result)}`);
}

/** The promise (or the promise `fn` returns) must reject with an error of `errorClass`. */
export async function checkRejects(
  checked: string,
  promise: Promise<unknown> | (() => Promise<unknown>),
  errorClass: ErrorClass,
): Promise<void> {
  let result: unknown;
  try {
    result = await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (isErrorOf(error, errorClass)) return noteThrown(checked, error, "rejected with");
    throw new Mismatch(checked, `rejects with ${errorClass.name}`, describeThrown(error).replace("threw", "rejected with"));
  }
  throw new Mismatch(checked, `rejects with ${errorClass.name}`, `resolved to ${show(result)}`);
}
