/**
 * A caching DNS resolver in front of a slower `lookup` (the network, in real life).
 *
 * Design: two maps keyed by the normalised name. `#answers` holds answers with the moment they
 * stop being fresh; `#pending` holds the promise of a lookup still running, so that every caller
 * who asks while it runs shares it. A lookup leaves `#pending` when it settles; only a success
 * enters `#answers`, so a failure is retried by the next caller.
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

interface Fresh {
  address: string;
  /** `answeredAt + ttlSeconds * 1000`: the answer is reused while `Date.now()` is below it. */
  freshUntil: number;
}

/** Lower case, and one trailing dot removed: "API.MySite.com." and "api.mysite.com" are one name. */
function normalise(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

export class DnsCache {
  readonly #lookup: (hostname: string) => Promise<DnsAnswer>;
  readonly #answers = new Map<string, Fresh>();
  readonly #pending = new Map<string, Promise<string>>();

  constructor(options: DnsCacheOptions) {
    this.#lookup = options.lookup;
  }

  /**
   * The address of `hostname`. Names are case-insensitive and a trailing dot is ignored.
   * A cached answer is reused while `Date.now() < answeredAt + ttlSeconds * 1000`, where
   * `answeredAt` is when its lookup answered (so `ttlSeconds = 0` is never reused). Concurrent
   * resolves of one name share one lookup. A failed lookup rejects every caller that waited on it
   * and is not cached: the next resolve looks the name up again.
   */
  resolve(hostname: string): Promise<string> {
    const name = normalise(hostname);
    const cached = this.#answers.get(name);
    if (cached !== undefined) {
      if (Date.now() < cached.freshUntil) return Promise.resolve(cached.address);
      this.#answers.delete(name); // expired: free the memory now rather than never
    }
    const running = this.#pending.get(name);
    if (running !== undefined) return running;

    // The Promise constructor turns a synchronous throw from `lookup` into a rejection.
    const lookup = new Promise<DnsAnswer>((settle) => settle(this.#lookup(name))).then(
      (answer) => {
        this.#pending.delete(name);
        this.#answers.set(name, { address: answer.address, freshUntil: Date.now() + answer.ttlSeconds * 1000 });
        return answer.address;
      },
      (error: unknown) => {
        this.#pending.delete(name);
        throw error;
      },
    );
    this.#pending.set(name, lookup);
    return lookup;
  }
}
