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

/** Release times of load-balancer connections: a min-heap of (time, server index) in typed arrays. */
export class ReleaseHeap {
  private t = new Float64Array(1024);
  private v = new Int32Array(1024);
  size = 0;

  push(time: number, value: number): void {
    if (this.size === this.t.length) {
      const t = new Float64Array(this.size * 2);
      t.set(this.t);
      const v = new Int32Array(this.size * 2);
      v.set(this.v);
      this.t = t;
      this.v = v;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.t[p]! <= time) break;
      this.t[i] = this.t[p]!;
      this.v[i] = this.v[p]!;
      i = p;
    }
    this.t[i] = time;
    this.v[i] = value;
  }

  peekTime(): number {
    return this.size > 0 ? this.t[0]! : Infinity;
  }

  /** Removes the earliest entry and returns its value. */
  pop(): number {
    const top = this.v[0]!;
    const n = --this.size;
    const lt = this.t[n]!;
    const lv = this.v[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.t[c + 1]! < this.t[c]!) c++;
      if (this.t[c]! >= lt) break;
      this.t[i] = this.t[c]!;
      this.v[i] = this.v[c]!;
      i = c;
    }
    this.t[i] = lt;
    this.v[i] = lv;
    return top;
  }
}
