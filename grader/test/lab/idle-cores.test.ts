/**
 * The rule that puts the lab's per-stage rows on a second thread (grader/lab/idle-cores.ts):
 * more than a core free in the window, counting the command's own CPU as free; the load average
 * only when the window is too short or the CPUs listed are not all ours. os and process.cpuUsage
 * are replaced with counters the test moves, so the verdicts do not depend on this machine.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

const machine = { cores: 2, listed: 2, idleMs: 0, loadavg: 0 };
vi.mock("node:os", () => ({
  availableParallelism: () => machine.cores,
  cpus: () => Array.from({ length: machine.listed }, (_, i) => ({ times: { idle: i === 0 ? machine.idleMs : 0 } })),
  loadavg: () => [machine.loadavg, 0, 0],
}));

const { coreIdleSince, idleClock } = await import("../../lab/idle-cores.ts");

let ownUs = 0;
beforeEach(() => {
  Object.assign(machine, { cores: 2, listed: 2, idleMs: 0, loadavg: 0 });
  ownUs = 0;
  vi.useFakeTimers({ toFake: ["performance"] });
  vi.spyOn(process, "cpuUsage").mockImplementation(() => ({ user: ownUs, system: 0 }));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** `windowMs` pass; the machine idles `idleMs` of it (summed over cores) and the command uses `ownMs`. */
function after(windowMs: number, idleMs: number, ownMs: number): boolean {
  const start = idleClock();
  machine.idleMs += idleMs;
  ownUs += ownMs * 1000;
  vi.advanceTimersByTime(windowMs);
  return coreIdleSince(start);
}

describe("a core is free for the rows' thread", () => {
  test("when idle time in the window is at least 1.25 cores", () => {
    expect(after(200, 250, 0)).toBe(true);
    expect(after(200, 240, 0)).toBe(false);
  });

  test("counting the command's own CPU as free: its loading may keep both cores busy", () => {
    expect(after(200, 0, 250)).toBe(true);
    expect(after(200, 100, 150)).toBe(true);
    expect(after(200, 100, 100)).toBe(false);
  });

  test("a window under 100 ms is too short to tell: the load average decides", () => {
    machine.loadavg = 0.4;
    expect(after(50, 0, 0)).toBe(true);
    machine.loadavg = 1.6;
    expect(after(50, 1000, 0)).toBe(false);
  });

  test("when the CPUs listed are not all ours (a container's share), the load average decides", () => {
    machine.listed = 8;
    machine.loadavg = 1.6;
    expect(after(200, 2000, 0)).toBe(false);
    machine.loadavg = 1.4;
    expect(after(200, 0, 0)).toBe(true);
  });
});
