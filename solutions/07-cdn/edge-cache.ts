/**
 * Exercise 07-cdn/edge-cache (reference solution): an edge server of a CDN.
 *
 * It answers from its own copy while the copy is fresh and pulls from the origin otherwise,
 * following the origin's `Cache-Control` and `Age` headers. Use the global `fetch` for the origin.
 */

/** What `get` answers. */
export interface EdgeResponse {
  /** The HTTP status (the origin's, or 502 when the origin failed and no copy could be used). */
  status: number;
  /** Response headers as a plain object with lower-case names. A HIT adds `age` (whole seconds). */
  headers: Record<string, string>;
  /** The response body as text. */
  body: string;
  /**
   * HIT: a fresh stored copy. MISS: the origin answered and the answer was stored (or the origin
   * failed and nothing usable was stored: then `status` is 502). STALE: the origin failed and an
   * expired copy within its `stale-if-error` window was served. BYPASS: the origin's answer was
   * not storable and was passed through.
   */
  cache: "HIT" | "MISS" | "STALE" | "BYPASS";
}

export interface EdgeCacheOptions {
  /** Base URL of the origin, e.g. "http://origin.example"; a request goes to `origin + path`. */
  origin: string;
}

/** One stored copy, with everything needed to compute its age later. */
interface Stored {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Date.now() when the copy was stored. */
  storedAt: number;
  /** The origin's `Age` header in ms: the copy was already this old when it arrived. */
  originAgeMs: number;
  lifetimeMs: number;
  staleIfErrorMs: number;
}

/** One origin request that concurrent misses of a key share. */
interface InFlight {
  /** Identifies this request, so that a finished request never touches a newer one's entry. */
  token: symbol;
  promise: Promise<EdgeResponse>;
}

/** Directive name (lower case) -> value ("" when the directive has no value). */
function parseCacheControl(header: string | null): Map<string, string> {
  const directives = new Map<string, string>();
  if (header === null) return directives;
  for (const part of header.split(",")) {
    const [rawName = "", ...rest] = part.split("=");
    const name = rawName.trim().toLowerCase();
    if (name === "") continue;
    directives.set(name, rest.join("=").trim().replace(/^"(.*)"$/, "$1"));
  }
  return directives;
}

/** A non-negative whole number of seconds, or undefined when absent or malformed. */
function seconds(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export class EdgeCache {
  private readonly origin: string;
  private readonly stored = new Map<string, Stored>();
  private readonly inFlight = new Map<string, InFlight>();

  /** @param options.origin base URL that paths are appended to. */
  constructor(options: EdgeCacheOptions) {
    this.origin = options.origin;
  }

  /**
   * Answer `pathWithQuery` (e.g. "/img/logo.png?v=2").
   *
      * - The cache key is the whole string, query included (as on a CDN configured to put the query
   *   string in its cache key; CloudFront's CachingOptimized policy, for one, leaves it out).
   * - A miss fetches `origin + pathWithQuery` with `fetch` (redirects not followed:
   *   `redirect: "manual"`). Concurrent misses of one key make ONE origin request and all get
   *   its answer.
   * - Lifetime (seconds) = `s-maxage` if `Cache-Control` has it, else `max-age`, else 0.
   *   The answer is stored only when its status is 200, its lifetime > 0 and `Cache-Control`
   *   has neither `no-store` nor `private` (other directives are ignored); it is then answered as
   *   MISS. Anything else is passed through as BYPASS, and an earlier stored copy stays in place.
   * - Age in ms of a stored copy = origin `Age` header × 1000 + (Date.now() − when it was stored).
   *   The copy is a HIT while age < lifetime × 1000; a HIT carries the header
   *   `age: String(Math.floor(age / 1000))`.
   * - If the origin fails (network error or a 5xx status) and a copy is stored with
   *   age < (lifetime + `stale-if-error`) × 1000, answer that copy as STALE; otherwise answer
   *   status 502 marked MISS.
   */
  async get(pathWithQuery: string): Promise<EdgeResponse> {
    // The whole path is the key: /logo.png?v=2 is a different object from /logo.png?v=1.
    const key = pathWithQuery;
    const copy = this.stored.get(key);
    if (copy !== undefined) {
      const ageMs = this.ageMs(copy);
      if (ageMs < copy.lifetimeMs) {
        return {
          status: copy.status,
          headers: { ...copy.headers, age: String(Math.floor(ageMs / 1000)) },
          body: copy.body,
          cache: "HIT",
        };
      }
    }
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending.promise;

    const token = Symbol(key);
    const promise = this.pull(key, pathWithQuery, token).finally(() => {
      // A purge may already have replaced this entry with a newer request: leave that one alone.
      if (this.inFlight.get(key)?.token === token) this.inFlight.delete(key);
    });
    this.inFlight.set(key, { token, promise });
    return promise;
  }

  /**
   * Remove every stored path that starts with `prefix`; return how many were removed.
   * An origin request in flight for such a path is still answered but its answer is NOT stored,
   * and the next get of the path goes to the origin again (it does not join the old request).
   */
  purge(prefix: string): number {
    let removed = 0;
    for (const key of [...this.stored.keys()]) {
      if (key.startsWith(prefix)) {
        this.stored.delete(key);
        removed += 1;
      }
    }
    // Forgetting the in-flight entry is what marks it: pull() stores only while it is current.
    for (const key of [...this.inFlight.keys()]) {
      if (key.startsWith(prefix)) this.inFlight.delete(key);
    }
    return removed;
  }

  private ageMs(copy: Stored): number {
    return copy.originAgeMs + (Date.now() - copy.storedAt);
  }

  private async pull(key: string, pathWithQuery: string, token: symbol): Promise<EdgeResponse> {
    let response: Response;
    let body: string;
    try {
      response = await fetch(this.origin + pathWithQuery, { redirect: "manual" });
      body = await response.text();
    } catch {
      return this.originFailed(key);
    }
    if (response.status >= 500) return this.originFailed(key);

    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const cc = parseCacheControl(response.headers.get("cache-control"));
    // s-maxage is meant for shared caches such as this one, so it overrides max-age.
    const lifetime = seconds(cc.has("s-maxage") ? cc.get("s-maxage") : cc.get("max-age")) ?? 0;
    const storable =
      response.status === 200 && lifetime > 0 && !cc.has("no-store") && !cc.has("private");
    if (!storable) {
      // The earlier copy (if any) stays: it may still serve as STALE when the origin fails.
      return { status: response.status, headers, body, cache: "BYPASS" };
    }
    if (this.inFlight.get(key)?.token === token) {
      this.stored.set(key, {
        status: response.status,
        headers,
        body,
        storedAt: Date.now(),
        originAgeMs: (seconds(response.headers.get("age")) ?? 0) * 1000,
        lifetimeMs: lifetime * 1000,
        staleIfErrorMs: (seconds(cc.get("stale-if-error")) ?? 0) * 1000,
      });
    }
    return { status: response.status, headers, body, cache: "MISS" };
  }

  /** Network error or 5xx: serve an expired copy within stale-if-error, else a 502. */
  private originFailed(key: string): EdgeResponse {
    const copy = this.stored.get(key);
    if (copy !== undefined) {
      const ageMs = this.ageMs(copy);
      if (ageMs < copy.lifetimeMs + copy.staleIfErrorMs) {
        return {
          status: copy.status,
          headers: { ...copy.headers, age: String(Math.floor(ageMs / 1000)) },
          body: copy.body,
          cache: "STALE",
        };
      }
    }
    return { status: 502, headers: {}, body: "Bad Gateway", cache: "MISS" };
  }
}
