/**
 * Scenarios show the state the rule is about, for every grader without edits: time steps merged
 * with the clock after them, a call that threw and what it threw, values that print alike told
 * apart. Unit tests of the renderer, then the kit end to end (runProperty on a tiny property).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { advanceTime, check, checkThrows, command, commands, step, withFakeTime } from "../../kit/index.ts";
import { runProperty } from "../../kit/run-property.ts";
import { renderSteps, timePassedBy } from "../../kit/scenario-steps.ts";
import type { RunSettings } from "../../kit/settings.ts";
import { Mismatch } from "../../kit/trace.ts";

describe("renderSteps", () => {
  test("recognises the ways graders write that time passes", () => {
    expect(["advance the clock by 5 ms", "vi.advanceTimersByTime(5)", "// 5 ms pass", "// 5 ms later (Date.now() + 5)", "await vi.advanceTimersByTimeAsync(5);"].map(timePassedBy)).toEqual([5, 5, 5, 5, 5]);
    expect(["cache.get(5)", "vi.advanceTimersByTime(5) // t = 5 ms", "advance the clock by 5 ms: the load answers"].map(timePassedBy)).toEqual([undefined, undefined, undefined]);
  });

  test("consecutive time steps become one line with the clock after them", () => {
    const lines = renderSteps([
      { text: "cache.set(1, 1, 10)", at: 0 },
      { text: "advance the clock by 1 ms", at: 0 },
      { text: "advance the clock by 2 ms", at: 1 },
      { text: "// 4 ms pass", at: 3 },
      { text: "cache.get(1)", at: 7 },
    ]);
    expect(lines).toEqual(["cache.set(1, 1, 10)", "// 7 ms pass (3 steps) · t = 7 ms", "cache.get(1)"]);
  });

  test("a single time step keeps its text and gains the clock; the last one counts from before it", () => {
    expect(renderSteps([{ text: "vi.advanceTimersByTime(1000)", at: 0 }, { text: "x()", at: 1000 }])).toEqual(["vi.advanceTimersByTime(1000)  // t = 1000 ms", "x()"]);
    expect(renderSteps([{ text: "x()", at: 20 }, { text: "// 5 ms pass", at: 20 }])).toEqual(["x()", "// 5 ms pass · t = 25 ms"]);
  });

  test("with real time (no clock) steps merge but no clock is claimed", () => {
    expect(renderSteps([{ text: "// 1 ms pass" }, { text: "// 2 ms pass" }])).toEqual(["// 3 ms pass (2 steps)"]);
  });
});

const settings = { seed: 1, runs: 50, timeoutMs: 10_000 } as RunSettings;

class Counter {
  value = 0;
  bump(): void {
    if (this.value >= 2) throw new RangeError("counter is full");
    this.value++;
  }
}

describe("scenarios recorded by the kit", () => {
  test("a command that throws says so on its step, and fake time shows as t = …", async () => {
    const outcome = await runProperty(
      {
        index: 1,
        title: "bump never throws",
        make: () =>
          fc.property(commands([fc.constant(command<object, Counter>("counter.bump()", (_m, c) => c.bump())), fc.constant(command<object, Counter>("advance the clock by 10 ms", () => advanceTime(10)))], { size: "+1" }), (cmds) =>
            withFakeTime(() => fc.modelRun(() => ({ model: {}, real: new Counter() }), cmds)),
          ),
      },
      {},
      settings,
      "exercise.ts",
    );
    const steps = outcome.failure!.steps;
    expect(steps.at(-1)).toBe("counter.bump()  // threw RangeError: counter is full");
    expect(steps.filter((s) => s === "counter.bump()")).toHaveLength(2);
  });

  test("time passing between steps shows the clock after it", async () => {
    const outcome = await runProperty(
      {
        index: 1,
        title: "nothing expires",
        make: () =>
          fc.property(fc.integer({ min: 1, max: 5 }), (n) =>
            withFakeTime(() => {
              step("const start = Date.now()");
              const start = Date.now();
              for (let i = 0; i < n; i++) {
                step("advance the clock by 1 ms");
                advanceTime(1);
              }
              step("Date.now() - start");
              check("Date.now() - start", Date.now() - start, 0);
            }),
          ),
      },
      {},
      settings,
      "exercise.ts",
    );
    expect(outcome.failure!.steps).toEqual(["const start = Date.now()", "advance the clock by 1 ms  // t = 1 ms", "Date.now() - start"]);
  });

  test("an expected throw is noted on the scenario", async () => {
    const outcome = await runProperty(
      {
        index: 1,
        title: "a full counter refuses, then a check fails",
        make: () =>
          fc.property(fc.constant(0), () => {
            const c = new Counter();
            step("counter.bump(); counter.bump()");
            c.bump();
            c.bump();
            step("counter.bump()");
            checkThrows("counter.bump()", () => c.bump(), RangeError);
            check("counter.value", c.value, 3);
          }),
      },
      {},
      settings,
      "exercise.ts",
    );
    expect(outcome.failure!.steps).toEqual(["counter.bump(); counter.bump()", "counter.bump()  // threw RangeError: counter is full"]);
  });

  test("values that print alike are told apart by their kind", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    let mismatch: Mismatch | undefined;
    try {
      check("p", { x: 1 }, new Point(1));
    } catch (error) {
      mismatch = error as Mismatch;
    }
    // fast-check prints both as {"x":1}; the kinds tell them apart.
    expect([mismatch!.expected, mismatch!.actual]).toEqual(['{"x":1} (Point)', '{"x":1} (Object)']);
  });
});
