// Allocates until something gives: the V8 heap cap (worker crash) or the data limit (RangeError).
const hoard: unknown[] = [];
function bomb(): never {
  for (;;) {
    hoard.push(new Array(1_000_000).fill(hoard.length));
    hoard.push(Buffer.alloc(50_000_000, 1));
  }
}
export class TtlCache {
  constructor(_options: unknown) { bomb(); }
  get(): unknown { return bomb(); }
  set(): void { bomb(); }
  delete(): boolean { return bomb(); }
  get size(): number { return bomb(); }
}
