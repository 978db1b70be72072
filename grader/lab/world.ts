/**
 * Virtual time for the lab: one event queue (a binary heap ordered by time, then by insertion),
 * one seeded random generator, and the clock, timers and `fetch` the learner's components see.
 * The components read `Date.now()` and call `setTimeout`/`fetch` through the boundary's
 * endowments, which look the globals up at each call (kit/boundary/endowments.ts); `install`
 * swaps those globals for virtual ones while the lab runs and `uninstall` puts them back.
 * No wall time and no real timer is ever involved.
 */

/** mulberry32: a small, fast, seeded 32-bit generator. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Event {
  t: number;
  seq: number;
  run: () => void;
  /** The event may settle promises: let microtasks run before the next event. */
  async: boolean;
  cancelled?: boolean;
}

/** A binary min-heap of events by (t, seq): equal times run in the order they were scheduled. */
class EventHeap {
  private readonly items: Event[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Event | undefined {
    return this.items[0];
  }
  push(e: Event): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): Event | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (x: Event, y: Event) => x.t < y.t || (x.t === y.t && x.seq < y.seq);

/** Virtual epoch: 2026-01-01T00:00:00Z, so that components see plausible dates. */
export const EPOCH_MS = Date.UTC(2026, 0, 1);

/** Lets every pending promise reaction run (the learner's async code settles in microtasks):
 *  a macrotask turn of the real event loop, which runs only after the microtask queue is empty.
 *  No time is read from it; it only orders work. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export type FetchHandler = (url: string, init: RequestInit | undefined) => Promise<Response>;

export class World {
  /** Virtual now, in ms since EPOCH_MS. */
  now = 0;
  readonly random: () => number;
  private readonly heap = new EventHeap();
  private seq = 0;
  private readonly timers = new Map<number, Event>();
  private nextTimerId = 1;
  private saved: Record<string, unknown> | undefined;
  fetchHandler: FetchHandler = () => Promise.reject(new TypeError("fetch failed: no network in the lab"));

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  at(t: number, run: () => void, async = false): Event {
    const e: Event = { t: Math.max(t, this.now), seq: this.seq++, run, async };
    this.heap.push(e);
    return e;
  }

  nextEventTime(): number {
    return this.heap.peek()?.t ?? Infinity;
  }

  /** Runs every event due at the next event time; answers whether any was async, i.e. whether
   *  microtasks must settle (flushMicrotasks) before the next. Not async itself: most event
   *  times need no flush, and an async function would cost a promise each. */
  runNext(): boolean {
    const first = this.heap.peek();
    if (!first) return false;
    const t = first.t;
    let async = false;
    while (this.heap.peek()?.t === t) {
      const e = this.heap.pop()!;
      if (e.cancelled) continue;
      this.now = t;
      e.run();
      async ||= e.async;
    }
    return async;
  }

  /** Swaps the globals the learner's endowments read for virtual ones. */
  install(): void {
    const g = globalThis as any;
    this.saved = { Date: g.Date, setTimeout: g.setTimeout, clearTimeout: g.clearTimeout, setInterval: g.setInterval, clearInterval: g.clearInterval, fetch: g.fetch };
    const RealDate = Date;
    const world = this;
    const VirtualDate = function (this: unknown, ...args: unknown[]) {
      const now = EPOCH_MS + world.now;
      if (!new.target) return new RealDate(now).toString();
      return args.length === 0 ? new RealDate(now) : new (RealDate as any)(...args);
    } as unknown as DateConstructor;
    Object.defineProperty(VirtualDate, "prototype", { value: RealDate.prototype });
    Object.assign(VirtualDate, { now: () => EPOCH_MS + world.now, parse: RealDate.parse, UTC: RealDate.UTC });
    g.Date = VirtualDate;
    g.setTimeout = (fn: () => void, ms = 0) => this.timer(fn, ms, false);
    g.setInterval = (fn: () => void, ms = 0) => this.timer(fn, ms, true);
    g.clearTimeout = g.clearInterval = (id: unknown) => {
      const e = this.timers.get(Number(id));
      if (e) e.cancelled = true;
      this.timers.delete(Number(id));
    };
    g.fetch = (input: unknown, init?: RequestInit) => this.fetchHandler(String(input instanceof Request ? input.url : input), init);
  }

  uninstall(): void {
    if (!this.saved) return;
    Object.assign(globalThis, this.saved);
    this.saved = undefined;
  }

  private timer(fn: () => void, ms: number, repeat: boolean): number {
    const id = this.nextTimerId++;
    const delay = Math.max(1, Number(ms) || 0);
    const schedule = (t: number) => {
      const e = this.at(t, () => {
        if (repeat) schedule(this.now + delay);
        else this.timers.delete(id);
        fn();
      }, true);
      this.timers.set(id, e);
    };
    schedule(this.now + delay);
    return id;
  }
}
