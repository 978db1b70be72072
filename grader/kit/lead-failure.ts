/**
 * Which failure a learner sees first. Properties run in file order, but the first failure in
 * file order is often not the one that names the bug: a model-based property fails for any bug,
 * and a 20-step scenario explains less than a 3-step one. Watch's `Next:`, the human report and
 * the self-test (every mutant must lead with the property it names) all use this one order.
 */
import type { PropertyOutcome } from "./outcome.ts";

/** How telling a failure is: lower comes first. */
function weight(outcome: PropertyOutcome): [number, number, number] {
  const failure = outcome.failure;
  // A crash or timeout is reported where it happened; it explains itself, so it is not demoted.
  const broad = outcome.broad ? 1 : 0;
  const length = failure?.steps.length ?? 0;
  return [broad, length, outcome.index];
}

function compare(a: PropertyOutcome, b: PropertyOutcome): number {
  const [x, y] = [weight(a), weight(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * The failed outcomes, most telling first: specific rules before broad ones (PropertyOptions.broad),
 * then the shorter scenario, then file order.
 */
export function failuresInLeadOrder(outcomes: readonly PropertyOutcome[]): PropertyOutcome[] {
  return outcomes.filter((o) => o.status === "fail").sort(compare);
}

/** The failure to show first, or undefined when every property passed. */
export function leadFailure(outcomes: readonly PropertyOutcome[]): PropertyOutcome | undefined {
  return failuresInLeadOrder(outcomes)[0];
}
