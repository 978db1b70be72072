import type { Scenario } from "./types.ts";

/** A normal day's shape, played in one simulated hour: quiet night, busy afternoon, evening fall. */
export default {
  name: "diurnal-day",
  summary: "a normal day's traffic curve (night, morning rise, afternoon peak, evening fall) in one simulated hour",
  durationS: 3600,
  load: [[0, 100], [600, 120], [1500, 520], [2300, 560], [3000, 200], [3600, 100]],
  usShare: 0.6,
  writeShare: 0.1,
  users: 5_000,
  p99TargetMs: 400,
  faults: [{ atS: 1800, kind: "deploy" }],
} satisfies Scenario;
