/**
 * The shrink budget (kit/shrink-budget.ts): it stops a long shrink after a count of runs, keeps
 * the failure found so far, and changes nothing when shrinking ends within the budget.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatFailure } from "../../kit/format.ts";
import { boundedShrinking } from "../../kit/shrink-budget.ts";

/** Fails when the doubles add up past a bound: fast-check shrinks each double for many runs. */
const tooLarge = ([a, b, c]: number[]) => a! + b! + c! > 1e6;
const doubles = fc.tuple(...[0, 1, 2].map(() => fc.double({ min: 0, max: 1e9, noNaN: true })));

function countingProperty() {
  const calls = { all: 0, afterFirstFailure: -1 };
  const property = fc.property(doubles, (values) => {
    calls.all++;
    const fails = tooLarge(values);
    if (calls.afterFirstFailure >= 0) calls.afterFirstFailure++;
    else if (fails) calls.afterFirstFailure = 0;
    return !fails;
  });
  return { property, calls };
}

describe("boundedShrinking", () => {
  test("stops after the budget and reports a case that really fails", () => {
    const unbounded = countingProperty();
    const free = fc.check(unbounded.property, { seed: 7 });
    expect(free.failed).toBe(true);
    expect(unbounded.calls.afterFirstFailure).toBeGreaterThan(60); // the budget below must bite

    const { property: inner, calls } = countingProperty();
    const budget = boundedShrinking(inner, 50);
    const cut = fc.check(budget.property, { seed: 7 });
    expect(cut.failed).toBe(true);
    expect(calls.afterFirstFailure).toBe(50);
    expect(budget.exhausted()).toBe(true);
    expect(tooLarge(cut.counterexample![0] as number[])).toBe(true);
    // the reported path replays to the very same case
    const replay = fc.check(fc.property(doubles, (v) => !tooLarge(v)), { seed: 7, path: cut.counterexamplePath!, endOnFailure: true });
    expect(replay.counterexample).toEqual(cut.counterexample);
  });

  test("changes nothing when shrinking ends within the budget", () => {
    const free = fc.check(countingProperty().property, { seed: 7 });
    const budget = boundedShrinking(countingProperty().property, 100_000);
    const bounded = fc.check(budget.property, { seed: 7 });
    expect(bounded.counterexample).toEqual(free.counterexample);
    expect(bounded.numShrinks).toBe(free.numShrinks);
    expect(budget.exhausted()).toBe(false);
  });

  test("async properties are bounded too", async () => {
    let afterFirstFailure = -1;
    const inner = fc.asyncProperty(doubles, async (values) => {
      const fails = tooLarge(values);
      if (afterFirstFailure >= 0) afterFirstFailure++;
      else if (fails) afterFirstFailure = 0;
      return !fails;
    });
    const budget = boundedShrinking(inner, 20);
    const cut = await fc.check(budget.property, { seed: 7 });
    expect(cut.failed).toBe(true);
    expect(afterFirstFailure).toBe(20);
    expect(budget.exhausted()).toBe(true);
  });

  test("the report says the case may not be the smallest", () => {
    const failure = { kind: "mismatch" as const, summary: "s", steps: ["one()"], checked: "c", expected: "1", actual: "2" };
    expect(formatFailure({ index: 1, title: "t", status: "fail", failure })).toContain("Smallest failing scenario:");
    expect(formatFailure({ index: 1, title: "t", status: "fail", failure: { ...failure, shrinkStopped: true } })).toContain("A failing scenario:");
  });
});
