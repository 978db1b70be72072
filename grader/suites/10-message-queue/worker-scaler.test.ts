/**
 * Grader for 10-message-queue/worker-scaler. The contract gives the formula as a JavaScript
 * expression, so the grader computes that same expression in doubles and compares exactly.
 */
import fc from "fast-check";
import { check, checkThat, checkThrows, decimal, defineGrader, show, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/10-message-queue/worker-scaler.ts");
type Input = Parameters<Module["workersNeeded"]>[0];

function expected(i: Input): number {
  const raw = Math.ceil((i.arrivalPerSec * i.drainWithinSec + i.depth) / (i.perWorkerPerSec * i.drainWithinSec));
  return Math.min(i.max, Math.max(i.min, raw));
}

/** `i` with min and max moved, if need be, so that the unclamped expression lies within them. */
function widenedToHoldRaw(i: Input): Input {
  const raw = Math.ceil((i.arrivalPerSec * i.drainWithinSec + i.depth) / (i.perWorkerPerSec * i.drainWithinSec));
  return { ...i, min: Math.min(i.min, raw), max: Math.max(i.max, raw) };
}

// Whole numbers and short decimals (kit/arbitraries.ts): a failing case reads 47.115, not
// 47.115000326680004, and shrinks fast.
const positive = (max: number) => fc.oneof(fc.integer({ min: 1, max }), decimal(0.001, max, 3));
const input: fc.Arbitrary<Input> = fc
  .record({
    depth: fc.integer({ min: 0, max: 1_000_000 }),
    arrivalPerSec: fc.oneof(fc.integer({ min: 0, max: 5000 }), decimal(0, 5000, 3)),
    perWorkerPerSec: positive(200),
    drainWithinSec: positive(3600),
    min: fc.integer({ min: 0, max: 20 }),
    span: fc.integer({ min: 0, max: 500 }),
  })
  .map(({ span, ...i }) => ({ ...i, max: i.min + span }));

function call(workersNeeded: Module["workersNeeded"], i: Input): number {
  step(`workersNeeded(${show(i)})`);
  return workersNeeded(i);
}

export default defineGrader<Module>("10-message-queue/worker-scaler", (property) => {
  property("the answer is ceil((arrivals × drain time + depth) / (per-worker rate × drain time)), clamped", ({ workersNeeded }) =>
    // Bounds that hold the expression's value: clamping is the next property's rule.
    fc.property(input.map(widenedToHoldRaw), (i) => check(`workersNeeded(${show(i)})`, call(workersNeeded, i), expected(i))),
    { runs: 51 }, // mutants die by run 17 (max over 100 seeds); 3× margin
  );

  property("the answer never goes below min or above max", ({ workersNeeded }) =>
    // Narrow bounds, so that the raw number of workers often falls outside them.
    fc.property(input.map((i) => ({ ...i, min: i.min % 5, max: (i.min % 5) + (i.max % 4) })), (i) => {
      const got = call(workersNeeded, i);
      checkThat(`workersNeeded(${show(i)})`, got >= i.min && got <= i.max, `a number in [${i.min}, ${i.max}]`, got);
      check(`workersNeeded(${show(i)})`, got, expected(i));
    }),
    { runs: 240 }, // mutants die by run 80 (max over 100 seeds); 3× margin
  );

  property("a backlog that drains exactly on time needs no extra worker", ({ workersNeeded }) =>
    fc.property(
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 50 }),
      fc.nat(),
      (perWorkerPerSec, drainWithinSec, k, pick) => {
        // k workers process exactly k × perWorkerPerSec × drainWithinSec messages in time.
        const arrivalPerSec = pick % (k * perWorkerPerSec + 1);
        const depth = (k * perWorkerPerSec - arrivalPerSec) * drainWithinSec;
        const i = { depth, arrivalPerSec, perWorkerPerSec, drainWithinSec, min: 0, max: 1000 };
        check(`workersNeeded(${show(i)})`, call(workersNeeded, i), k);
      },
    ),
  );

  property("negative, non-finite or inconsistent input throws RangeError", ({ workersNeeded }) =>
    fc.property(
      input,
      fc.constantFrom("depth", "arrivalPerSec", "perWorkerPerSec", "drainWithinSec", "min", "max"),
      fc.constantFrom("negative", "NaN", "Infinity", "-Infinity", "zero", "min above max"),
      (valid, field, how) => {
        const bad: Input = { ...valid };
        if (how === "min above max") Object.assign(bad, { min: valid.max + 1 });
        else if (how === "zero") {
          if (field === "perWorkerPerSec" || field === "drainWithinSec") bad[field] = 0;
          else bad.max = -1;
        } else bad[field] = { negative: -1 - valid.depth / 1e6, NaN: Number.NaN, Infinity: Infinity, "-Infinity": -Infinity }[how];
        step(`workersNeeded(${show(bad)})  // ${how === "zero" ? "zero or negative" : how} ${how === "min above max" ? "" : field}`);
        checkThrows(`workersNeeded(${show(bad)})`, () => workersNeeded(bad), RangeError);
      },
    ),
    { runs: 477 }, // mutants die by run 159 (max over 100 seeds); 3× margin
  );
});
