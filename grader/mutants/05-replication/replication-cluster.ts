import { defineMutants } from "../../kit/index.ts";

const PROMOTE = "failover promotes the live node with the longest log, the earliest in nodeIds on a tie";
const MODEL = "every log, the primary and the epoch match the model after each command";
const PREFIX = "every live replica's log is a prefix of the primary's log";
const DURABLE = "an acknowledged write survives failover while at most syncReplicas of the nodes holding it are down";
const REJOIN = "a restarted replica keeps only the writes it shares with the primary, by position and epoch";
const REFUSED = "a write with too few healthy replicas throws NotEnoughReplicasError and changes no log";
const EPOCH = "a failover with the primary down moves to the next epoch; with the primary up it changes nothing";
const ERRORS = "a write with the primary down throws NoPrimaryError, a failover with every node down NoCandidateError";

export default defineMutants("05-replication/replication-cluster", [
  {
    name: "promotes-smallest-id",
    bug: "failover promotes the first healthy node in nodeIds order, whatever the length of its log",
    kills: PROMOTE,
    edits: [["this.logOf(id).length > this.logOf(best).length", "false"]],
  },
  {
    name: "ships-to-fewer-replicas",
    bug: "a write is shipped to one replica fewer than syncReplicas before it is acknowledged",
    kills: DURABLE,
    edits: [["targets.slice(0, this.syncReplicas)", "targets.slice(0, this.syncReplicas - 1)"]],
  },
  {
    name: "no-epoch-increment",
    bug: "a promotion keeps the old epoch",
    kills: EPOCH,
    edits: [["    this.currentEpoch += 1;\n", ""]],
  },
  {
    name: "failover-while-primary-up",
    bug: "failover runs an election even while the primary is up",
    kills: EPOCH,
    edits: [["    if (this.up.has(this.primaryId)) return this.primaryId;\n    let best", "    let best"]],
  },
  {
    name: "restart-keeps-divergent-suffix",
    bug: "a restarted old primary rejoins as a replica with its whole log, including writes the new primary never had",
    kills: REJOIN,
    edits: [["    mine.length = keep;\n", ""]],
  },
  {
    name: "ships-without-catch-up",
    bug: "a write ships only the new entry, so a lagging replica ends up with a gap in its log",
    kills: PREFIX,
    edits: [
      [
        "for (const id of targets.slice(0, this.syncReplicas)) this.catchUp(id);",
        "for (const id of targets.slice(0, this.syncReplicas)) this.logOf(id).push({ value, epoch: this.currentEpoch });",
      ],
    ],
  },
  {
    name: "appends-before-check",
    bug: "the primary appends the write before checking for enough healthy replicas, then throws",
    kills: REFUSED,
    edits: [
      ["    const log = this.logOf(this.primaryId);\n    log.push({ value, epoch: this.currentEpoch });\n", ""],
      [
        "    if (targets.length < this.syncReplicas) throw new NotEnoughReplicasError();",
        "    const log = this.logOf(this.primaryId);\n    log.push({ value, epoch: this.currentEpoch });\n    if (targets.length < this.syncReplicas) throw new NotEnoughReplicasError();",
      ],
    ],
  },
  {
    name: "writes-to-down-primary",
    bug: "write does not check that the primary is up",
    kills: ERRORS,
    edits: [["    if (!this.up.has(this.primaryId)) throw new NoPrimaryError();\n", ""]],
  },
  {
    name: "no-candidate-keeps-old-primary",
    bug: "failover with every node down quietly returns the old primary instead of throwing NoCandidateError",
    kills: ERRORS,
    edits: [["if (best === undefined) throw new NoCandidateError();", "if (best === undefined) return this.primaryId;"]],
  },
  {
    name: "promotion-ties-to-later",
    bug: "among healthy nodes with equally long logs, failover promotes the later one in nodeIds",
    kills: PROMOTE,
    edits: [["this.logOf(id).length > this.logOf(best).length", "this.logOf(id).length >= this.logOf(best).length"]],
  },
  {
    name: "same-value-counts-as-same-write",
    bug: "a restarted node compares entries by value, so it keeps an equal value written in another epoch",
    kills: REJOIN,
    edits: [["mine[keep]!.epoch === primary[keep]!.epoch", "mine[keep]!.value === primary[keep]!.value"]],
  },
  {
    name: "restart-catches-up",
    bug: "a restarted replica is caught up to the primary at once, even while the primary is down",
    kills: REJOIN,
    edits: [["    mine.length = keep;\n", "    mine.length = keep;\n    this.logs.set(node, primary.map((entry) => ({ ...entry })));\n"]],
  },
  {
    name: "replicates-from-down-primary",
    bug: "replicate copies the log of a primary that is down",
    kills: MODEL,
    edits: [["if (node === this.primaryId || !this.up.has(node) || !this.up.has(this.primaryId)) return;", "if (node === this.primaryId || !this.up.has(node)) return;"]],
  },
  {
    name: "lsn-zero-based",
    bug: "write returns the entry's 0-based index instead of its LSN (the primary's new log length)",
    kills: MODEL,
    edits: [["    return log.length;\n", "    return log.length - 1;\n"]],
  },
]);
