import type { Scenario } from "./types.ts";

/** Traffic jumps tenfold within a minute, stays ten minutes, then falls back. */
export default {
  name: "flash-crowd",
  summary: "traffic jumps 10x within a minute, holds for ten minutes, then falls back",
  durationS: 1800,
  load: [[0, 100], [300, 100], [360, 1000], [960, 1000], [1020, 100], [1800, 100]],
  usShare: 0.6,
  writeShare: 0.1,
  users: 5_000,
  p99TargetMs: 400,
  faults: [],
} satisfies Scenario;
