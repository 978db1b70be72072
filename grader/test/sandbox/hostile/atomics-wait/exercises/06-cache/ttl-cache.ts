// Blocks the worker's thread with Atomics.wait, past every time limit.
const cell = new Int32Array(new SharedArrayBuffer(4));
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { Atomics.wait(cell, 0, 0, 600_000); return undefined; }
  set(_key: unknown, _value: unknown, _ttlMs?: number): void { Atomics.wait(cell, 0, 0, 600_000); }
  has(_key: unknown): boolean { return false; }
  delete(_key: unknown): boolean { Atomics.wait(cell, 0, 0, 600_000); return false; }
  get size(): number { Atomics.wait(cell, 0, 0, 600_000); return 0; }
}
