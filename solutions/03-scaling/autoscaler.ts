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

export class Autoscaler {
  private readonly options: AutoscalerOptions;
  /** Recommendations still inside the stabilization window, oldest first. */
  private history: { at: number; replicas: number }[] = [];

  /** Throws `RangeError` when an option breaks the ranges documented on `AutoscalerOptions`. */
  constructor(options: AutoscalerOptions) {
    const { minReplicas, maxReplicas, targetUtilization, tolerance, scaleDownStabilizationMs } = options;
    if (!Number.isInteger(minReplicas) || minReplicas < 1) throw new RangeError(`minReplicas must be an integer >= 1, got ${minReplicas}`);
    if (!Number.isInteger(maxReplicas) || maxReplicas < minReplicas) throw new RangeError(`maxReplicas must be an integer >= minReplicas, got ${maxReplicas}`);
    if (!Number.isFinite(targetUtilization) || targetUtilization <= 0) throw new RangeError(`targetUtilization must be > 0, got ${targetUtilization}`);
    if (!Number.isFinite(tolerance) || tolerance < 0) throw new RangeError(`tolerance must be >= 0, got ${tolerance}`);
    if (!Number.isFinite(scaleDownStabilizationMs) || scaleDownStabilizationMs < 0) {
      throw new RangeError(`scaleDownStabilizationMs must be >= 0, got ${scaleDownStabilizationMs}`);
    }
    this.options = { ...options };
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
    const { currentReplicas, utilization } = observation;
    if (!Number.isInteger(currentReplicas) || currentReplicas < 0) throw new RangeError(`currentReplicas must be an integer >= 0, got ${currentReplicas}`);
    if (!Number.isFinite(utilization) || utilization < 0) throw new RangeError(`utilization must be a finite number >= 0, got ${utilization}`);
    const { minReplicas, maxReplicas, targetUtilization, tolerance, scaleDownStabilizationMs } = this.options;

    // Written exactly as the contract's expression so the doubles round the same way.
    const raw = Math.abs(utilization / targetUtilization - 1) <= tolerance
      ? currentReplicas
      : Math.ceil(currentReplicas * utilization / targetUtilization);
    const r = Math.min(maxReplicas, Math.max(minReplicas, raw));

    const now = Date.now();
    // Forget what fell out of the window; keeping it would only grow memory.
    this.history = this.history.filter((h) => now - h.at < scaleDownStabilizationMs);
    this.history.push({ at: now, replicas: r });

    if (r >= currentReplicas) return r;
    // Scale down only as far as the most cautious recent recommendation allows.
    let highest = r;
    for (const h of this.history) highest = Math.max(highest, h.replicas);
    return Math.min(currentReplicas, highest);
  }
}
