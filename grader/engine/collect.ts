/**
 * Builds an exercise's result from what its journal recorded, the type check, and what vitest
 * saw. Anything missing is explained, never counted as a pass: a property that started but never
 * reported was stopped (watchdog) or crashed; one that never started was not run.
 */
import type { JournalLine, PropertyOutcome } from "../kit/outcome.ts";
import type { ExerciseEntry } from "../manifest/types.ts";
import type { ExerciseResult, PropertyResult } from "./results.ts";

export interface CollectContext {
  journal: JournalLine[];
  /** Journal lines whose signature did not verify (sandboxed runs): someone else wrote them. */
  forgedLines?: number;
  /** Type errors in the graded file, if any. */
  typeErrors?: string[];
  /** Errors that escaped the learner's code (unhandled rejections, exceptions in timers). */
  unhandled?: string[];
  output?: string;
  durationMs?: number;
  /** Per-property time limit, for messages. */
  timeoutMs: number;
  /** Only this property was run (a replay). */
  onlyProperty?: number;
  /** Builds the replay command of a failing property. */
  replay: (index: number, seed?: number, path?: string) => string | undefined;
  /** The graded file as the learner would type it. */
  file: string;
}

function pointsOf(entry: ExerciseEntry, title: string): number {
  return entry.points.overrides?.[title] ?? entry.points.default;
}

export function collectExercise(entry: ExerciseEntry, context: CollectContext): ExerciseResult {
  const { journal } = context;
  const plan = journal.find((line) => line.event === "plan")?.properties ?? [];
  const outcomes = new Map<number, PropertyOutcome>();
  const started = new Set<number>();
  let killedAt: { index: number } | undefined;
  let loadError: string | undefined;
  for (const line of journal) {
    if (line.event === "result") outcomes.set(line.outcome.index, line.outcome);
    if (line.event === "start") started.add(line.index);
    if (line.event === "killed") killedAt = line;
    if (line.event === "load-error") loadError = line.reason;
  }

  let reason: string | undefined;
  if (context.forgedLines) reason = `${context.forgedLines} result line(s) of this exercise were not written by the grader (the code under test wrote them): nothing in this exercise counts`;
  else if (plan.length === 0) reason = "the grader did not start (the test process failed before registering its properties)";
  else if (killedAt?.index === 0) reason = `loading ${context.file} did not finish within ${context.timeoutMs} ms: is there an endless loop at the top level?`;
  else if (loadError) reason = loadError;
  else if (context.typeErrors?.length) reason = `${context.file} does not compile:\n${context.typeErrors.slice(0, 5).join("\n")}`;
  else if (context.unhandled?.length) reason = `an error escaped your code during grading: ${context.unhandled[0]}`;

  const stoppedAt = [...started].filter((i) => !outcomes.has(i)).sort((a, b) => a - b)[0];
  const properties: PropertyResult[] = plan
    .filter((p) => context.onlyProperty === undefined || p.index === context.onlyProperty)
    .map(({ index, title }) => {
      const maxPoints = pointsOf(entry, title);
      const outcome = outcomes.get(index);
      const base = { index, name: title, maxPoints, points: 0, ...(outcome?.broad ? { broad: true as const } : {}) };
      if (outcome?.status === "pass") return { ...base, status: "pass", points: maxPoints };
      if (outcome?.failure) {
        const f = outcome.failure;
        return { ...base, status: "fail", message: f.summary, failure: f, replay: f.path ? context.replay(index, f.seed, f.path) : context.replay(index, f.seed) };
      }
      if (index === stoppedAt) {
        const timedOut = killedAt?.index === index;
        const message = timedOut
          ? `did not finish within ${context.timeoutMs} ms and was stopped (an endless loop?)`
          : "the test process died while running this property (out of memory, or process.exit?)";
        return { ...base, status: "fail", message, failure: { kind: timedOut ? "timeout" : "crash", summary: message, steps: [] }, replay: context.replay(index) };
      }
      const message = loadError ?? (stoppedAt !== undefined ? `not run: grading stopped at property ${stoppedAt}` : "not run");
      return { ...base, status: "error", message };
    });

  const maxScore = properties.reduce((sum, p) => sum + p.maxPoints, 0);
  const earned = properties.reduce((sum, p) => sum + p.points, 0);
  const status = reason ? "error" : properties.every((p) => p.status === "pass") ? "pass" : "fail";
  return {
    id: entry.id,
    title: entry.title,
    score: status === "error" ? 0 : earned,
    maxScore,
    status,
    reason,
    properties,
    output: context.output,
    durationMs: context.durationMs,
  };
}
