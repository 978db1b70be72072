/**
 * Exercise 08-stateless-web/session-manager: sessions for a stateless web tier.
 *
 * Every web server runs a SessionManager over the same shared store, so a user's next request can
 * land on any server behind the load balancer. Use `node:crypto` for ids and signatures.
 */

/** The shared session store (Redis, Memcached, a SQL table, a NoSQL table…), reached over the network. */
export interface SessionStore {
  /** The value last set for `id`, or undefined (or null) when there is none. */
  get(id: string): Promise<unknown>;
  /** Store `value` (JSON-serialisable) under `id`. `ttlMs` is a hint; the store may ignore it. */
  set(id: string, value: unknown, ttlMs: number): Promise<void>;
  /** Remove `id`; removing an absent id is not an error. */
  delete(id: string): Promise<void>;
}

export interface SessionManagerOptions {
  /** Shared by every web server. */
  store: SessionStore;
  /** HMAC key; every server that must accept a cookie has the same secret. */
  secret: string;
  /** Idle lifetime in ms: a session lives while Date.now() < last successful create/read/update + ttlMs. */
  ttlMs: number;
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/08-stateless-web/session-manager.ts`);
}

/**
 * Keeps NO session in its own memory: everything lives in `store`, so a session created on one
 * server is read, updated or destroyed on any other server with the same store and secret.
 * The store may ignore `ttlMs`, so the manager enforces expiry itself (keep the deadline in the
 * stored value).
 */
export class SessionManager<T = unknown> {
  constructor(options: SessionManagerOptions) {
    void options;
  }

  /**
   * Start a session holding `data` (JSON-serialisable) and return its cookie, `id.signature`:
   * the id carries at least 128 random bits from node:crypto (≥ 22 base64url or ≥ 32 hex
   * characters), the signature is an HMAC of the id under `secret`.
   */
  async create(data: T): Promise<string> {
    void data;
    return notImplemented("SessionManager.create");
  }

  /**
   * The data of the live session named by `cookie`, or null when the cookie was changed in any way,
   * was signed with another secret, or names a session that is expired or destroyed.
   * A successful read restarts the session's lifetime (sliding expiry).
   * Tip: compare the signature as text, in constant time (`timingSafeEqual` on equal lengths).
   */
  async read(cookie: string): Promise<T | null> {
    void cookie;
    return notImplemented("SessionManager.read");
  }

  /**
   * Replace the data of a live session and restart its lifetime; resolve true. Resolve false (and
   * change nothing) when the cookie is bad or the session is expired or destroyed.
   */
  async update(cookie: string, data: T): Promise<boolean> {
    void cookie;
    void data;
    return notImplemented("SessionManager.update");
  }

  /** End the session named by `cookie`, for every server. A bad cookie changes nothing. */
  async destroy(cookie: string): Promise<void> {
    void cookie;
    return notImplemented("SessionManager.destroy");
  }
}
