import type { Scenario } from "./types.ts";

/** The US data center goes dark for ten minutes. */
export default {
  name: "region-dark",
  summary: "the us-east data center goes dark for ten minutes",
  durationS: 1800,
  load: [[0, 300], [1800, 300]],
  usShare: 0.6,
  writeShare: 0.1,
  users: 5_000,
  p99TargetMs: 400,
  faults: [{ atS: 600, kind: "region-dark", dataCenter: "us-east", forS: 600 }],
} satisfies Scenario;
