/**
 * Merging log streams: every server writes its own log in time order, and the centralized log
 * service shows one timeline. A k-way merge with a min-heap does it in O(N log k) and pulls
 * lines only as they are needed, so it also works on endless (tailing) streams.
 */

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/11-observability/log-merge.ts`);
}

/** One log line: a timestamp (ms) plus any other fields, which are passed through untouched. */
export interface LogLine {
  timestamp: number;
  [field: string]: unknown;
}

/**
 * Merges k streams, each already in timestamp order, into one stream in timestamp order.
 *
 * - Every input line comes out exactly once (the same objects, unchanged).
 * - Stable: lines with equal timestamps come out in stream order (all such lines of
 *   `streams[0]` before those of `streams[1]`, …), and each stream keeps its own order.
 * - Lazy: nothing is read before the first line is asked for, and after m lines have been
 *   taken at most k + m lines have been pulled from the inputs, so endless streams work.
 * - O(N log k) for N lines in total: each line costs O(log k) comparisons, not O(k).
 *
 * A generator function (`function*`) is the natural way to write it.
 */
export function mergeLogs<T extends LogLine>(streams: Iterable<T>[]): Iterable<T> {
  return notImplemented("mergeLogs");
}
