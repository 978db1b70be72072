/**
 * A property failure as plain text: the scenario as numbered steps, then expected vs actual (or
 * the error), then how to replay it. Used for the error vitest shows in a bare run and, with a
 * replay command and indentation, by the engine's human report.
 */
import type { PropertyOutcome } from "./outcome.ts";

export function formatFailure(outcome: PropertyOutcome, replay?: string): string[] {
  const failure = outcome.failure;
  if (!failure) return [];
  const lines: string[] = [failure.summary];
  // When shrinking hit its budget the case is small, but not proven the smallest.
  const which = failure.shrinkStopped ? "A failing" : "Smallest failing";
  if (failure.steps.length > 0) {
    lines.push(`${which} scenario:`);
    const shown = failure.steps.slice(0, 40);
    shown.forEach((text, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${text}`));
    if (failure.steps.length > shown.length) lines.push(`  … ${failure.steps.length - shown.length} more steps`);
  } else if (failure.counterexample) {
    lines.push(`${which} input: ${failure.counterexample}`);
  }
  if (failure.kind === "mismatch") {
    lines.push(`Checked:  ${failure.checked}`, `Expected: ${failure.expected}`, `Actual:   ${failure.actual}`);
  } else if (failure.error) {
    lines.push(`Threw:    ${failure.error}${failure.location ? ` (${failure.location})` : ""}`);
  }
  if (replay) lines.push(`Replay:   ${replay}`);
  else if (failure.seed !== undefined && failure.path) lines.push(`Seed ${failure.seed}, path ${failure.path}`);
  return lines;
}
