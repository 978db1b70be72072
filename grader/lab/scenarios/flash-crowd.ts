import type { Scenario } from "./types.ts";

/** Traffic jumps tenfold within a minute, stays ten minutes, then falls back. */
export default {
  name: "flash-crowd",
  summary: "traffic jumps 10x within a minute, holds for ten minutes, then falls back",
  durationS: 1800,
  load: [[0, 200], [300, 200], [360, 2000], [960, 2000], [1020, 200], [1800, 200]],
  usShare: 0.6,
  writeShare: 0.1,
  users: 5_000,
  p99TargetMs: 400,
  faults: [],
} satisfies Scenario;
