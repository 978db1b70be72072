// Rejects a promise nobody awaits, at import and in every call, while the methods look fine.
Promise.reject(new Error("rejected at import"));
export class TtlCache {
  constructor(_options: unknown) {
    Promise.reject(new Error("rejected in the constructor"));
  }
  get(_key: unknown): unknown { return undefined; }
  set(_key: unknown, _value: unknown): void {}
  delete(_key: unknown): boolean { return false; }
  get size(): number { return 0; }
}
