/**
 * Grader for 11-observability/latency-sketch. The contract fixes the error bound, not the
 * design, so answers are compared with the exact quantile (the sorted data at
 * Math.floor(q * (n - 1))) within relativeAccuracy × exact × (1 + 1e-9); the 1e-9 absorbs
 * floating-point rounding at bucket edges. Only merging is compared exactly: a merged sketch
 * must answer like one sketch of all the values, whatever the design.
 */
import fc from "fast-check";
import { check, checkThat, checkThrows, defineGrader, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/11-observability/latency-sketch.ts");
type Sketch = InstanceType<Module["LatencySketch"]>;

const accuracies = fc.constantFrom(0.005, 0.01, 0.02, 0.05);
/** Log-uniform latencies from 0.001 ms to 1 000 000 ms, rounded to 6 significant digits. */
const latency = fc.double({ min: -3, max: 6, noNaN: true }).map((e) => Number((10 ** e).toPrecision(6)));
/** Data sets with repeats: a few distinct values reused, or all distinct. */
const dataSet = fc.oneof(
  fc.array(latency, { minLength: 1, maxLength: 300 }),
  fc
    .tuple(fc.array(latency, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 100 }))
    .map(([values, picks]) => picks.map((p) => values[p % values.length])),
);
/**
 * A narrow band of latencies: every value within a few bucket widths below `top`. Bands whose top
 * is 1 ms put every value in the bucket just under 1 ms (index 0 in the suggested design), where
 * a merge that tests a bucket index for truthiness loses them all (issue 18, DDSketch's merge).
 */
const narrowBand = (alpha: number) =>
  fc
    .tuple(fc.oneof(fc.constant(1), fc.constantFrom(0.5, 2, 10), latency), fc.double({ min: 0, max: 1.8, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }))
    .map(([top, widths, fractions]) => fractions.map((f) => Number((top * (1 - alpha * widths * f)).toPrecision(6))));
const GRID = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];
const qs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }).map((extra) => [...GRID, ...extra]);

function record(LatencySketch: Module["LatencySketch"], alpha: number | undefined, data: number[], name = "sketch"): Sketch {
  step(`const ${name} = new LatencySketch(${alpha ?? ""})`);
  const sketch = alpha === undefined ? new LatencySketch() : new LatencySketch(alpha);
  step(data.length <= 40 ? `for (const ms of ${JSON.stringify(data)}) ${name}.record(ms)` : `// ${name} records ${data.length} latencies from ${Math.min(...data)} to ${Math.max(...data)} ms`);
  for (const ms of data) sketch.record(ms);
  return sketch;
}

/** Every q in `qs` must be answered within alpha of the exact quantile. */
function checkAccuracy(sketch: Sketch, alpha: number, data: number[], queries: number[]): void {
  const sorted = [...data].sort((a, b) => a - b);
  for (const q of queries) {
    const exact = sorted[Math.floor(q * (sorted.length - 1))];
    const answer = sketch.quantile(q);
    const ok = Math.abs(answer - exact) <= alpha * exact * (1 + 1e-9);
    checkThat(`sketch.quantile(${q})`, ok, `a value within ${alpha * 100}% of the exact ${exact} (${exact * (1 - alpha)} to ${exact * (1 + alpha)})`, answer);
  }
}

/** A small deterministic generator (mulberry32), so a 3 000-value data set replays from one seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Web latencies: a log-normal body near 40 ms, a Pareto tail, and noise from 0.01 ms to 10 s. */
function heavyTail(seed: number): number[] {
  const rnd = random(seed);
  const data = [0.01, 10_000];
  for (let i = 0; i < 1500; i++) data.push(10 ** (-2 + 6 * rnd())); // six orders of magnitude
  for (let i = 0; i < 1000; i++) {
    const normal = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    data.push(40 * Math.exp(0.5 * normal));
  }
  for (let i = 0; i < 500; i++) data.push(Math.min(10_000, 100 / (1 - rnd()) ** (1 / 1.2)));
  return data;
}

