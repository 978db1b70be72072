/**
 * A load balancer's picking logic: which backend gets the next connection.
 *
 * Clients reach one public IP (the balancer's); backends sit on private IPs behind it. The
 * balancer never sends traffic to a backend marked down and spreads the rest by a strategy.
 */

export type Strategy = "round-robin" | "weighted-round-robin" | "least-connections" | "ip-hash";

export interface Backend {
  /** Unique name of the backend, e.g. "web-1" or its private IP "10.0.0.11". */
  id: string;
  /** A positive integer; defaults to 1. Only the weighted strategy reads it. */
  weight?: number;
}

/** Thrown by `pick` when every backend is marked down. */
export class NoHealthyBackendError extends Error {
  constructor(message = "no healthy backend") {
    super(message);
    this.name = "NoHealthyBackendError";
  }
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/04-load-balancer/load-balancer.ts`);
}

export class LoadBalancer {
  // Your fields here: per backend its weight, health, open connections (and current weight).

  /**
   * `backends` in list order (the order every tie-break uses), all healthy at first.
   * Throws `RangeError` on a duplicate id or a weight that is not a positive integer.
   */
  constructor(backends: Backend[], strategy: Strategy) {
    notImplemented("new LoadBalancer");
  }

  /**
   * Choose a healthy backend, count one open connection on it and return its id.
   *
   * - round-robin: the next healthy backend after the last pick, in list order (the first
   *   pick takes the first healthy backend).
   * - weighted-round-robin: nginx's smooth weighted round-robin. Every healthy backend adds its
   *   weight to its current weight; the highest current weight wins (ties: earlier in the list)
   *   and loses the total weight of the healthy backends. A down backend takes no part and
   *   keeps its current weight until it is up again. Weights {a:5, b:1, c:1} pick a a b a c a a.
   * - least-connections: the healthy backend with the fewest open connections (ties: earlier).
   * - ip-hash: a function of `clientIp` and the healthy set only (rendezvous or consistent
   *   hashing), so a client keeps its backend while the healthy set is unchanged, and when a
   *   backend goes down only its clients move. 10 000 random clients over 2–10 healthy
   *   backends land within ±35% of the mean on each. Throws `TypeError` when `clientIp` is missing.
   *
   * Throws `NoHealthyBackendError` when no backend is healthy.
   */
  pick(clientIp?: string): string {
    notImplemented("LoadBalancer.pick");
  }

  /** One connection to `id` closed: its count goes down by one, never below 0. */
  release(id: string): void {
    notImplemented("LoadBalancer.release");
  }

  /**
   * Stop sending to `id` (a failed health check). Its open connections stay counted. Marking a
   * down backend down, or an up backend up, changes nothing. An unknown id throws `RangeError`
   * in every method that takes an id: `release`, `markDown`, `markUp` and `active`.
   */
  markDown(id: string): void {
    notImplemented("LoadBalancer.markDown");
  }

  /** `id` is healthy again and takes part in picks. */
  markUp(id: string): void {
    notImplemented("LoadBalancer.markUp");
  }

  /** Open connections on `id`. */
  active(id: string): number {
    notImplemented("LoadBalancer.active");
  }
}
