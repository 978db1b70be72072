/**
 * Fake time for graders. Components read time only through `Date.now()` and schedule only with
 * `setTimeout`/`setInterval`, so vitest's fake timers control them completely. The kit keeps its
 * own references to the real timers (captured at import) so that its time limits keep working.
 *
 * `Date` is faked here, not by vitest: vitest's fake Date assigns over `Date.now`, which the
 * locked-down realm (boundary/realm.ts) has frozen. The learner's `Date` (boundary/endowments.ts)
 * reads `globalThis.Date.now()`, so it follows this clock too.
 */
import { vi } from "vitest";
import { setStepClock } from "./trace.ts";

export const realSetTimeout = globalThis.setTimeout;
export const realClearTimeout = globalThis.clearTimeout;
const RealDate = Date;

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

function restore(): void {
  if (vi.isFakeTimers()) vi.useRealTimers();
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
  vi.useFakeTimers({
    now: options.now ?? 1_000_000,
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"],
  });
  fakeClock = (globalThis.setTimeout as unknown as { clock?: { now: number } }).clock;
  return thenRestore(fn);
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
