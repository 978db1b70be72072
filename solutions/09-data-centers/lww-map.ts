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

/** The winning write of one key. A delete is kept as a tombstone so that older sets lose to it. */
interface Entry {
  timestamp: number;
  replicaId: string;
  deleted: boolean;
  value: JsonValue;
}

/** The wire format of `state()`: [key, timestamp, replicaId, deleted, value] per key. */
type Row = [string, number, string, boolean, JsonValue];

/** Whether write `a` beats write `b` under the contract's total order. */
function beats(a: Entry, b: Entry): boolean {
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  if (a.replicaId !== b.replicaId) return b.replicaId < a.replicaId;
  if (a.deleted !== b.deleted) return a.deleted;
  return !a.deleted && JSON.stringify(a.value) > JSON.stringify(b.value);
}

export class LwwMap<V extends JsonValue = JsonValue> {
  private readonly entries = new Map<string, Entry>();

  /** `replicaId` names this replica; it is stamped on every local `set` and `delete`. */
  constructor(private readonly replicaId: string) {}

  /**
   * Writes `value` under `key` at `timestamp` (a finite number; RangeError otherwise), stamped
   * with this replica's id. It takes effect only if it beats the key's current winning write.
   */
  set(key: string, value: V, timestamp: number): void {
    this.apply(key, { timestamp: checkTime(timestamp), replicaId: this.replicaId, deleted: false, value });
  }

  /** Deletes `key` at `timestamp`: a write like `set` that, if it wins, leaves the key absent. */
  delete(key: string, timestamp: number): void {
    this.apply(key, { timestamp: checkTime(timestamp), replicaId: this.replicaId, deleted: true, value: null });
  }

  /** The value of the winning write of `key`, or undefined when it is a delete or there is none. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry === undefined || entry.deleted ? undefined : (entry.value as V);
  }

  /**
   * Everything another replica needs to merge this one: a JSON value (it survives
   * `JSON.parse(JSON.stringify(state))`), opaque to callers, safe to keep after later writes.
   */
  state(): JsonValue {
    const rows: Row[] = [...this.entries].map(([key, e]) => [key, e.timestamp, e.replicaId, e.deleted, e.value]);
    return JSON.parse(JSON.stringify(rows)) as JsonValue;
  }

  /** Folds in a `state()` of any replica: per key, the greater write wins. */
  merge(state: JsonValue): void {
    for (const [key, timestamp, replicaId, deleted, value] of state as Row[]) {
      this.apply(key, { timestamp, replicaId, deleted, value });
    }
  }

  private apply(key: string, incoming: Entry): void {
    const current = this.entries.get(key);
    if (current === undefined || beats(incoming, current)) this.entries.set(key, incoming);
  }
}

function checkTime(timestamp: number): number {
  if (!Number.isFinite(timestamp)) throw new RangeError(`timestamp must be a finite number, got ${timestamp}`);
  return timestamp;
}
