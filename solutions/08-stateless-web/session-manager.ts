/**
 * Exercise 08-stateless-web/session-manager (reference solution): sessions for a stateless web tier.
 *
 * Every web server runs a SessionManager over the same shared store, so a user's next request can
 * land on any server behind the load balancer. Uses `node:crypto` for ids and signatures.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

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

/** What the manager keeps in the store under a session id. */
interface StoredSession<T> {
  data: T;
  /** Date.now() + ttlMs at the last successful create, read or update. */
  expiresAt: number;
}

/**
 * Keeps NO session in its own memory: everything lives in `store`, so a session created on one
 * server is read, updated or destroyed on any other server with the same store and secret.
 * The store may ignore `ttlMs`, so the manager enforces expiry itself (keep the deadline in the
 * stored value).
 */
export class SessionManager<T = unknown> {
  private readonly store: SessionStore;
  private readonly secret: string;
  private readonly ttlMs: number;

  constructor(options: SessionManagerOptions) {
    this.store = options.store;
    this.secret = options.secret;
    this.ttlMs = options.ttlMs;
  }

  /**
   * Start a session holding `data` (JSON-serialisable) and return its cookie, `id.signature`:
   * the id carries at least 128 random bits from node:crypto (≥ 22 base64url or ≥ 32 hex
   * characters), the signature is an HMAC of the id under `secret`.
   */
  async create(data: T): Promise<string> {
    const id = randomBytes(16).toString("base64url");
    await this.write(id, data);
    return `${id}.${this.sign(id)}`;
  }

  /**
   * The data of the live session named by `cookie`, or null when the cookie was changed in any way,
   * was signed with another secret, or names a session that is expired or destroyed.
   * A successful read restarts the session's lifetime (sliding expiry).
   * Tip: compare the signature as text, in constant time (`timingSafeEqual` on equal lengths).
   */
  async read(cookie: string): Promise<T | null> {
    const found = await this.load(cookie);
    if (found === null) return null;
    await this.write(found.id, found.record.data);
    return found.record.data;
  }

  /**
   * Replace the data of a live session and restart its lifetime; resolve true. Resolve false (and
   * change nothing) when the cookie is bad or the session is expired or destroyed.
   */
  async update(cookie: string, data: T): Promise<boolean> {
    const found = await this.load(cookie);
    if (found === null) return false;
    await this.write(found.id, data);
    return true;
  }

  /** End the session named by `cookie`, for every server. A bad cookie changes nothing. */
  async destroy(cookie: string): Promise<void> {
    const id = this.verify(cookie);
    if (id !== null) await this.store.delete(id);
  }

  private sign(id: string): string {
    return createHmac("sha256", this.secret).update(id).digest("base64url");
  }

  /** The id of a correctly signed cookie, else null. */
  private verify(cookie: string): string | null {
    const dot = cookie.indexOf(".");
    if (dot < 0) return null;
    const id = cookie.slice(0, dot);
    // Compare the text, not decoded bytes: base64url decoding ignores stray characters and the
    // spare bits of the last character, so two different strings can decode to equal bytes.
    const given = Buffer.from(cookie.slice(dot + 1), "utf8");
    const expected = Buffer.from(this.sign(id), "utf8");
    // timingSafeEqual needs equal lengths; the length of a valid signature is no secret.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return id;
  }

  private async load(cookie: string): Promise<{ id: string; record: StoredSession<T> } | null> {
    const id = this.verify(cookie);
    if (id === null) return null;
    const record = (await this.store.get(id)) as StoredSession<T> | null | undefined;
    // The store's own ttl is only a hint, so expiry is checked here.
    if (record === null || record === undefined || !(Date.now() < record.expiresAt)) return null;
    return { id, record };
  }

  private async write(id: string, data: T): Promise<void> {
    const record: StoredSession<T> = { data, expiresAt: Date.now() + this.ttlMs };
    await this.store.set(id, record, this.ttlMs);
  }
}
