/**
 * A server's queue as a fluid FIFO: work arrives in request units and drains at the server's
 * rate. With one unit per request and Poisson arrivals this is an M/D/1 queue exactly; when each
 * simulated request stands for k real ones (the coarser per-stage rows), k units arrive at once.
 */
export class FluidQueue {
  private backlog = 0;
  private last = 0;
  /** Work units added since `takeWork` last ran (for utilization). */
  private work = 0;
  constructor(public ratePerS: number) {}

  /** How long, in ms, a unit arriving at `now` (ms) waits before service starts. */
  waitMs(now: number): number {
    if (now > this.last) {
      this.backlog = Math.max(0, this.backlog - ((now - this.last) * this.ratePerS) / 1000);
      this.last = now;
    }
    return (this.backlog / this.ratePerS) * 1000;
  }

  add(units: number): void {
    this.backlog += units;
    this.work += units;
  }

  takeWork(): number {
    const w = this.work;
    this.work = 0;
    return w;
  }
}
