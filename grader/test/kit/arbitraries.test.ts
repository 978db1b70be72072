/**
 * Short numbers make failures that teach (kit/arbitraries.ts): `decimal` stays in its range with
 * its digits, shrinks to the exact boundary of a failure, and the graders that use it report
 * cases a learner can check by hand.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decimal } from "../../kit/arbitraries.ts";
import { grade } from "../helpers.ts";

/** Every number in `text` has at most `places` digits after the point. */
const short = (text: string, places: number) => (text.match(/\d+\.\d+/g) ?? []).every((n) => n.split(".")[1]!.length <= places);

describe("decimal", () => {
  test("stays within its range, with at most its number of places", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer(), (places, min, width, seed) => {
        const [value] = fc.sample(decimal(min, min + width, places), { seed, numRuns: 1 });
        expect(value).toBeGreaterThanOrEqual(min);
        expect(value).toBeLessThanOrEqual(min + width);
        expect(short(String(value), places)).toBe(true);
      }),
    );
  });

  test("shrinks to the exact boundary of a failure", () => {
    const details = fc.check(fc.property(decimal(0, 1e6, 2), (x) => x < 599.88), { seed: 1, numRuns: 1000 });
    expect(details.counterexample).toEqual([599.88]);
  });
});

describe("graders over plain numbers report short cases", () => {
  // Before short decimals this seed shrank doubles for over 10 s and was reported as a timeout;
  // with doubles and a shrink budget it read peakRps 999999.9999999944, utilization 0.9999999999999996.
  test("capacity-plan, a mutant that ignores utilization, seed 85", () => {
    const run = grade(["03-scaling/capacity-plan", "--mutant", "ignores-utilization", "--seed", "85", "--property", "1", "--no-typecheck"]);
    const failure = run.report?.exercises[0]?.properties[0]?.failure;
    expect(failure?.kind).toBe("mismatch");
    expect(failure?.shrinkStopped).toBeUndefined();
    expect(failure?.steps).toHaveLength(1);
    expect(short(failure!.steps[0]!, 3)).toBe(true);
  });
});
