/**
 * The fake clock kept across one property's runs (kit/time.ts, keepFakeClock): each run still
 * starts at its own time with no timer left from the last, the real timers are in place between
 * runs, and nothing of the fake clock is left once the property is over.
 */
import fc from "fast-check";
import { expect, test, vi } from "vitest";
import { runProperty } from "../../kit/run-property.ts";
import { realSetTimeout, withFakeDate, withFakeTime } from "../../kit/time.ts";

const settings = { seed: 42, runs: 30, timeoutMs: 20_000, budgetMs: 60_000, targetRoot: "", overrides: {} };

test("every run starts at its own now with no timer pending, and real timers run between runs", async () => {
  const seen: { now: number; pending: number; fired: number; realBetween: boolean }[] = [];
  let fired = 0;
  const make = () =>
    fc.property(fc.integer({ min: 0, max: 1_000_000 }), (now) => {
      const realBetween = globalThis.setTimeout === realSetTimeout && !("clock" in globalThis.setTimeout);
      const before = fired;
      withFakeTime(
        () => {
          seen.push({ now: Date.now(), pending: vi.getTimerCount(), fired: 0, realBetween });
          setTimeout(() => fired++, 10); // left pending: must not fire in a later run
          setInterval(() => fired++, 50_000);
          vi.advanceTimersByTime(5);
        },
        { now },
      );
      seen.at(-1)!.fired = fired - before;
      return true;
    });
  const outcome = await runProperty({ index: 1, title: "t", make }, {}, settings, "x.ts");
  expect(outcome.status).toBe("pass");
  expect(seen).toHaveLength(30);
  expect(seen.every((s) => s.pending === 0 && s.fired === 0 && s.realBetween)).toBe(true);
  expect(new Set(seen.map((s) => s.now)).size).toBeGreaterThan(20); // each run at the now it asked for
  expect(vi.isFakeTimers()).toBe(false);
  expect(globalThis.setTimeout).toBe(realSetTimeout);
  expect(Date.now()).toBeGreaterThan(1_600_000_000_000);
});

test("a run with only the date faked, after one with fake timers, gets real timers", async () => {
  let index = 0;
  const make = () =>
    fc.asyncProperty(fc.constant(null), async () => {
      if (index++ % 2 === 0) return withFakeTime(() => void setTimeout(() => {}, 1_000));
      await withFakeDate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1)); // would never fire on a fake clock
        expect(Date.now()).toBe(1_000_000);
      });
    });
  const outcome = await runProperty({ index: 1, title: "t", make }, {}, { ...settings, runs: 6 }, "x.ts");
  expect(outcome.status).toBe("pass");
  expect(vi.isFakeTimers()).toBe(false);
});

test("a failing run's fake clock is gone after the property, and the next property starts afresh", async () => {
  const make = () => fc.property(fc.integer(), () => withFakeTime(() => { setTimeout(() => {}, 5); return false; }));
  const outcome = await runProperty({ index: 1, title: "t", make }, {}, settings, "x.ts");
  expect(outcome.status).toBe("fail");
  expect(vi.isFakeTimers()).toBe(false);
  expect(globalThis.setTimeout).toBe(realSetTimeout);
  const counts: number[] = [];
  const next = () => fc.property(fc.integer(), () => withFakeTime(() => { counts.push(vi.getTimerCount()); return true; }));
  expect((await runProperty({ index: 1, title: "t", make: next }, {}, settings, "x.ts")).status).toBe("pass");
  expect(counts.every((c) => c === 0)).toBe(true);
});
