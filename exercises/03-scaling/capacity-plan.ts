/**
 * Back-of-the-envelope capacity planning for a horizontally scaled web tier.
 *
 * The rule is "N + k": N servers carry the peak while each runs at the target utilization,
 * and k more are spares so the tier still carries the peak with k servers down.
 */

export interface CapacityInput {
  /** Requests per second at the busiest moment. A finite number >= 0. */
  peakRps: number;
  /** Requests per second one server handles at 100% utilization. A finite number > 0. */
  perServerRps: number;
  /** The share of capacity you plan to use, in (0, 1]: 0.7 leaves 30% headroom. */
  targetUtilization: number;
  /** How many servers may be down while the rest still carry the peak. An integer >= 0. */
  failuresTolerated: number;
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/03-scaling/capacity-plan.ts`);
}

/**
 * How many servers the tier needs:
 *
 *     failuresTolerated + Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)))
 *
 * computed exactly as written (even zero traffic needs one server). Example: 12 000 rps at
 * 400 rps per server and 70% target utilization with N+2 gives 2 + ceil(42.86) = 45.
 *
 * Throws `RangeError` when `peakRps < 0`, `perServerRps <= 0`, `targetUtilization` is outside
 * (0, 1], `failuresTolerated` is negative or not an integer, or any field is not a finite number.
 */
export function serversNeeded(input: CapacityInput): number {
  notImplemented("serversNeeded");
}
