import { defineMutants } from "../../kit/index.ts";

const ORDER = "a read goes to the next qualifying replica after the one that served the previous read";

export default defineMutants("05-replication/replica-router", [
  {
    name: "writes-routed-like-reads",
    bug: "routeWrite goes through the read path, so writes land on replicas",
    kills: "every write goes to the primary",
    edits: [["  routeWrite(): string {\n    return this.primary;", "  routeWrite(): string {\n    return this.routeRead();"]],
  },
  {
    name: "ignores-health",
    bug: "a replica marked down still serves reads",
    kills: "a read never goes to a replica that is down",
    edits: [["    if (!this.healthy.get(id)) return false;\n", ""]],
  },
  {
    name: "ignores-min-lsn",
    bug: "minLsn is ignored, so a lagging replica serves a read-your-writes read",
    kills: "a read with minLsn goes only to a replica that has applied that LSN, or to the primary",
    edits: [["return minLsn === undefined || (this.applied.get(id) ?? 0) >= minLsn;", "return true;"]],
  },
  {
    name: "stale-fallback",
    bug: "when no replica has caught up, the read goes to any healthy replica instead of the primary",
    kills: "a read with minLsn goes only to a replica that has applied that LSN, or to the primary",
    edits: [
      [
        "    this.lastServed = -1;\n    return this.primary;",
        "    this.lastServed = -1;\n    return this.replicas.find((id) => this.healthy.get(id)) ?? this.primary;",
      ],
    ],
  },
  {
    name: "no-skip-to-next",
    bug: "looks only at the replica right after the previous one, and sends the read to the primary if it does not qualify",
    kills: "a read goes to the primary exactly when no replica qualifies",
    edits: [["for (let step = 1; step <= n; step++)", "for (let step = 1; step <= Math.min(n, 1); step++)"]],
  },
  {
    name: "always-first-replica",
    bug: "every read scans from the first replica, so the first qualifying one takes all reads",
    kills: ORDER,
    edits: [["const index = (this.lastServed + step) % n;", "const index = step - 1;"]],
  },
  {
    name: "no-reset-after-primary",
    bug: "after a read the primary served, the scan resumes after the last replica instead of at the first",
    kills: ORDER,
    edits: [["    this.lastServed = -1;\n    return this.primary;", "    return this.primary;"]],
  },
  {
    name: "counter-over-qualifying",
    bug: "picks qualifying[reads % qualifying.length], which skips or repeats replicas when the set changes",
    kills: ORDER,
    edits: [
      ["  private lastServed = -1;", "  private lastServed = -1;\n  private reads = 0;"],
      [
        "    const n = this.replicas.length;\n",
        "    const qualifying = this.replicas.filter((id) => this.qualifies(id, options.minLsn));\n    if (qualifying.length > 0) return qualifying[this.reads++ % qualifying.length]!;\n    const n = this.replicas.length;\n",
      ],
    ],
  },
  {
    name: "strict-min-lsn",
    bug: "a replica must have applied more than minLsn, so one that has applied exactly minLsn is skipped",
    kills: "a read goes to the primary exactly when no replica qualifies",
    edits: [["(this.applied.get(id) ?? 0) >= minLsn", "(this.applied.get(id) ?? 0) > minLsn"]],
  },
  {
    name: "starts-down",
    bug: "a replica starts down until the first setHealthy(id, true), so a fresh router sends every read to the primary",
    kills: "every replica starts healthy, with applied LSN 0",
    edits: [["      this.healthy.set(id, true);\n", "      this.healthy.set(id, false);\n"]],
  },
  {
    name: "unreported-lsn-caught-up",
    bug: "a replica whose applied LSN was never reported counts as caught up, so it serves read-your-writes reads it has not applied",
    kills: "every replica starts healthy, with applied LSN 0",
    edits: [
      ["      this.applied.set(id, 0);\n", ""],
      ["(this.applied.get(id) ?? 0) >= minLsn", "(this.applied.get(id) ?? Infinity) >= minLsn"],
    ],
  },
]);
