/**
 * Whether a core is free for the per-stage rows' thread (run.ts): the machine's idle CPU time
 * (os.cpus(), every process counted) from the command's start (the CLI: lockdown, then the
 * components loading) until the rows are due. The 1-minute load average, used before, lags: a
 * minute after a busy command it still kept the thread off on an idle 2-core machine, where
 * diurnal-day took 10.7-12.4 s in turn against 9.9-11.2 s on the thread.
 */
import { availableParallelism, cpus, loadavg } from "node:os";

export interface IdleClock {
  idleMs: number;
  atMs: number;
}

export function idleClock(): IdleClock {
  return { idleMs: cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0), atMs: performance.now() };
}

/** At least half a core sat idle since `start`. The load average decides when the window is too
 *  short to tell (the idle counters tick every 10 ms) or the CPUs listed are not all ours. */
export function coreIdleSince(start: IdleClock): boolean {
  const now = idleClock();
  const windowMs = now.atMs - start.atMs;
  if (windowMs < 200 || cpus().length !== availableParallelism()) return loadavg()[0]! < availableParallelism() - 0.5;
  return (now.idleMs - start.idleMs) / windowMs >= 0.5;
}
