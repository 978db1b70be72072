// Imports the grading kit, fast-check and vitest by absolute path (the repository's path is
// visible in process.argv and import.meta; the test puts it in place of REPO_PLACEHOLDER) and
// mutates what they export.
import * as trace from "REPO_PLACEHOLDER/grader/kit/trace.ts";
import fc from "REPO_PLACEHOLDER/node_modules/fast-check/lib/fast-check.js";
(trace as any).check = () => {};
(fc as any).check = () => ({ failed: false });
export class TtlCache {
  constructor(_options: unknown) {}
  get(_key: unknown): unknown { return undefined; }
  set(_key: unknown, _value: unknown, _ttlMs?: number): void {}
  has(_key: unknown): boolean { return false; }
  delete(_key: unknown): boolean { return false; }
  get size(): number { return 0; }
}
