/**
 * A caching DNS resolver in front of a slower `lookup` (the network, in real life).
 *
 * Every request a browser or app sends starts with turning a name such as "api.mysite.com" into
 * an IP address. Asking the network each time is slow, so resolvers keep answers for as long as
 * the answer's TTL allows, and callers that ask for the same name at the same moment share one
 * question. Only `Date.now()` tells the time here: the grader drives it with fake timers.
 */

/** What an authoritative server (or an upstream resolver) answers for one name. */
export interface DnsAnswer {
  /** The IP address, e.g. "15.125.23.214". */
  address: string;
  /** How many seconds the answer may be reused. 0 means: do not reuse it at all. */
  ttlSeconds: number;
}

export interface DnsCacheOptions {
  /** Asks the network. Receives the normalised name: lower case, no trailing dot. */
  lookup: (hostname: string) => Promise<DnsAnswer>;
}

export class DnsCache {
  constructor(options: DnsCacheOptions) {
    notImplemented("new DnsCache()");
  }

  /**
   * The address of `hostname`.
   *
   * - Names are case-insensitive and a trailing dot is ignored: "API.MySite.com." and
   *   "api.mysite.com" are the same name, and `lookup` receives "api.mysite.com".
   * - An answer is reused while `Date.now() < answeredAt + ttlSeconds * 1000`, where `answeredAt`
   *   is the moment its lookup answered (not when it was asked). So `ttlSeconds = 0` is never
   *   reused, and at exactly `answeredAt + ttlSeconds * 1000` the name is looked up again.
   * - Resolves of one name made while its lookup is running share that lookup: one call to
   *   `lookup`, and every caller gets its answer.
   * - A failed lookup rejects every caller that waited on it and is not cached: the next resolve
   *   of that name calls `lookup` again.
   */
  resolve(hostname: string): Promise<string> {
    notImplemented("DnsCache.resolve");
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/01-single-server/dns-cache.ts`);
}
