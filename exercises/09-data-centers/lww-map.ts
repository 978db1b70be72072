/**
 * A last-writer-wins map: a CRDT (conflict-free replicated data type) that lets every data
 * center accept writes locally and replicate them asynchronously, in any order, and still agree.
 *
 * Every write carries a timestamp and the id of the replica that made it. For each key, the
 * write with the greatest (timestamp, replicaId) wins, deletes included: replica ids are compared
 * with `<` (JavaScript string order). On an equal pair a delete wins, and between two sets the one
 * whose `JSON.stringify(value)` is greater wins. Because the winner never depends on the order in
 * which writes arrive, merge is commutative, associative and idempotent: replicas that have seen
 * the same writes answer `get` alike, whatever the order or duplication of delivery.
 */

/** A value that survives `JSON.parse(JSON.stringify(value))` unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class LwwMap<V extends JsonValue = JsonValue> {
  /** `replicaId` names this replica; it is stamped on every local `set` and `delete`. */
  constructor(replicaId: string) {
    notImplemented("new LwwMap()");
  }

  /**
   * Writes `value` under `key` at `timestamp` (a finite number; RangeError otherwise), stamped
   * with this replica's id. It takes effect only if it beats the key's current winning write.
   */
  set(key: string, value: V, timestamp: number): void {
    notImplemented("LwwMap.set");
  }

  /** Deletes `key` at `timestamp`: a write like `set` that, if it wins, leaves the key absent. */
  delete(key: string, timestamp: number): void {
    notImplemented("LwwMap.delete");
  }

  /** The value of the winning write of `key`, or undefined when it is a delete or there is none. */
  get(key: string): V | undefined {
    notImplemented("LwwMap.get");
  }

  /**
   * Everything another replica needs to merge this one: a JSON value (it survives
   * `JSON.parse(JSON.stringify(state))`), opaque to callers, safe to keep after later writes.
   */
  state(): JsonValue {
    notImplemented("LwwMap.state");
  }

  /** Folds in a `state()` of any replica: per key, the greater write wins. */
  merge(state: JsonValue): void {
    notImplemented("LwwMap.merge");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/09-data-centers/lww-map.ts`);
}
