// Looks for process, its native bindings and the engine's environment from the global scope.
const g = globalThis as any;
const found: string[] = [];
for (const name of ["process", "require", "module", "Buffer", "global", "__vitest_worker__", "__vitest_index__", "Deno", "Bun"]) {
  if (g[name] !== undefined) found.push(name);
}
try { g.process.binding("fs"); found.push("process.binding"); } catch {}
try { g.process._linkedBinding("fs"); found.push("_linkedBinding"); } catch {}
try { found.push(String(Object.keys(g.process.env).length)); } catch {}
try { const f = ({}).constructor.constructor("return process")(); if (f) found.push("process via Function"); } catch {}
try { const outer = (function () { return this; }).call(undefined); if (outer) found.push("sloppy this"); } catch {}
console.log(`globals found: ${found.join(", ") || "none"}`);
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { return undefined; }
  set(_key: unknown, _value: unknown, _ttlMs?: number): void {}
  has(_key: unknown): boolean { return false; }
  delete(_key: unknown): boolean { return false; }
  get size(): number { return 0; }
}
