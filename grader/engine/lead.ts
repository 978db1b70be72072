/**
 * The lead-failure order (kit/lead-failure.ts) applied to an exercise's results, so that the
 * report, `Next:` and watch mode all point at the same failure: the most specific failing rule,
 * then the smallest scenario, then file order. Properties that could not run ("error") are not
 * failures of a rule and never lead.
 */
import { failuresInLeadOrder } from "../kit/lead-failure.ts";
import type { PropertyOutcome } from "../kit/outcome.ts";
import type { PropertyResult } from "./results.ts";

function asOutcome(result: PropertyResult): PropertyOutcome {
  return {
    index: result.index,
    title: result.name,
    status: result.status === "fail" ? "fail" : "pass",
    ...(result.broad ? { broad: true as const } : {}),
    failure: result.failure ?? { kind: "crash", summary: result.message ?? "", steps: [] },
  };
}

/** The failed properties, most telling first. */
export function resultsInLeadOrder(properties: readonly PropertyResult[]): PropertyResult[] {
  const byIndex = new Map(properties.map((p) => [p.index, p]));
  return failuresInLeadOrder(properties.map(asOutcome)).map((o) => byIndex.get(o.index)!);
}

/** The failed property to show first, else the first that could not run, else undefined. */
export function leadResult(properties: readonly PropertyResult[]): PropertyResult | undefined {
  return resultsInLeadOrder(properties)[0] ?? properties.find((p) => p.status !== "pass");
}
