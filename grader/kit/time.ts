/**
 * Fake time for graders. Components read time only through `Date.now()` and schedule only with
 * `setTimeout`/`setInterval`, so vitest's fake timers control them completely. The kit keeps its
 * own references to the real timers (captured at import) so that its time limits keep working.
 *
 * `Date` is faked here, not by vitest: vitest's fake Date assigns over `Date.now`, which the
 * locked-down realm (boundary/realm.ts) has frozen. The learner's `Date` (boundary/endowments.ts)
 * reads `globalThis.Date.now()`, so it follows this clock too.
 *
 * Speed: installing vitest's fake timers costs ~100 µs (a new clock, four globals hijacked), more
 * than a whole run of most properties. While a property runs (`keepFakeClock`, run-property.ts)
 * the clock of one run is kept for the next: between runs the real timers are back in the
 * globals and the clock waits, parked; the next `withFakeTime` empties it, sets its time and puts
 * its timers back. Each run still starts with no timer pending, at its own `now`. Graders fake
 * time only through this file: a `vi.useFakeTimers()` of their own would meet the parked clock.
 */
import { vi } from "vitest";
import { setStepClock } from "./trace.ts";

export const realSetTimeout = globalThis.setTimeout;
export const realClearTimeout = globalThis.clearTimeout;
const RealDate = Date;

/** The timers vitest fakes here, and the real ones, taken at import (before any are faked). */
const FAKED = ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] as const;
const realTimers = FAKED.map((name) => globalThis[name]);
const timerGlobals = globalThis as unknown as Record<(typeof FAKED)[number], unknown>;

/** How many `keepFakeClock` holds are open: while > 0, a run's clock is parked, not removed. */
let keeping = 0;
/** The parked clock's fake timers, while the real ones are in the globals. */
let parked: unknown[] | undefined;

/** Set while only the date is faked (`withFakeDate`); otherwise vitest's fake clock is used. */
let dateOnlyNow: number | undefined;
/** vitest's fake clock while `withFakeTime` runs (its faked setTimeout carries it). Read
 *  directly: components call Date.now() on every operation, and asking vitest costs a Date each. */
let fakeClock: { now: number } | undefined;

/** The fake clock's start (the `now` its run began at): scenarios show time counted from it. */
let origin: number | undefined;
setStepClock(() => (origin === undefined ? undefined : fakeNow() - origin));

function fakeNow(): number {
  if (dateOnlyNow !== undefined) return dateOnlyNow;
  if (fakeClock) return fakeClock.now;
  return vi.isFakeTimers() ? vi.getMockedSystemTime()!.getTime() : RealDate.now();
}

/** A `Date` whose "now" is the fake clock's; everything else is the real Date's. */
const FakeDate = function (this: unknown, ...args: unknown[]) {
  if (!new.target) return new RealDate(fakeNow()).toString();
  return args.length === 0 ? new RealDate(fakeNow()) : new (RealDate as any)(...args);
} as unknown as DateConstructor;
Object.defineProperty(FakeDate, "prototype", { value: RealDate.prototype });
Object.assign(FakeDate, { now: fakeNow, parse: RealDate.parse, UTC: RealDate.UTC });

/** Puts the parked clock's timers back in the globals: it is vitest's installed clock again. */
function unpark(): void {
  FAKED.forEach((name, i) => (timerGlobals[name] = parked![i]));
  parked = undefined;
}

function restore(): void {
  if (parked === undefined && vi.isFakeTimers()) {
    if (keeping > 0) {
      parked = FAKED.map((name) => timerGlobals[name]);
      FAKED.forEach((name, i) => (timerGlobals[name] = realTimers[i]));
    } else {
      vi.useRealTimers();
    }
  }
  dateOnlyNow = undefined;
  fakeClock = undefined;
  origin = undefined;
  globalThis.Date = RealDate;
}

/** Runs `fn`, then `restore`, also when `fn` throws or its promise rejects. */
function thenRestore<T>(fn: () => T): T {
  let result: T;
  try {
    result = fn();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/** Run `fn` under fake timers starting at `now` (default 1 000 000 ms); always restores real ones. */
export function withFakeTime<T>(fn: () => T, options: { now?: number } = {}): T {
  // First: vitest builds its fake clock's Date as a subclass of whatever `Date` is global when
  // its timers are first used, and assigns a `now` to it, which a frozen Date forbids.
  globalThis.Date = FakeDate;
  origin = options.now ?? 1_000_000;
  if (parked) {
    unpark();
    vi.clearAllTimers(); // the clock's reset: no timer, no job left from the last run
    vi.setSystemTime(origin);
  } else {
    vi.useFakeTimers({ now: origin, toFake: [...FAKED] });
  }
  fakeClock = (globalThis.setTimeout as unknown as { clock?: { now: number } }).clock;
  return thenRestore(fn);
}

/**
 * From now until the returned `release` is called (run-property.ts: while one property runs), a
 * `withFakeTime` keeps its clock for the next instead of removing it. Between runs the real
 * timers are in the globals; after `release`, vitest's fake timers are gone as before.
 */
export function keepFakeClock(): () => void {
  keeping++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--keeping === 0 && parked) {
      unpark(); // vitest removes its timers only from globals that still hold them
      vi.useRealTimers();
    }
  };
}

/** Run `fn` with only the date faked, from `now` (real timers: nock's replies need them). */
export function withFakeDate<T>(fn: () => T, options: { now?: number } = {}): T {
  dateOnlyNow = origin = options.now ?? 1_000_000;
  globalThis.Date = FakeDate;
  return thenRestore(fn);
}

/** Move the fake date forward by `ms` without firing timers (a jump of the system clock). */
export function jumpClock(ms: number): void {
  if (dateOnlyNow !== undefined) dateOnlyNow += ms;
  else vi.setSystemTime(fakeNow() + ms);
}

/** Move fake time forward by `ms`, firing due timers (only inside `withFakeTime`). */
export function advanceTime(ms: number): void {
  vi.advanceTimersByTime(ms);
}

/** Move fake time forward by `ms` in `stepMs` slices, letting promises and real I/O settle
 *  between slices (needed when a component waits on HTTP answered by nock). */
export async function advanceTimeAsync(ms: number, stepMs = 5): Promise<void> {
  for (let done = 0; done < ms; done += stepMs) {
    await vi.advanceTimersByTimeAsync(Math.min(stepMs, ms - done));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * CPU time this process has used, in ms. Complexity checks compare ratios of CPU time: unlike
 * the wall clock, it does not grow when other processes (a parallel test worker, say) share the
 * machine.
 */
export function cpuTimeMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
