/**
 * A pool of database connections shared by the requests of one web server.
 *
 * Design: a connection is in exactly one place: `#idle` (a stack, so the warmest connection is
 * reused first), `#held` (handed to a caller), or on its way (`#creating` counts the creates in
 * flight). Waiters form a FIFO queue. Whenever a connection becomes available it goes to the
 * oldest waiter, or to `#idle` when nobody waits. `#grow` starts a create for every waiter that
 * has none on its way, while slots are free, so a waiter never waits on nothing.
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

interface Waiter<C> {
  resolve: (conn: C) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class ConnectionPool<C> {
  readonly #create: () => Promise<C>;
  readonly #destroy: ((conn: C) => void | Promise<void>) | undefined;
  readonly #max: number;
  readonly #timeoutMs: number;
  readonly #idle: C[] = [];
  readonly #held = new Set<C>();
  readonly #waiters: Waiter<C>[] = [];
  #creating = 0;
  #closed = false;

  constructor(options: PoolOptions<C>) {
    this.#create = options.create;
    this.#destroy = options.destroy;
    this.#max = options.max;
    this.#timeoutMs = options.acquireTimeoutMs;
  }

  /** Live connections: idle + held + being created. Never above `max`. */
  get size(): number {
    return this.#slotsUsed();
  }

  /** Connections ready to be handed out. */
  get idle(): number {
    return this.#idle.length;
  }

  /** Acquires waiting for a connection. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /**
   * A connection for the caller alone, until it calls `release`. An idle connection is handed out
   * at once; otherwise the caller waits in arrival order (and a free slot starts a create).
   * Rejects with AcquireTimeoutError after `acquireTimeoutMs`, with the create's error when the
   * create meant for it fails, and with PoolClosedError once the pool is closed.
   */
  acquire(): Promise<C> {
    if (this.#closed) return Promise.reject(new PoolClosedError());
    if (this.#idle.length > 0) {
      const conn = this.#idle.pop() as C;
      this.#held.add(conn);
      return Promise.resolve(conn);
    }
    return new Promise<C>((resolve, reject) => {
      const waiter: Waiter<C> = { resolve, reject, timer: setTimeout(() => this.#timeOut(waiter), this.#timeoutMs) };
      this.#waiters.push(waiter);
      this.#grow();
    });
  }

  /**
   * Gives a held connection back. `{ broken: true }` destroys it and frees its slot. After
   * `close()`, every released connection is destroyed.
   * @throws NotAcquiredError when `conn` is not held (never acquired, or already released).
   */
  release(conn: C, options: { broken?: boolean } = {}): void {
    if (!this.#held.delete(conn)) throw new NotAcquiredError();
    if (options.broken === true || this.#closed) {
      this.#discard(conn);
      this.#grow(); // the freed slot may serve a waiter
      return;
    }
    this.#offer(conn);
  }

  /**
   * Rejects every waiter, and every later acquire, with PoolClosedError, and destroys the idle
   * connections. Held connections are destroyed when they are released.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new PoolClosedError());
    }
    for (const conn of this.#idle.splice(0)) this.#discard(conn);
  }

  #slotsUsed(): number {
    return this.#idle.length + this.#held.size + this.#creating;
  }

  /** Start one create for each waiter that has none on its way, as long as slots are free. */
  #grow(): void {
    while (this.#waiters.length > this.#creating && this.#slotsUsed() < this.#max) {
      this.#creating += 1;
      // The Promise constructor turns a synchronous throw from `create` into a rejection.
      new Promise<C>((settle) => settle(this.#create())).then(
        (conn) => {
          this.#creating -= 1;
          if (this.#closed) this.#discard(conn);
          else this.#offer(conn);
        },
        (error: unknown) => {
          this.#creating -= 1;
          const oldest = this.#waiters.shift();
          if (oldest !== undefined) {
            clearTimeout(oldest.timer);
            oldest.reject(error);
          }
          this.#grow();
        },
      );
    }
  }

  /** A connection became available: the oldest waiter gets it, or it goes idle. */
  #offer(conn: C): void {
    const waiter = this.#waiters.shift();
    if (waiter === undefined) {
      this.#idle.push(conn);
      return;
    }
    clearTimeout(waiter.timer);
    this.#held.add(conn);
    waiter.resolve(conn);
  }

  #timeOut(waiter: Waiter<C>): void {
    const at = this.#waiters.indexOf(waiter);
    if (at === -1) return;
    this.#waiters.splice(at, 1);
    waiter.reject(new AcquireTimeoutError(this.#timeoutMs));
  }

  #discard(conn: C): void {
    if (this.#destroy === undefined) return;
    // A failing destroy must not break the pool: the connection is gone either way.
    new Promise<void>((settle) => settle(this.#destroy?.(conn))).catch(() => {});
  }
}
