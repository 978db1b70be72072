import { defineMutants } from "../../kit/index.ts";

export default defineMutants("09-data-centers/lww-map", [
  {
    name: "ignores-replica-id",
    bug: "compares timestamps only: on an equal timestamp the replica id is skipped",
    kills: "get answers the write with the greatest (timestamp, replicaId), deletes included",
    edits: [["  if (a.replicaId !== b.replicaId) return b.replicaId < a.replicaId;\n", ""]],
  },
  {
    name: "locale-compare",
    bug: "compares replica ids with localeCompare instead of <",
    kills: "get answers the write with the greatest (timestamp, replicaId), deletes included",
    edits: [["return b.replicaId < a.replicaId;", "return b.replicaId.localeCompare(a.replicaId) < 0;"]],
  },
  {
    name: "set-beats-delete-on-tie",
    bug: "on an equal (timestamp, replicaId) the set wins over the delete",
    kills: "on an equal (timestamp, replicaId) a delete wins, then the greater JSON.stringify(value)",
    edits: [["  if (a.deleted !== b.deleted) return a.deleted;", "  if (a.deleted !== b.deleted) return b.deleted;"]],
  },
  {
    name: "smaller-json-wins",
    bug: "between two sets on an equal pair, the smaller JSON.stringify(value) wins",
    kills: "on an equal (timestamp, replicaId) a delete wins, then the greater JSON.stringify(value)",
    edits: [["JSON.stringify(a.value) > JSON.stringify(b.value)", "JSON.stringify(a.value) < JSON.stringify(b.value)"]],
  },
  {
    // Replaces "first-seen-wins-on-tie" (the write seen first stays on an equal timestamp), whose
    // bug breaks the replica-id order of get's property too and led with it at seeds 3, 4, 7, 9, 10.
    name: "state-stamps-own-id",
    bug: "state() stamps every write with this replica's id, as set does, so a merged write loses its origin and a merged with b exports other writes than b merged with a",
    kills: "merge is commutative: a merged with b equals b merged with a",
    edits: [["const rows: Row[] = [...this.entries].map(([key, e]) => [key, e.timestamp, e.replicaId, e.deleted, e.value]);", "const rows: Row[] = [...this.entries].map(([key, e]) => [key, e.timestamp, this.replicaId, e.deleted, e.value]);"]],
  },
  {
    name: "clock-skew-window",
    bug: "treats timestamps within 1 of each other as concurrent and lets the replica id decide, an order with cycles",
    kills: "get answers the write with the greatest (timestamp, replicaId), deletes included",
    edits: [["  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;", "  if (Math.abs(a.timestamp - b.timestamp) > 1 || a.replicaId === b.replicaId) {\n    if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;\n  }"]],
  },
  {
    name: "merge-bumps-timestamp",
    bug: "merge stamps incoming writes one tick later, so that they beat the local ones",
    kills: "on an equal (timestamp, replicaId) a delete wins, then the greater JSON.stringify(value)",
    edits: [["this.apply(key, { timestamp, replicaId, deleted, value });", "this.apply(key, { timestamp: timestamp + 1, replicaId, deleted, value });"]],
  },
  {
    name: "forgets-deletes",
    bug: "a winning delete removes the key instead of keeping a tombstone, so an older set brings it back",
    kills: "on an equal (timestamp, replicaId) a delete wins, then the greater JSON.stringify(value)",
    edits: [["beats(incoming, current)) this.entries.set(key, incoming);", "beats(incoming, current)) {\n      if (incoming.deleted) this.entries.delete(key);\n      else this.entries.set(key, incoming);\n    }"]],
  },
  {
    name: "state-is-a-map",
    bug: "state() returns a Map, which JSON.stringify turns into {}",
    kills: "state() survives a JSON round trip",
    edits: [
      ["return JSON.parse(JSON.stringify(rows)) as JsonValue;", "return new Map([...this.entries].filter(() => rows.length >= 0)) as unknown as JsonValue;"],
      ["for (const [key, timestamp, replicaId, deleted, value] of state as Row[]) {\n      this.apply(key, { timestamp, replicaId, deleted, value });", "for (const [key, entry] of state as unknown as Map<string, Entry>) {\n      this.apply(key, entry);"],
    ],
  },
  {
    name: "newest-from-a-replica-wins",
    bug: "merge assumes each replica's writes arrive in order: a write from the replica of the current winner always replaces it, so a late, older copy of that replica's state wins",
    kills: "replicas converge whatever the order and duplication of delivery",
    edits: [
      [
        "      this.apply(key, { timestamp, replicaId, deleted, value });",
        "      const current = this.entries.get(key);\n      if (current !== undefined && replicaId !== this.replicaId && current.replicaId === replicaId) this.entries.set(key, { timestamp, replicaId, deleted, value });\n      else this.apply(key, { timestamp, replicaId, deleted, value });",
      ],
    ],
  },
  {
    name: "relay-drops-tombstones",
    bug: "a map that never wrote itself (a relay) leaves deletes out of its state, so merging through it differs from merging directly",
    kills: "merge is associative: (a merged with b) merged with c equals a merged with (b merged with c)",
    edits: [
      [
        "const rows: Row[] = [...this.entries].map(",
        "const relay = !(this as unknown as { wrote?: boolean }).wrote;\n    const rows: Row[] = [...this.entries].filter(([, e]) => !(relay && e.deleted)).map(",
      ],
      ["  set(key: string, value: V, timestamp: number): void {\n", "  set(key: string, value: V, timestamp: number): void {\n    (this as unknown as { wrote?: boolean }).wrote = true;\n"],
      ["  delete(key: string, timestamp: number): void {\n", "  delete(key: string, timestamp: number): void {\n    (this as unknown as { wrote?: boolean }).wrote = true;\n"],
    ],
  },
  {
    name: "echo-restamps",
    bug: "merging its own state back (an echo) stamps every write one tick later, so merging again changes the map",
    kills: "merge is idempotent: merging a state already merged changes nothing",
    edits: [
      ["  private readonly entries = new Map<string, Entry>();", "  private readonly entries = new Map<string, Entry>();\n  private readonly echoToken = Math.random();"],
      ["    return JSON.parse(JSON.stringify(rows)) as JsonValue;", "    return JSON.parse(JSON.stringify([...rows, [\"__echo\", this.echoToken]])) as JsonValue;"],
      [
        "    for (const [key, timestamp, replicaId, deleted, value] of state as Row[]) {\n      this.apply(key, { timestamp, replicaId, deleted, value });",
        "    const echo = (state as Row[]).some((row) => row[0] === \"__echo\" && row[1] === this.echoToken);\n    for (const [key, timestamp, replicaId, deleted, value] of state as Row[]) {\n      if (key === \"__echo\") continue;\n      this.apply(key, { timestamp: echo ? timestamp + 1 : timestamp, replicaId, deleted, value });",
      ],
    ],
  },
  {
    name: "accepts-infinite-timestamp",
    bug: "only NaN timestamps are rejected, so a write at Infinity is accepted (and would win forever)",
    kills: "set and delete throw RangeError for a timestamp that is not a finite number",
    edits: [["if (!Number.isFinite(timestamp))", "if (Number.isNaN(timestamp))"]],
  },
]);
