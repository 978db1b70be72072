/**
 * Whether a core is free for the per-stage rows' thread (run.ts): the machine's idle CPU time
 * (os.cpus(), every process counted) from the command's start (the CLI: lockdown, then the
 * components loading) until the rows are due. The 1-minute load average, used before, lags: a
 * minute after a busy command it still kept the thread off on an idle 2-core machine, where
 * diurnal-day took 10.7-12.4 s in turn against 9.9-11.2 s on the thread.
 *
 * The command's own CPU time counts as free: its loading (lockdown, then the components built
 * side by side) can keep both cores busy by itself. The loading now takes about 140 ms, under
 * the 200 ms window this needed, so the load average decided, and a quiet machine still running
 * down from the previous command ran the rows in turn (about 12 s against 7.5-8 s on the thread).
 */
import { availableParallelism, cpus, loadavg } from "node:os";

export interface IdleClock {
  idleMs: number;
  /** This process's CPU time (every thread), in ms. */
  ownMs: number;
  atMs: number;
}

export function idleClock(): IdleClock {
  const own = process.cpuUsage();
  return { idleMs: cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0), ownMs: (own.user + own.system) / 1000, atMs: performance.now() };
}

/** Other processes left more than a core free since `start` (one for the run, a quarter at least
 *  for the rows): idle time plus this command's own. esbuild's compiler process counts as
 *  another's: a quiet 2-core machine measured 1.58 cores free. The load average decides when the
 *  window is too short to tell (the idle counters tick every 10 ms) or the CPUs listed are not
 *  all ours. */
export function coreIdleSince(start: IdleClock): boolean {
  const now = idleClock();
  const windowMs = now.atMs - start.atMs;
  if (windowMs < 100 || cpus().length !== availableParallelism()) return loadavg()[0]! < availableParallelism() - 0.5;
  return (now.idleMs - start.idleMs + now.ownMs - start.ownMs) / windowMs >= 1.25;
}
