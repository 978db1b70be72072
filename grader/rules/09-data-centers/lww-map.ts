import { defineRules } from "../../kit/rules.ts";

export default defineRules("09-data-centers/lww-map", [
  {
    rule: "For each key, the write with the greatest (timestamp, replicaId) wins, deletes included: replica ids are compared with `<` (JavaScript string order).",
    property: "get answers the write with the greatest (timestamp, replicaId), deletes included",
    mutants: ["ignores-replica-id", "locale-compare", "clock-skew-window"],
  },
  {
    rule: "On an equal pair a delete wins, and between two sets the one whose `JSON.stringify(value)` is greater wins.",
    property: "on an equal (timestamp, replicaId) a delete wins, then the greater JSON.stringify(value)",
    mutants: ["set-beats-delete-on-tie", "smaller-json-wins", "forgets-deletes", "merge-bumps-timestamp"],
  },
  {
    rule: "merge is commutative,",
    property: "merge is commutative: a merged with b equals b merged with a",
    mutants: ["state-stamps-own-id"],
  },
  {
    rule: "associative",
    property: "merge is associative: (a merged with b) merged with c equals a merged with (b merged with c)",
    mutants: ["relay-drops-tombstones"],
  },
  {
    rule: "and idempotent:",
    property: "merge is idempotent: merging a state already merged changes nothing",
    mutants: ["echo-restamps"],
  },
  {
    rule: "replicas that have seen the same writes answer `get` alike, whatever the order or duplication of delivery.",
    property: "replicas converge whatever the order and duplication of delivery",
    mutants: ["newest-from-a-replica-wins"],
  },
  {
    rule: "a JSON value (it survives `JSON.parse(JSON.stringify(state))`), opaque to callers, safe to keep after later writes.",
    property: "state() survives a JSON round trip",
    mutants: ["state-is-a-map"],
  },
  {
    rule: "Writes `value` under `key` at `timestamp` (a finite number; RangeError otherwise)",
    property: "set and delete throw RangeError for a timestamp that is not a finite number",
    mutants: ["accepts-infinite-timestamp"],
  },
]);
