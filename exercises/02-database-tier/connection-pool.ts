/**
 * A pool of database connections shared by the requests of one web server.
 *
 * Opening a connection to a remote database costs several network round trips, and the database
 * accepts only so many connections, so a web server keeps a few open and lends them out.
 * Time: schedule only with `setTimeout`/`clearTimeout` (the grader uses fake timers).
 * Every promise-returning method rejects; only `release` throws synchronously.
 */

/** The acquire waited `acquireTimeoutMs` without getting a connection. */
export class AcquireTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no connection became available within ${timeoutMs} ms`);
    this.name = "AcquireTimeoutError";
  }
}

/** `release` was given a connection that is not currently held by a caller. */
export class NotAcquiredError extends Error {
  constructor() {
    super("this connection is not held: it was never acquired, or it was already released");
    this.name = "NotAcquiredError";
  }
}

/** The pool was closed. */
export class PoolClosedError extends Error {
  constructor() {
    super("the pool is closed");
    this.name = "PoolClosedError";
  }
}

export interface PoolOptions<C> {
  /** Opens a new connection (in real life: TCP, TLS, authentication: several round trips). */
  create: () => Promise<C>;
  /** Closes a connection for good. Optional. */
  destroy?: (conn: C) => void | Promise<void>;
  /** The most connections that may be live at once: idle + held + being created. */
  max: number;
  /** How long an acquire may wait before it rejects with AcquireTimeoutError. */
  acquireTimeoutMs: number;
}

/**
 * Rules the grader checks at every step:
 * - never more than `max` live connections (idle + held + being created);
 * - a connection is never held by two callers at once;
 * - outcomes go to waiters in arrival order: each connection that becomes available (released,
 *   or newly created) goes to the oldest waiter, and a failed `create` frees its slot and rejects
 *   the oldest waiter with the create's error;
 * - a waiter never waits on nothing: while acquires wait and a slot is free, a create is running.
 */
export class ConnectionPool<C> {
  constructor(options: PoolOptions<C>) {
    notImplemented("new ConnectionPool()");
  }

  /** Live connections: idle + held + being created. Never above `max`. */
  get size(): number {
    return notImplemented("ConnectionPool.size");
  }

  /** Connections ready to be handed out. */
  get idle(): number {
    return notImplemented("ConnectionPool.idle");
  }

  /** Acquires waiting for a connection. */
  get waiting(): number {
    return notImplemented("ConnectionPool.waiting");
  }

  /**
   * A connection for the caller alone, until it calls `release`.
   * - An idle connection is handed out at once.
   * - Otherwise the caller waits (counted in `waiting` from the moment acquire is called), and if
   *   a slot is free a `create` starts. Whatever becomes available goes to the oldest waiter.
   * - Still waiting after `acquireTimeoutMs` → rejects with AcquireTimeoutError, and that caller
   *   never receives a connection later.
   * - The create meant for the oldest waiter fails → that waiter rejects with the create's error.
   * - After `close()` → rejects with PoolClosedError.
   */
  acquire(): Promise<C> {
    notImplemented("ConnectionPool.acquire");
  }

  /**
   * Gives a held connection back: it goes to the oldest waiter, or becomes idle.
   * `{ broken: true }` destroys it instead (calls `destroy`) and frees its slot. After `close()`,
   * every released connection is destroyed.
   * @throws NotAcquiredError when `conn` is not held (never acquired, or already released).
   */
  release(conn: C, options: { broken?: boolean } = {}): void {
    notImplemented("ConnectionPool.release");
  }

  /**
   * Rejects every waiter, and every later acquire, with PoolClosedError, and destroys the idle
   * connections. Held connections are destroyed when they are released.
   */
  close(): void {
    notImplemented("ConnectionPool.close");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/02-database-tier/connection-pool.ts`);
}
