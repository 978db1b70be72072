import { describe, expect, test } from "vitest";
import { failuresInLeadOrder, leadFailure } from "../../kit/lead-failure.ts";
import type { PropertyOutcome } from "../../kit/outcome.ts";

function failed(index: number, steps: number, broad = false): PropertyOutcome {
  return {
    index,
    title: `P${index}`,
    status: "fail",
    ...(broad ? { broad: true as const } : {}),
    failure: { kind: "mismatch", summary: "x", steps: Array.from({ length: steps }, (_, i) => `step ${i}`) },
  };
}

describe("failuresInLeadOrder", () => {
  test("a specific rule leads a broad one even when the broad one comes first in the file", () => {
    expect(leadFailure([failed(1, 1, true), failed(2, 5)])?.index).toBe(2);
  });

  test("among specific rules the shorter scenario leads, then file order", () => {
    const order = failuresInLeadOrder([failed(1, 4), failed(2, 2), failed(3, 2)]).map((o) => o.index);
    expect(order).toEqual([2, 3, 1]);
  });

  test("passing properties are left out, and no failure gives undefined", () => {
    const pass: PropertyOutcome = { index: 1, title: "P1", status: "pass" };
    expect(failuresInLeadOrder([pass, failed(2, 1)]).map((o) => o.index)).toEqual([2]);
    expect(leadFailure([pass])).toBeUndefined();
  });
});
