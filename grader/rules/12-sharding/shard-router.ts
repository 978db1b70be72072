import { defineRules } from "../../kit/rules.ts";

export default defineRules("12-sharding/shard-router", [
  {
    rule: "`modulo`: `shared[userId % shared.length]`, `shared` = the shared shards in constructor order;",
    property: "modulo sends a user to userId % n over the shared shards in constructor order",
    mutants: ["modulo-over-all-shards"],
  },
  {
    rule: "A pinned user always goes to its dedicated shard and no other user does;",
    property: "a pinned user goes to its dedicated shard and no other user does",
    mutants: ["ring-keeps-dedicated-shards", "ignores-pins"],
  },
  {
    rule: "Throws (an `Error`) if `shard` is already pinned to another user,",
    property: "pinning a shard that is dedicated to another user throws",
    mutants: ["steals-pinned-shard"],
  },
  {
    rule: "or if it is the last shared shard (the other users need somewhere to go).",
    property: "pinning the last shared shard throws",
    mutants: ["pins-last-shared-shard"],
  },
  {
    rule: "Gives `userId`'s dedicated shard back to everyone;",
    property: "unpinning gives the shard back to the shared pool",
    mutants: ["unpin-keeps-shard-dedicated"],
  },
  {
    rule: "The shard of `userId`, a non-negative safe integer (else `RangeError`).",
    property: "user ids that are not non-negative safe integers throw RangeError",
    mutants: ["accepts-negative-ids"],
  },
  {
    rule: "so pinning a shard moves only the users that were on it",
    property: "with the ring, pinning a shard moves only the users that were on it",
    mutants: ["ring-is-hash-mod-n", "ring-labels-by-position"],
  },
  {
    rule: "and unpinning moves users only onto it.",
    property: "with the ring, unpinning a shard moves users only onto it",
    mutants: ["unpin-halves-the-ring"],
  },
  {
    rule: "@param shards distinct shard names, at least one (else `RangeError`).",
    property: "an empty or repeated shard list, or an unknown strategy, throws RangeError",
    mutants: ["accepts-duplicate-shards"],
  },
  {
    rule: "@param options.strategy `\"modulo\"` or `\"ring\"` (else `RangeError`).",
    property: "an empty or repeated shard list, or an unknown strategy, throws RangeError",
    mutants: ["accepts-unknown-strategy"],
  },
  {
    rule: "An unknown shard or a bad user id throws `RangeError`.",
    property: "pin throws RangeError for an unknown shard or a bad user id",
    mutants: ["pin-accepts-unknown-shard"],
  },
]);
