/**
 * Fake time for graders. Components read time only through `Date.now()` and schedule only with
 * `setTimeout`/`setInterval`, so vitest's fake timers control them completely. The kit keeps its
 * own references to the real timers (captured at import) so that its time limits keep working.
 */
import { vi } from "vitest";

export const realSetTimeout = globalThis.setTimeout;
export const realClearTimeout = globalThis.clearTimeout;

/** Run `fn` under fake timers starting at `now` (default 1 000 000 ms); always restores real ones. */
export function withFakeTime<T>(fn: () => T, options: { now?: number } = {}): T {
  vi.useFakeTimers({
    now: options.now ?? 1_000_000,
    toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"],
  });
  let result: T;
  try {
    result = fn();
  } catch (error) {
    vi.useRealTimers();
    throw error;
  }
  if (result instanceof Promise) {
    return result.finally(() => vi.useRealTimers()) as T;
  }
  vi.useRealTimers();
  return result;
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
