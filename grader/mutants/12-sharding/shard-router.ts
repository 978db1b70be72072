import { defineMutants } from "../../kit/index.ts";

export default defineMutants("12-sharding/shard-router", [
  {
    name: "modulo-over-all-shards",
    bug: "modulo divides by the number of all shards, dedicated ones included",
    kills: "modulo sends a user to userId % n over the shared shards in constructor order",
    edits: [["return this.shared[userId % this.shared.length];", "return this.shared[userId % this.shards.length];"]],
  },
  {
    name: "ring-keeps-dedicated-shards",
    bug: "the ring is rebuilt over every shard, so other users still land on dedicated shards",
    kills: "a pinned user goes to its dedicated shard and no other user does",
    edits: [["this.ring = buildRing(this.shared);", "this.ring = buildRing(this.shards);"]],
  },
  {
    name: "ignores-pins",
    bug: "shardFor never looks at the pins, so a celebrity is routed like everyone else",
    kills: "a pinned user goes to its dedicated shard and no other user does",
    edits: [["    if (dedicated !== undefined) return dedicated;\n", ""]],
  },
  {
    name: "steals-pinned-shard",
    bug: "pinning a shard dedicated to another user silently takes it over",
    kills: "pinning a shard that is dedicated to another user throws",
    edits: [["    if (owner !== undefined) throw new Error", "    if (owner === -1) throw new Error"]],
  },
  {
    name: "pins-last-shared-shard",
    bug: "lets the last shared shard be pinned, leaving no shard for everyone else",
    kills: "pinning the last shared shard throws",
    edits: [["if (sharedAfter < 1) throw", "if (sharedAfter < 0) throw"]],
  },
  {
    name: "unpin-keeps-shard-dedicated",
    bug: "unpin frees the user but the shard stays out of the shared pool",
    kills: "unpinning gives the shard back to the shared pool",
    edits: [["    this.shardOfUser.delete(userId);\n    this.userOfShard.delete(shard);\n", "    this.shardOfUser.delete(userId);\n"]],
  },
  {
    name: "accepts-negative-ids",
    bug: "checks that the id is a safe integer but not that it is non-negative",
    kills: "user ids that are not non-negative safe integers throw RangeError",
    edits: [["if (!Number.isSafeInteger(userId) || userId < 0) {", "if (!Number.isSafeInteger(userId)) {"]],
  },
  {
    name: "ring-is-hash-mod-n",
    bug: "the 'ring' strategy takes hash(id) % (number of shared shards), so a pin reshuffles everyone",
    kills: "with the ring, pinning a shard moves only the users that were on it",
    edits: [["return ownerOf(this.ring, hash(String(userId)));", "return this.shared[hash(String(userId)) % this.shared.length];"]],
  },
  {
    name: "ring-labels-by-position",
    bug: "labels ring points by the shard's position in the shared list, so a shard leaving shifts the others",
    kills: "with the ring, pinning a shard moves only the users that were on it",
    edits: [
      [
        "  for (const shard of shards) {\n    for (let i = 0; i < VNODES; i++) points.push({ position: hash(`${shard}#${i}`), shard });\n  }",
        "  shards.forEach((shard, slot) => {\n    for (let i = 0; i < VNODES; i++) points.push({ position: hash(`${slot}#${i}`), shard });\n  });",
      ],
    ],
  },
  {
    name: "unpin-halves-the-ring",
    bug: "unpinning rebuilds the ring with every other point only, so users move between the other shards",
    kills: "with the ring, unpinning a shard moves users only onto it",
    edits: [
      [
        "    this.userOfShard.delete(shard);\n    this.rebuild();",
        "    this.userOfShard.delete(shard);\n    this.rebuild();\n    this.ring = this.ring.filter((_, n) => n % 2 === 0);",
      ],
    ],
  },
  {
    name: "accepts-duplicate-shards",
    bug: "the constructor accepts a shard list that names a shard twice",
    kills: "an empty or repeated shard list, or an unknown strategy, throws RangeError",
    edits: [["if (shards.length === 0 || new Set(shards).size !== shards.length) {", "if (shards.length === 0) {"]],
  },
  {
    name: "accepts-unknown-strategy",
    bug: "the constructor accepts any strategy name (anything but \"modulo\" is treated as the ring)",
    kills: "an empty or repeated shard list, or an unknown strategy, throws RangeError",
    edits: [["    if (strategy !== \"modulo\" && strategy !== \"ring\") throw new RangeError(`unknown strategy ${String(strategy)}`);\n", ""]],
  },
  {
    name: "pin-accepts-unknown-shard",
    bug: "pin accepts a shard name that is not one of the router's shards",
    kills: "pin throws RangeError for an unknown shard or a bad user id",
    edits: [["    if (!this.shards.includes(shard)) throw new RangeError(`unknown shard ${JSON.stringify(shard)}`);\n", ""]],
  },
]);
