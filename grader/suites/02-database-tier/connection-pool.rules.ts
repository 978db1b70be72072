/**
 * The grader's side of a connection-pool scenario: what the grader has seen (creates, destroys,
 * which caller holds which connection, the state of every acquire) and the rules the pool must
 * keep. Rules that hold at any moment are recorded as violations when they happen (inside
 * create, destroy and the acquire callbacks); the rest are checked after every step, once every
 * promise has settled. Every check belongs to one rule of the contract (RuleName); a property
 * judges only its own rule, so that a bug fails the property named for it and not the others
 * (issue 18). The scenario still runs every action, so the state a rule is about is reached.
 */
import { check, checkThat, step } from "../../kit/index.ts";

/** A connection handed out by the grader's `create`; `name` is how steps refer to it. */
export interface Conn { readonly name: string }

/** The error a failing `create` rejects with. */
export class CreateFailed extends Error {
  override name = "CreateFailed";
}

/** The rules of the contract, one per property of the grader. */
export type RuleName = "max" | "exclusive" | "order" | "timeout" | "counts" | "broken" | "notHeld" | "close";

export type Action =
  | { kind: "acquire" }
  | { kind: "tick" } // one create in flight settles; fc.scheduler picks which
  | { kind: "release"; pick: number; broken: boolean }
  | { kind: "releaseBad"; pick: number }
  | { kind: "advance"; ms: number }
  | { kind: "close" };

type State = { kind: "waiting" } | { kind: "got"; conn: Conn } | { kind: "rejected"; error: string; fromCreate: boolean };
interface Acquire { label: string; issuedAt: number; afterClose: boolean; state: State; told: boolean }
interface Snapshot { closed: boolean; waiting: Acquire[]; idle: Conn[] }

const describe = (s: State) =>
  s.kind === "waiting" ? "still waiting" : s.kind === "got" ? `resolved to ${s.conn.name}` : `rejected with ${s.error}`;

export class Scene {
  closed = false;
  readonly acquires: Acquire[] = [];
  readonly live = new Set<Conn>();
  readonly holders = new Map<Conn, string>();
  readonly made = new Set<Conn>();
  readonly destroyed = new Set<Conn>();
  readonly broken = new Set<Conn>();
  readonly releasedOnce: Conn[] = [];
  readonly stranger: Conn = { name: "stranger" };
  #calls = 0;
  #settled = 0;
  #violation: { checked: string; expected: string; actual: unknown } | undefined;
  #lastCreate: { conn?: Conn; error?: CreateFailed } | undefined;
  /** Set by a broken release: the slot it freed is then the broken-connection rule's to refill. */
  #slotFreedByBroken = false;

  constructor(readonly max: number, readonly timeoutMs: number, readonly judged: RuleName) {}

  /** Whether this scenario judges `rule`. */
  judges(rule: RuleName): boolean {
    return this.judged === rule;
  }

