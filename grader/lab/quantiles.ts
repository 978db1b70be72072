/**
 * Exact latency percentiles for the lab's report and its sketch check: the value of rank
 * ⌊q·(n−1)⌋ (from 0) in sorted order, found by selection (Hoare's quickselect) rather than by a
 * sort. V8's TypedArray sort took about half a second of a diurnal-day run to order 1.1 M
 * latencies of which only three ranks per minute are read.
 */

/** The exact q-quantiles of `values` for each q of `qs` (ascending). Reorders `values`. */
export function exactQuantiles(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  let lo = 0;
  return qs.map((q) => {
    const k = Math.floor(q * (n - 1));
    // Everything before the last rank selected is at most it, so the search starts there.
    select(values, k, Math.min(lo, k), n - 1);
    lo = k;
    return values[k]!;
  });
}

/** Moves the k-th smallest of a[lo..hi] to a[k], the smaller ones before it, the larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (lo < hi) {
    // Median of three as the pivot; equal values stop both scans, so runs of equal latencies
    // split evenly instead of degrading to quadratic time.
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i-1] (if any) equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
