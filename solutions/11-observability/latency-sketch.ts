/**
 * A latency sketch in the style of DDSketch: it answers percentile queries (p50, p99, …) with a
 * guaranteed relative error while storing one counter per logarithmic bucket instead of every
 * sample. Sketches from many servers merge exactly, which is what a metrics pipeline needs.
 */

/**
 * Records positive latencies and answers quantiles within a relative accuracy α.
 *
 * Bucket `i` holds the values in (γ^(i-1), γ^i] with γ = (1 + α) / (1 − α), and answers with
 * 2·γ^i / (γ + 1), which is within α of every value of the bucket.
 */
export class LatencySketch {
  /** The relative accuracy α given to the constructor. */
  readonly relativeAccuracy: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  /** Bucket index -> how many recorded values fell into it (only non-empty buckets are kept). */
  private readonly buckets = new Map<number, number>();
  private total = 0;

  /**
   * @param relativeAccuracy α, strictly between 0 and 1 (else `RangeError`); 0.01 means every
   *   answer is within 1% of the exact quantile.
   */
  constructor(relativeAccuracy = 0.01) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new RangeError(`relativeAccuracy must be between 0 and 1, got ${relativeAccuracy}`);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
  }

  /** Records one latency `ms`: a finite number above 0, else `RangeError`. */
  record(ms: number): void {
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0) {
      throw new RangeError(`record(${ms}): a latency must be a finite number above 0`);
    }
    const index = Math.ceil(Math.log(ms) / this.logGamma);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
    this.total += 1;
  }

  /**
   * The q-quantile (q in [0, 1]; 0.99 is p99). With `exact` = the recorded values sorted
   * ascending, at index `Math.floor(q * (count - 1))`, the answer is within
   * `relativeAccuracy × exact` of it. An empty sketch, or q outside [0, 1], throws `RangeError`.
   */
  quantile(q: number): number {
    if (this.total === 0) throw new RangeError("quantile() of an empty sketch: record a value first");
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile(${q}): q must be between 0 and 1`);
    const rank = Math.floor(q * (this.total - 1));
    // Walk the buckets in value order until they hold more than `rank` values: the value at
    // that rank lives in this bucket, because the bucket index never decreases as values grow.
    const indexes = [...this.buckets.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const index of indexes) {
      seen += this.buckets.get(index) ?? 0;
      if (seen > rank) return (2 * Math.pow(this.gamma, index)) / (this.gamma + 1);
    }
    throw new Error("unreachable: the bucket counts add up to count");
  }

  /**
   * Adds every value recorded in `other` to this sketch (`other` is left as it is). Afterwards
   * this sketch answers exactly as one sketch that recorded both sets of values. A sketch of
   * another relative accuracy throws `RangeError` (their buckets do not line up).
   */
  merge(other: LatencySketch): void {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new RangeError(
        `merge(): cannot merge a sketch of accuracy ${other.relativeAccuracy} into one of ${this.relativeAccuracy}`,
      );
    }
    // Copy first, so that merging a sketch into itself doubles it instead of looping.
    for (const [index, n] of [...other.buckets]) {
      this.buckets.set(index, (this.buckets.get(index) ?? 0) + n);
    }
    this.total += other.total;
  }

  /** How many values were recorded (merged ones included). */
  get count(): number {
    return this.total;
  }

  /** How many buckets are in use: at most ⌈ln(max / min) / ln γ⌉ + 2 for values in [min, max]. */
  get bucketCount(): number {
    return this.buckets.size;
  }
}