  #violate(rule: RuleName, checked: string, expected: string, actual: unknown): void {
    if (this.judges(rule)) this.#violation ??= { checked, expected, actual };
  }

  get inFlight(): number {
    return this.#calls - this.#settled;
  }

  // ---- called by the pool (through create and destroy) and by the acquire promises ----

  createCalled(): number {
    const n = ++this.#calls;
    const used = this.live.size + this.inFlight;
    if (used > this.max) this.#violate("max", `connections live or being created once create() #${n} was called`, `at most max = ${this.max}`, used);
    return n;
  }

  createSettled(n: number, fail: boolean): Conn {
    this.#settled += 1;
    if (fail) {
      const error = new CreateFailed(`create #${n} failed`);
      this.#lastCreate = { error };
      step(`// create #${n} fails with CreateFailed`);
      throw error;
    }
    const conn: Conn = { name: `c${n}` };
    this.made.add(conn);
    this.live.add(conn);
    this.#lastCreate = { conn };
    step(`// create #${n} opens ${conn.name}`);
    return conn;
  }

  destroyedBy(conn: Conn): void {
    if (!this.made.has(conn)) return this.#violate("broken", "destroy() was called with", "a connection that create() made", String(conn?.name ?? conn));
    if (this.destroyed.has(conn)) this.#violate("broken", `destroy(${conn.name})`, "called once per connection", "called twice");
    const holder = this.holders.get(conn);
    if (holder) this.#violate("exclusive", `destroy(${conn.name})`, `not called while ${holder} holds it`, `called while ${holder} holds it`);
    this.destroyed.add(conn);
    this.live.delete(conn);
  }

  newAcquire(now: number): string {
    const label = `a${this.acquires.length + 1}`;
    this.acquires.push({ label, issuedAt: now, afterClose: this.closed, state: { kind: "waiting" }, told: false });
    return label;
  }

  track(label: string, promise: Promise<Conn>): void {
    const acq = this.acquires.find((a) => a.label === label) as Acquire;
    promise.then(
      (conn) => {
        acq.state = { kind: "got", conn };
        const who = this.holders.get(conn);
        if (!this.made.has(conn)) this.#violate("exclusive", label, "resolves to a connection that create() made", `resolved to ${String(conn)}`);
        else if (this.broken.has(conn)) this.#violate("broken", label, `not to ${conn.name}, released as broken`, `resolved to ${conn.name}`);
        else if (this.destroyed.has(conn)) this.#violate(this.closed ? "close" : "broken", label, `not to ${conn.name}, destroyed`, `resolved to ${conn.name}`);
        else if (who) this.#violate("exclusive", label, `not to ${conn.name}, which ${who} still holds`, `resolved to ${conn.name}`);
        this.holders.set(conn, label);
      },
      (error: unknown) => {
        const name = error instanceof Error ? error.name : String(error);
        acq.state = { kind: "rejected", error: name, fromCreate: error instanceof CreateFailed };
      },
    );
  }

  // ---- used by the driver ----

  pickHeld(pick: number): Conn | undefined {
    const held = [...this.holders.keys()];
    return held[pick % Math.max(held.length, 1)];
  }

  onRelease(conn: Conn, broken: boolean): void {
    this.holders.delete(conn);
    if (!this.releasedOnce.includes(conn)) this.releasedOnce.push(conn);
    if (broken) this.broken.add(conn);
    this.#slotFreedByBroken = broken;
  }

  /** A connection the caller does not hold: one released before, or one never acquired. */
  pickNotHeld(pick: number): { conn: Conn; why: string } {
    const options = [
      ...this.releasedOnce.filter((c) => !this.holders.has(c)).map((conn) => ({ conn, why: `${conn.name} was released already` })),
      { conn: this.stranger, why: "a connection this pool never handed out" },
    ];
    return options[pick % options.length] as { conn: Conn; why: string };
  }

  close(): void {
    this.closed = true;
  }

  snapshot(): Snapshot {
    const idle = [...this.live].filter((c) => !this.holders.has(c));
    return { closed: this.closed, waiting: this.acquires.filter((a) => a.state.kind === "waiting"), idle };
  }

  /** Adds a step for every acquire that settled since the last call. */
  describeNews(): void {
    for (const a of this.acquires) {
      if (a.told || a.state.kind === "waiting") continue;
      a.told = true;
      step(`//   ${a.label} ${describe(a.state)}`);
    }
  }

  checkViolations(): void {
    const v = this.#violation;
    if (v) checkThat(v.checked, false, v.expected, v.actual);
  }

  // ---- the outcomes the contract fixes exactly ----

  /** A create settled: its connection, or its error, goes to the oldest waiter. */
  expectCreateOutcome(before: Snapshot): void {
    const outcome = this.#lastCreate;
    this.#lastCreate = undefined;
    const oldest = before.waiting[0];
    if (!outcome || before.closed || !oldest || !this.judges("order")) return;
    const expected = outcome.conn ? `resolved to ${outcome.conn.name}` : "rejected with CreateFailed";
    check(`${oldest.label}, the oldest waiting acquire`, describe(oldest.state), expected);
    // A failed create rejects the waiter it was meant for, and no one else.
    for (const other of before.waiting.slice(1)) {
      if (!outcome.error || other.state.kind !== "rejected" || !other.state.fromCreate) continue;
      check(`${other.label}, waiting behind ${oldest.label} when create failed`, describe(other.state), "still waiting");
    }
  }

  expectReleaseOutcome(before: Snapshot, conn: Conn, broken: boolean): void {
    if (broken || before.closed) {
      if (this.judges(before.closed ? "close" : "broken")) check(`destroy(${conn.name}) called`, this.destroyed.has(conn), true);
      return;
    }
    const oldest = before.waiting[0];
    if (oldest && this.judges("order")) check(`${oldest.label}, the oldest waiting acquire`, describe(oldest.state), `resolved to ${conn.name}`);
  }

  expectCloseOutcome(before: Snapshot): void {
    if (!this.judges("close")) return;
    for (const a of before.waiting) check(a.label, describe(a.state), "rejected with PoolClosedError");
    for (const c of before.idle) check(`destroy(${c.name}) called for the idle ${c.name}`, this.destroyed.has(c), true);
  }

  /** Rules that hold after every step. */
  checkState(now: number, pool: { size: number; idle: number; waiting: number }): void {
    const used = this.live.size + this.inFlight;
    if (this.judges("max")) checkThat("connections live or being created", used <= this.max, `at most max = ${this.max}`, used);
    const waiting = this.acquires.filter((a) => a.state.kind === "waiting");
    for (const a of this.acquires) {
      const waited = now - a.issuedAt;
      if (a.afterClose) {
        if (this.judges("close")) check(`${a.label}, called after close()`, describe(a.state), "rejected with PoolClosedError");
      } else if (a.state.kind === "waiting" && waited >= this.timeoutMs) {
        if (this.judges("timeout")) check(`${a.label}, waiting for ${waited} ms`, describe(a.state), "rejected with AcquireTimeoutError");
      } else if (a.state.kind === "rejected" && !a.state.fromCreate) {
        const allowed = [...(waited >= this.timeoutMs ? ["AcquireTimeoutError"] : []), ...(this.closed ? ["PoolClosedError"] : [])];
        const expected = allowed.length ? `rejected with ${allowed.join(" or ")}` : `still waiting (only ${waited} ms of ${this.timeoutMs})`;
        const rule: RuleName = a.state.error === "PoolClosedError" ? "close" : a.state.error === "AcquireTimeoutError" ? "timeout" : "order";
        if (this.judges(rule)) checkThat(a.label, allowed.includes(a.state.error), expected, describe(a.state));
      }
    }
    // Arrival order: nobody who came later may be served while an earlier caller still waits.
    const first = waiting[0];
    const later = first && this.acquires.slice(this.acquires.indexOf(first) + 1).find((a) => a.state.kind === "got" || (a.state.kind === "rejected" && a.state.fromCreate));
    if (first && later && this.judges("order")) check(`${later.label} (called after ${first.label}, which still waits)`, describe(later.state), "still waiting");
    if (this.judges("counts")) {
      check("pool.size", pool.size, used);
      check("pool.idle", pool.idle, this.live.size - this.holders.size);
      check("pool.waiting", pool.waiting, waiting.length);
    }
    // A waiter never waits on nothing: the broken-connection rule's right after a broken release
    // freed the slot ("its slot serves the next waiter"), the arrival-order rule's otherwise.
    const refillRule: RuleName = this.#slotFreedByBroken ? "broken" : "order";
    this.#slotFreedByBroken = false;
    if (this.judges(refillRule) && !this.closed && waiting.length > 0 && used < this.max) {
      checkThat(`creates in flight while ${waiting.length} acquire(s) wait and ${used} of ${this.max} slots are used`,
        this.inFlight > 0, "at least 1 (a free slot starts a create)", this.inFlight);
    }
    // A connection handed to an acquire that already timed out is lost: it sits idle (in the
    // grader's view) while others wait.
    const idle = [...this.live].filter((c) => !this.holders.has(c));
    if (this.judges("timeout") && !this.closed && waiting.length > 0 && idle.length > 0) {
      check(`${waiting[0]!.label} (waiting while ${idle.map((c) => c.name).join(", ")} was released and not handed out)`, describe(waiting[0]!.state), `resolved to ${idle[0]!.name}`);
    }
  }
}
