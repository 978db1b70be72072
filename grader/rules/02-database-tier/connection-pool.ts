import { defineRules } from "../../kit/rules.ts";

const ORDER = "waiters are served in arrival order, by released and new connections and by create errors";
const TIMEOUT = "an acquire still waiting after acquireTimeoutMs rejects with AcquireTimeoutError and never gets a connection later";
const COUNTS = "size, idle and waiting count live connections, idle ones and waiting acquires";
const BROKEN = "a broken connection is destroyed, never handed out again, and its slot serves the next waiter";
const CLOSE = "close rejects waiters and later acquires with PoolClosedError and destroys idle connections, held ones on release";

export default defineRules("02-database-tier/connection-pool", [
  {
    rule: "never more than `max` live connections (idle + held + being created);",
    property: "never more than max connections are live or being created, even when create fails",
    mutants: ["failed-create-frees-slot-twice", "slot-check-off-by-one", "creates-not-counted"],
  },
  {
    rule: "a connection is never held by two callers at once;",
    property: "a connection is never held by two callers at once",
    mutants: ["idle-not-removed"],
  },
  {
    rule: "each connection that becomes available (released, or newly created) goes to the oldest waiter",
    property: ORDER,
    mutants: ["lifo-waiters"],
  },
  {
    rule: "a failed `create` frees its slot and rejects the oldest waiter with the create's error;",
    property: ORDER,
    mutants: ["create-error-to-newest", "create-error-rejects-all"],
  },
  {
    rule: "a waiter never waits on nothing: while acquires wait and a slot is free, a create is running.",
    property: ORDER,
    mutants: ["failed-create-not-retried"],
  },
  {
    rule: "Still waiting after `acquireTimeoutMs` → rejects with AcquireTimeoutError, and that caller never receives a connection later.",
    property: TIMEOUT,
    mutants: ["timed-out-waiter-stays-queued", "stale-timer-removes-last-waiter", "timeout-one-ms-early"],
  },
  {
    rule: "Live connections: idle + held + being created.",
    property: COUNTS,
    mutants: ["size-omits-creating"],
  },
  {
    rule: "Connections ready to be handed out.",
    property: COUNTS,
    mutants: ["idle-counts-held"],
  },
  {
    rule: "`{ broken: true }` destroys it instead (calls `destroy`) and frees its slot.",
    property: BROKEN,
    mutants: ["broken-returned-to-pool", "broken-slot-not-refilled"],
  },
  {
    rule: "@throws NotAcquiredError when `conn` is not held (never acquired, or already released).",
    property: "releasing a connection that is not held throws NotAcquiredError",
    mutants: ["release-of-unheld-accepted"],
  },
  {
    rule: "After `close()` → rejects with PoolClosedError.",
    property: CLOSE,
    mutants: ["close-leaves-waiters", "acquire-after-close-waits"],
  },
  {
    rule: "After `close()`, every released connection is destroyed.",
    property: CLOSE,
    mutants: ["release-after-close-keeps"],
  },
  {
    rule: "Rejects every waiter, and every later acquire, with PoolClosedError, and destroys the idle connections.",
    property: CLOSE,
    mutants: ["close-keeps-idle"],
  },
  {
    // The close property calls acquire() after close() as a caller would, without a try: a
    // synchronous throw fails the scenario there.
    rule: "Every promise-returning method rejects; only `release` throws synchronously.",
    property: "close rejects waiters and later acquires with PoolClosedError and destroys idle connections, held ones on release",
    mutants: ["acquire-throws-when-closed"],
  },
]);
