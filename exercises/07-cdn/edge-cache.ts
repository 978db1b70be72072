/**
 * Exercise 07-cdn/edge-cache: an edge server of a CDN.
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

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/07-cdn/edge-cache.ts`);
}

export class EdgeCache {
  /** @param options.origin base URL that paths are appended to. */
  constructor(options: EdgeCacheOptions) {
    void options;
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
    void pathWithQuery;
    return notImplemented("EdgeCache.get");
  }

  /**
   * Remove every stored path that starts with `prefix`; return how many were removed.
   * An origin request in flight for such a path is still answered but its answer is NOT stored,
   * and the next get of the path goes to the origin again (it does not join the old request).
   */
  purge(prefix: string): number {
    void prefix;
    return notImplemented("EdgeCache.purge");
  }
}
