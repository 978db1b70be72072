import { defineMutants } from "../../kit/index.ts";

const CAP = "never more than max connections are live or being created, even when create fails";
const EXCLUSIVE = "a connection is never held by two callers at once";
const ORDER = "waiters are served in arrival order, by released and new connections and by create errors";
const TIMEOUT = "an acquire still waiting after acquireTimeoutMs rejects with AcquireTimeoutError and never gets a connection later";
const COUNTS = "size, idle and waiting count live connections, idle ones and waiting acquires";
const BROKEN = "a broken connection is destroyed, never handed out again, and its slot serves the next waiter";
const NOT_HELD = "releasing a connection that is not held throws NotAcquiredError";
const CLOSE = "close rejects waiters and later acquires with PoolClosedError and destroys idle connections, held ones on release";

export default defineMutants("02-database-tier/connection-pool", [
  {
    name: "failed-create-frees-slot-twice",
    bug: "a failed create gives its slot back twice, so the pool then opens more than max connections",
    kills: CAP,
    edits: [["(error: unknown) => {\n          this.#creating -= 1;", "(error: unknown) => {\n          this.#creating -= 2;"]],
  },
  {
    name: "slot-check-off-by-one",
    bug: "starts a create while max slots are already used (<= instead of <)",
    kills: CAP,
    edits: [["this.#slotsUsed() < this.#max", "this.#slotsUsed() <= this.#max"]],
  },
  {
    name: "creates-not-counted",
    bug: "does not count connections that are still being created against max",
    kills: CAP,
    edits: [["this.#slotsUsed() < this.#max", "this.#idle.length + this.#held.size < this.#max"]],
  },
  {
    name: "idle-not-removed",
    bug: "hands out an idle connection but leaves it in the idle list",
    kills: EXCLUSIVE,
    edits: [["const conn = this.#idle.pop() as C;", "const conn = this.#idle.at(-1) as C;"]],
  },
  {
    name: "lifo-waiters",
    bug: "gives an available connection to the newest waiter instead of the oldest",
    kills: ORDER,
    edits: [["const waiter = this.#waiters.shift();", "const waiter = this.#waiters.pop();"]],
  },
  {
    name: "create-error-to-newest",
    bug: "rejects the newest waiter, not the oldest, when a create fails",
    kills: ORDER,
    edits: [["const oldest = this.#waiters.shift();", "const oldest = this.#waiters.pop();"]],
  },
  {
    name: "timed-out-waiter-stays-queued",
    bug: "rejects a timed-out acquire but leaves it in the queue, so a later connection is given to it and lost",
    kills: TIMEOUT,
    edits: [["    this.#waiters.splice(at, 1);\n    waiter.reject(", "    waiter.reject("]],
  },
  {
    name: "stale-timer-removes-last-waiter",
    bug: "does not clear the timer of a served acquire; when it fires, splice(-1, 1) removes the last waiter",
    kills: TIMEOUT,
    edits: [
      ["    clearTimeout(waiter.timer);\n    this.#held.add(conn);", "    this.#held.add(conn);"],
      ["    if (at === -1) return;\n", ""],
    ],
  },
  {
    name: "timeout-one-ms-early",
    bug: "times out 1 ms before acquireTimeoutMs",
    kills: TIMEOUT,
    edits: [["this.#timeOut(waiter), this.#timeoutMs)", "this.#timeOut(waiter), this.#timeoutMs - 1)"]],
  },
  {
    name: "size-omits-creating",
    bug: "size leaves out the connections being created",
    kills: COUNTS,
    edits: [["  get size(): number {\n    return this.#slotsUsed();", "  get size(): number {\n    return this.#idle.length + this.#held.size;"]],
  },
  {
    name: "idle-counts-held",
    bug: "idle counts the held connections too",
    kills: COUNTS,
    edits: [["    return this.#idle.length;\n", "    return this.#idle.length + this.#held.size;\n"]],
  },
  {
    name: "broken-returned-to-pool",
    bug: "puts a connection released as broken back into the pool instead of destroying it",
    kills: BROKEN,
    edits: [["if (options.broken === true || this.#closed) {", "if (this.#closed) {"]],
  },
  {
    name: "broken-slot-not-refilled",
    bug: "destroys a broken connection but starts no create for the waiters, who wait on nothing",
    kills: BROKEN,
    edits: [["      this.#grow(); // the freed slot may serve a waiter\n", ""]],
  },
  {
    name: "release-of-unheld-accepted",
    bug: "accepts the release of a connection that is not held, and puts it in the pool",
    kills: NOT_HELD,
    edits: [["if (!this.#held.delete(conn)) throw new NotAcquiredError();", "this.#held.delete(conn);"]],
  },
  {
    name: "close-leaves-waiters",
    bug: "close does not reject the acquires that are waiting",
    kills: CLOSE,
    edits: [["    for (const waiter of this.#waiters.splice(0)) {\n      clearTimeout(waiter.timer);\n      waiter.reject(new PoolClosedError());\n    }\n", ""]],
  },
  {
    name: "close-keeps-idle",
    bug: "close does not destroy the idle connections",
    kills: CLOSE,
    edits: [["    for (const conn of this.#idle.splice(0)) this.#discard(conn);\n", ""]],
  },
  {
    name: "release-after-close-keeps",
    bug: "a connection released after close goes back to the pool instead of being destroyed",
    kills: CLOSE,
    edits: [["if (options.broken === true || this.#closed) {", "if (options.broken === true) {"]],
  },
  {
    name: "acquire-after-close-waits",
    bug: "an acquire after close waits (and may even create a connection) instead of rejecting",
    kills: CLOSE,
    edits: [["    if (this.#closed) return Promise.reject(new PoolClosedError());\n", ""]],
  },
  {
    name: "create-error-rejects-all",
    bug: "a failed create rejects every waiter, not only the oldest one it was meant for",
    kills: ORDER,
    edits: [[
      "          const oldest = this.#waiters.shift();\n          if (oldest !== undefined) {\n            clearTimeout(oldest.timer);\n            oldest.reject(error);\n          }",
      "          for (const waiter of this.#waiters.splice(0)) {\n            clearTimeout(waiter.timer);\n            waiter.reject(error);\n          }",
    ]],
  },
  {
    name: "failed-create-not-retried",
    bug: "after a failed create, starts no create for the waiters still queued, who then wait on nothing",
    kills: ORDER,
    edits: [["            oldest.reject(error);\n          }\n          this.#grow();", "            oldest.reject(error);\n          }"]],
  },
  {
    name: "acquire-throws-when-closed",
    bug: "acquire on a closed pool throws PoolClosedError synchronously instead of returning a rejected promise",
    kills: "close rejects waiters and later acquires with PoolClosedError and destroys idle connections, held ones on release",
    edits: [["if (this.#closed) return Promise.reject(new PoolClosedError());", "if (this.#closed) throw new PoolClosedError();"]],
  },
]);
