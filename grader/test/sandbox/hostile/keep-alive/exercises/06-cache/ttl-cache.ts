// Keeps the worker alive for ever with timers, and a pending promise per call.
setInterval(() => {}, 1000);
setTimeout(() => {}, 2 ** 31 - 1);
export class TtlCache {
  constructor(_options: unknown) {
    setInterval(() => {}, 10);
  }
  get(_key: unknown): Promise<unknown> { return new Promise(() => {}); }
  set(_key: unknown, _value: unknown): void {}
  delete(_key: unknown): boolean { return false; }
  get size(): number { return 0; }
}
