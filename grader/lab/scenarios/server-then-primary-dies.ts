import type { Scenario } from "./types.ts";

/** Steady load; a web server dies, and later the primary database. */
export default {
  name: "server-then-primary-dies",
  summary: "steady load; a web server dies at 10 min, the primary database at 20 min",
  durationS: 1800,
  load: [[0, 400], [1800, 400]],
  usShare: 0.6,
  writeShare: 0.1,
  users: 5_000,
  p99TargetMs: 400,
  faults: [{ atS: 600, kind: "server-dies" }, { atS: 1202.5, kind: "primary-dies" }],
} satisfies Scenario;
