import celebrityKey from "./celebrity-key.ts";
import diurnalDay from "./diurnal-day.ts";
import flashCrowd from "./flash-crowd.ts";
import regionDark from "./region-dark.ts";
import serverThenPrimaryDies from "./server-then-primary-dies.ts";
import type { Scenario } from "./types.ts";

export type { Fault, Scenario } from "./types.ts";

export const SCENARIOS: Scenario[] = [diurnalDay, flashCrowd, serverThenPrimaryDies, regionDark, celebrityKey];
export const DEFAULT_SCENARIO = "diurnal-day";

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

/** Requests per second at `t` seconds: linear between the scenario's points. */
export function rateAt(s: Scenario, t: number): number {
  const pts = s.load;
  if (t <= pts[0]![0]) return pts[0]![1];
  for (let i = 1; i < pts.length; i++) {
    const [t1, r1] = pts[i]!;
    if (t <= t1) {
      const [t0, r0] = pts[i - 1]!;
      return r0 + ((r1 - r0) * (t - t0)) / (t1 - t0);
    }
  }
  return pts[pts.length - 1]![1];
}
