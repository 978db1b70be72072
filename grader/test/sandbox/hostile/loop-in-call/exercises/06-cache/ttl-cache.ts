// Loads, then spins forever inside the first call: the watchdog kills the worker.
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { for (;;) {} }
  set(_key: unknown, _value: unknown): void { for (;;) {} }
  delete(_key: unknown): boolean { for (;;) {} }
  get size(): number { for (;;) {} }
}
