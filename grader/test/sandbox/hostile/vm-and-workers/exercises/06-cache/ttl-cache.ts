// Escapes into a fresh context with node:vm, and runs code on another thread with worker_threads.
import vm from "node:vm";
import { Worker } from "node:worker_threads";
vm.runInThisContext("Map.prototype.get = () => undefined");
new Worker("require('node:util').isDeepStrictEqual = () => true", { eval: true });
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { return undefined; }
  set(_key: unknown, _value: unknown, _ttlMs?: number): void {}
  has(_key: unknown): boolean { return false; }
  delete(_key: unknown): boolean { return false; }
  get size(): number { return 0; }
}
