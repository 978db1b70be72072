import type { Scenario } from "./types.ts";

/** One user draws a fifth of all traffic. */
export default {
  name: "celebrity-key",
  summary: "one celebrity user draws 20% of all reads and writes",
  durationS: 1800,
  load: [[0, 300], [1800, 300]],
  usShare: 0.6,
  writeShare: 0.1,
  users: 5_000,
  celebrity: { userId: 42, share: 0.2 },
  p99TargetMs: 400,
  faults: [],
} satisfies Scenario;
