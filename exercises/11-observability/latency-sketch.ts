/**
 * A latency sketch in the style of DDSketch: it answers percentile queries (p50, p99, …) with a
 * guaranteed relative error while storing one counter per logarithmic bucket instead of every
 * sample. Sketches from many servers merge exactly, which is what a metrics pipeline needs.
 */

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/11-observability/latency-sketch.ts`);
}

/**
 * Records positive latencies and answers quantiles within a relative accuracy α.
 *
 * Suggested design: bucket `i` holds the values in (γ^(i-1), γ^i] with γ = (1 + α) / (1 − α),
 * and answers with 2·γ^i / (γ + 1), which is within α of every value of the bucket.
 */
export class LatencySketch {
  /** The relative accuracy α given to the constructor. */
  readonly relativeAccuracy: number;

  /**
   * @param relativeAccuracy α, strictly between 0 and 1 (else `RangeError`); 0.01 means every
   *   answer is within 1% of the exact quantile.
   */
  constructor(relativeAccuracy = 0.01) {
    this.relativeAccuracy = relativeAccuracy;
    notImplemented("new LatencySketch()");
  }

  /** Records one latency `ms`: a finite number above 0, else `RangeError`. */
  record(ms: number): void {
    notImplemented("LatencySketch.record");
  }

  /**
   * The q-quantile (q in [0, 1]; 0.99 is p99). With `exact` = the recorded values sorted
   * ascending, at index `Math.floor(q * (count - 1))`, the answer is within
   * `relativeAccuracy × exact` of it. An empty sketch, or q outside [0, 1], throws `RangeError`.
   */
  quantile(q: number): number {
    notImplemented("LatencySketch.quantile");
  }

  /**
   * Adds every value recorded in `other` to this sketch (`other` is left as it is). Afterwards
   * this sketch answers exactly as one sketch that recorded both sets of values. A sketch of
   * another relative accuracy throws `RangeError` (their buckets do not line up).
   */
  merge(other: LatencySketch): void {
    notImplemented("LatencySketch.merge");
  }

  /** How many values were recorded (merged ones included). */
  get count(): number {
    return notImplemented("LatencySketch.count");
  }

  /**
   * How many buckets are in use. For values in [min, max] it must stay at most
   * ⌈ln(max / min) / ln γ⌉ + 2, with γ = (1 + α) / (1 − α).
   */
  get bucketCount(): number {
    return notImplemented("LatencySketch.bucketCount");
  }
}
