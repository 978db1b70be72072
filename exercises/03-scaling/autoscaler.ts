/**
 * A horizontal autoscaler that follows the Kubernetes HPA rule: scale up at once, scale down
 * only to the highest recommendation seen in a recent window, so load that oscillates does not
 * make the replica count flap.
 */

export interface AutoscalerOptions {
  /** Fewest replicas ever recommended. An integer >= 1. */
  minReplicas: number;
  /** Most replicas ever recommended. An integer >= minReplicas. */
  maxReplicas: number;
  /** The utilization each replica should run at, e.g. 0.6. A finite number > 0. */
  targetUtilization: number;
  /** Relative deviation from the target that is ignored, e.g. 0.1 (10%). A finite number >= 0. */
  tolerance: number;
  /** How far back (ms) scale-down looks for a higher recommendation. A finite number >= 0. */
  scaleDownStabilizationMs: number;
}

export interface Observation {
  /** Replicas running now. An integer >= 0. */
  currentReplicas: number;
  /** Average utilization across them now, e.g. 0.9 for 90%. A finite number >= 0. */
  utilization: number;
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/03-scaling/autoscaler.ts`);
}

export class Autoscaler {
  // Your fields here: the options, and the recent recommendations with the time of each.

  /** Throws `RangeError` when an option breaks the ranges documented on `AutoscalerOptions`. */
  constructor(options: AutoscalerOptions) {
    notImplemented("new Autoscaler");
  }

  /**
   * The number of replicas to run now.
   *
   *     raw = Math.abs(utilization / targetUtilization - 1) <= tolerance
   *       ? currentReplicas
   *       : Math.ceil(currentReplicas * utilization / targetUtilization)
   *
   * `r` is `raw` clamped to [minReplicas, maxReplicas], and `(Date.now(), r)` is recorded.
   * If `r >= currentReplicas` the answer is `r` (scale-up is immediate). Otherwise it is
   * `Math.min(currentReplicas, R)` where R is the highest `r` recorded at a time `t` with
   * `Date.now() - t < scaleDownStabilizationMs`, this call's `r` always included.
   *
   * Throws `RangeError` when the observation breaks the ranges documented on `Observation`.
   */
  recommend(observation: Observation): number {
    notImplemented("Autoscaler.recommend");
  }
}
