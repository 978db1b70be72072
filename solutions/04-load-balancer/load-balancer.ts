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

interface Slot {
  id: string;
  weight: number;
  up: boolean;
  /** Open connections: +1 per pick, -1 per release, never below 0. */
  open: number;
  /** Smooth weighted round-robin state (nginx's `current_weight`). */
  current: number;
}

export class LoadBalancer {
  private readonly slots: Slot[];
  private readonly byId = new Map<string, Slot>();
  /** Index of the last round-robin pick; -1 so the first pick starts at the first backend. */
  private last = -1;

  /**
   * `backends` in list order (the order every tie-break uses), all healthy at first.
   * Throws `RangeError` on a duplicate id or a weight that is not a positive integer.
   */
  constructor(backends: Backend[], private readonly strategy: Strategy) {
    this.slots = backends.map(({ id, weight = 1 }) => {
      if (!Number.isInteger(weight) || weight < 1) throw new RangeError(`weight of ${id} must be a positive integer`);
      if (this.byId.has(id)) throw new RangeError(`duplicate backend id ${id}`);
      const slot: Slot = { id, weight, up: true, open: 0, current: 0 };
      this.byId.set(id, slot);
      return slot;
    });
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
   * - ip-hash: a function of `clientIp` and the healthy set only (here rendezvous hashing), so
   *   a client keeps its backend while the healthy set is unchanged, and when a backend goes
   *   down only its clients move. 10 000 random clients over 2–10 healthy backends land
   *   within ±35% of the mean on each. Throws `TypeError` when `clientIp` is missing.
   *
   * Throws `NoHealthyBackendError` when no backend is healthy.
   */
  pick(clientIp?: string): string {
    if (this.strategy === "ip-hash" && typeof clientIp !== "string") {
      throw new TypeError("ip-hash needs the client's IP: pick(clientIp)");
    }
    const healthy = this.slots.filter((s) => s.up);
    if (healthy.length === 0) throw new NoHealthyBackendError();
    let chosen: Slot;
    switch (this.strategy) {
      case "round-robin": chosen = this.nextInOrder(); break;
      case "weighted-round-robin": chosen = smoothWeighted(healthy); break;
      case "least-connections": chosen = healthy.reduce((best, s) => (s.open < best.open ? s : best)); break;
      case "ip-hash": chosen = rendezvous(healthy, clientIp as string); break;
    }
    chosen.open += 1;
    return chosen.id;
  }

  /** One connection to `id` closed: its count goes down by one, never below 0. */
  release(id: string): void {
    const slot = this.slot(id);
    slot.open = Math.max(0, slot.open - 1);
  }

  /**
   * Stop sending to `id` (a failed health check). Its open connections stay counted. Marking a
   * down backend down, or an up backend up, changes nothing. An unknown id throws `RangeError`
   * in every method that takes an id: `release`, `markDown`, `markUp` and `active`.
   */
  markDown(id: string): void {
    this.slot(id).up = false;
  }

  /** `id` is healthy again and takes part in picks. */
  markUp(id: string): void {
    this.slot(id).up = true;
  }

  /** Open connections on `id`. */
  active(id: string): number {
    return this.slot(id).open;
  }

  private slot(id: string): Slot {
    const slot = this.byId.get(id);
    if (!slot) throw new RangeError(`unknown backend ${id}`);
    return slot;
  }

  private nextInOrder(): Slot {
    const n = this.slots.length;
    for (let step = 1; step <= n; step++) {
      const i = (this.last + step) % n;
      if (this.slots[i].up) {
        this.last = i;
        return this.slots[i];
      }
    }
    throw new NoHealthyBackendError(); // unreachable: pick checked there is a healthy backend
  }
}

/** nginx's smooth weighted round-robin over the healthy backends (list order breaks ties). */
function smoothWeighted(healthy: Slot[]): Slot {
  let total = 0;
  let best = healthy[0];
  for (const s of healthy) {
    s.current += s.weight;
    total += s.weight;
    if (s.current > best.current) best = s;
  }
  best.current -= total;
  return best;
}

/**
 * Rendezvous (highest-random-weight) hashing: every backend scores the client, the highest
 * score wins. Removing a backend changes only the winner for clients it was winning.
 */
function rendezvous(healthy: Slot[], clientIp: string): Slot {
  let best = healthy[0];
  let bestScore = -1;
  for (const s of healthy) {
    const score = hash32(`${clientIp}|${s.id}`);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/** FNV-1a, then murmur3's finalizer so that similar strings get unrelated scores. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