export default defineGrader<Module>("11-observability/latency-sketch", (property) => {
  property("every quantile is within the relative accuracy of the exact quantile", ({ LatencySketch }) =>
    fc.property(accuracies, dataSet, qs, (alpha, data, queries) => {
      const sketch = record(LatencySketch, alpha, data);
      check("sketch.count", sketch.count, data.length);
      checkAccuracy(sketch, alpha, data, queries);
    }),
    { runs: 216 }, // mutants die by run 72 (max over 100 seeds; 31 over 30); 3× margin
  );

  property(
    "heavy-tailed latencies over six orders of magnitude keep the relative accuracy",
    ({ LatencySketch }) =>
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const data = heavyTail(seed);
        const sketch = record(LatencySketch, undefined, data);
        check("sketch.count", sketch.count, data.length);
        checkAccuracy(sketch, 0.01, data, GRID);
      }),
    { runs: 10, timeoutMs: 20_000 },
  );

  property("merging two sketches answers exactly like one sketch of all the values", ({ LatencySketch }) =>
    fc.property(
      accuracies.chain((alpha) =>
        fc.tuple(fc.constant(alpha), fc.oneof(dataSet, narrowBand(alpha)), fc.oneof(fc.array(latency, { maxLength: 200 }), narrowBand(alpha), narrowBand(alpha))),
      ),
      qs,
      ([alpha, a, b], queries) => {
      const one = record(LatencySketch, alpha, [...a, ...b], "all");
      const left = record(LatencySketch, alpha, a, "left");
      const right = record(LatencySketch, alpha, b, "right");
      step("left.merge(right)");
      left.merge(right);
      check("left.count", left.count, one.count);
      check("left.bucketCount", left.bucketCount, one.bucketCount);
      for (const q of queries) check(`left.quantile(${q}) (all.quantile(${q}) = ${one.quantile(q)})`, left.quantile(q), one.quantile(q));
      check("right.count (merge leaves the other sketch as it is)", right.count, b.length);
      },
    ),
  );

  property("bucketCount stays within ⌈ln(max / min) / ln γ⌉ + 2", ({ LatencySketch }) =>
    fc.property(
      accuracies,
      fc.double({ min: -2, max: 3, noNaN: true }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (alpha, lowExponent, span, seed) => {
        // Dense data: about 10 uniform values per bucket width over `span` bucket widths, so
        // every bucket a design could create is likely to be used.
        // Values rounded to 6 significant digits, as `latency` is: the scenario stays readable.
        const gamma = (1 + alpha) / (1 - alpha);
        const min = Number((10 ** lowExponent).toPrecision(3));
        const rnd = random(seed);
        const data = [min, ...Array.from({ length: 10 * span + 10 }, () => Number((min * gamma ** (span * rnd())).toPrecision(6)))];
        const sketch = record(LatencySketch, alpha, data);
        const max = Math.max(...data);
        const bound = Math.ceil(Math.log(max / min) / Math.log(gamma)) + 2;
        checkThat("sketch.bucketCount", sketch.bucketCount <= bound, `at most ${bound} (⌈ln(${max} / ${min}) / ln ${gamma}⌉ + 2)`, sketch.bucketCount);
      },
    ),
  );

  property("the constructor rejects a relative accuracy not strictly between 0 and 1 with RangeError", ({ LatencySketch }) =>
    fc.property(
      fc.oneof(fc.double({ max: 0, noNaN: true }), fc.double({ min: 1, noNaN: true })),
      (bad) => {
        // The edges and the values a range check written as `α <= 0 || α >= 1` lets through
        // (NaN), then one more value outside the range.
        for (const alpha of [0, 1, -0.01, 1.5, Number.NaN, Infinity, -Infinity, bad]) {
          const call = `new LatencySketch(${Object.is(alpha, -0) ? "-0" : alpha})`;
          step(call);
          checkThrows(call, () => new LatencySketch(alpha), RangeError);
        }
      },
    ),
    { runs: 20 }, // the fixed values carry the property; a few random ones beside them
  );

  property("record rejects a latency that is not a finite number above 0 with RangeError", ({ LatencySketch }) =>
    fc.property(
      fc.oneof(fc.constantFrom(-0, Number.NaN, Infinity, -Infinity), fc.double({ max: -Number.MIN_VALUE, noNaN: true })),
      fc.array(latency, { maxLength: 5 }),
      (bad, before) => {
        const sketch = record(LatencySketch, undefined, before);
        for (const ms of [0, bad]) {
          step(`sketch.record(${ms})`);
          checkThrows(`sketch.record(${ms})`, () => sketch.record(ms), RangeError);
        }
      },
    ),
  );

  property("an empty sketch, q outside [0, 1] and merging another accuracy throw RangeError", ({ LatencySketch }) =>
    fc.property(
      accuracies,
      accuracies,
      fc.oneof(fc.double({ min: 1, minExcluded: true, noNaN: true }), fc.double({ max: -Number.MIN_VALUE, noNaN: true })),
      fc.array(latency, { minLength: 1, maxLength: 20 }),
      (alpha, otherAlpha, badQ, data) => {
        step(`const empty = new LatencySketch(${alpha})`);
        const empty = new LatencySketch(alpha);
        checkThrows("empty.quantile(0.5)", () => empty.quantile(0.5), RangeError);
        const sketch = record(LatencySketch, alpha, data);
        for (const q of [1.5, -0.5, Number.NaN, badQ]) {
          step(`sketch.quantile(${q})`);
          checkThrows(`sketch.quantile(${q})`, () => sketch.quantile(q), RangeError);
        }
        if (otherAlpha !== alpha) {
          step(`sketch.merge(new LatencySketch(${otherAlpha}))`);
          checkThrows(`sketch.merge(new LatencySketch(${otherAlpha}))`, () => sketch.merge(new LatencySketch(otherAlpha)), RangeError);
        }
        step(`sketch.merge(new LatencySketch(${alpha === 0.01 ? 0.02 : 0.01}))`);
        checkThrows(`sketch.merge(new LatencySketch(${alpha === 0.01 ? 0.02 : 0.01}))`, () => sketch.merge(new LatencySketch(alpha === 0.01 ? 0.02 : 0.01)), RangeError);
      },
    ),
  );
});
