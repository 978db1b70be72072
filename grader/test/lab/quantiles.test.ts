/** The lab's exact percentiles by selection agree with sorting and reading the rank. */
import fc from "fast-check";
import { expect, test } from "vitest";
import { exactQuantiles } from "../../lab/quantiles.ts";

const QS = [0, 0.5, 0.9, 0.99, 1];
const bySorting = (values: number[], qs: number[]) => {
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => sorted[Math.floor(q * (sorted.length - 1))]);
};

test("selection gives the sorted array's value at rank floor(q(n-1)), duplicates and all", () => {
  // Small integer latencies make long runs of equal values, the case that breaks naive partitions.
  const latency = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.5, max: 5000, noNaN: true }));
  fc.assert(
    fc.property(fc.array(latency, { minLength: 1, maxLength: 400 }), fc.uniqueArray(fc.constantFrom(...QS), { minLength: 1 }), (values, qs) => {
      qs.sort((a, b) => a - b);
      expect(exactQuantiles(Float64Array.from(values), qs)).toEqual(bySorting(values, qs));
    }),
    { seed: 16, numRuns: 300 },
  );
});

test("a large run of one value is selected in linear time, not quadratic", () => {
  const values = new Float64Array(200_000).fill(31.5);
  values[7] = 2000;
  expect(exactQuantiles(values, [0.5, 0.99, 1])).toEqual([31.5, 31.5, 2000]);
});
