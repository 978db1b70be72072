import { defineRules } from "../../kit/rules.ts";

const PROMOTE = "failover promotes the live node with the longest log, the earliest in nodeIds on a tie";
const MODEL = "every log, the primary and the epoch match the model after each command";
const PREFIX = "every live replica's log is a prefix of the primary's log";
const REJOIN = "a restarted replica keeps only the writes it shares with the primary, by position and epoch";
const EPOCH = "a failover with the primary down moves to the next epoch; with the primary up it changes nothing";
const ERRORS = "a write with the primary down throws NoPrimaryError, a failover with every node down NoCandidateError";

export default defineRules("05-replication/replication-cluster", [
  {
    rule: "With the primary down: promotes the healthy node with the longest log (ties go to the one earlier in `nodeIds`)",
    property: PROMOTE,
    mutants: ["promotes-smallest-id", "promotion-ties-to-later"],
  },
  {
    rule: "Before returning, the write is shipped to the first `syncReplicas` healthy replicas in `nodeIds` order",
    property: "an acknowledged write survives failover while at most syncReplicas of the nodes holding it are down",
    mutants: ["ships-to-fewer-replicas"],
  },
  {
    rule: "moves to the next epoch and returns the new primary.",
    property: EPOCH,
    mutants: ["no-epoch-increment"],
  },
  {
    rule: "With the primary up: changes nothing and returns the primary.",
    property: EPOCH,
    mutants: ["failover-while-primary-up"],
  },
  {
    rule: "each caught up to the primary's whole log",
    property: PREFIX,
    mutants: ["ships-without-catch-up"],
  },
  {
    rule: "Any other node rejoins as a replica and keeps only the longest prefix of its log made of the same writes as the primary's log",
    property: REJOIN,
    mutants: ["restart-keeps-divergent-suffix"],
  },
  {
    rule: "compared by position and epoch; it is not caught up (that is `replicate`'s job).",
    property: REJOIN,
    mutants: ["same-value-counts-as-same-write", "restart-catches-up"],
  },
  {
    rule: "@throws NotEnoughReplicasError if fewer than `syncReplicas` replicas are healthy; nothing is written anywhere.",
    property: "a write with too few healthy replicas throws NotEnoughReplicasError and changes no log",
    mutants: ["appends-before-check"],
  },
  {
    rule: "@throws NoPrimaryError if the primary is down (checked first).",
    property: ERRORS,
    mutants: ["writes-to-down-primary"],
  },
  {
    rule: "@throws NoCandidateError if the primary is down and no node is healthy.",
    property: ERRORS,
    mutants: ["no-candidate-keeps-old-primary"],
  },
  {
    rule: "Does nothing if the node is down, is the primary, or the primary is down.",
    property: MODEL,
    mutants: ["replicates-from-down-primary"],
  },
  {
    rule: "An LSN (log sequence number) is a 1-based position in a log.",
    property: MODEL,
    mutants: ["lsn-zero-based"],
  },
]);
