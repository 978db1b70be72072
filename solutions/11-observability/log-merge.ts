/**
 * Merging log streams: every server writes its own log in time order, and the centralized log
 * service shows one timeline. A k-way merge with a min-heap does it in O(N log k) and pulls
 * lines only as they are needed, so it also works on endless (tailing) streams.
 */

/** One log line: a timestamp (ms) plus any other fields, which are passed through untouched. */
export interface LogLine {
  timestamp: number;
  [field: string]: unknown;
}

/** A stream's current first line, waiting in the heap. */
interface Head<T> {
  line: T;
  stream: number;
  rest: Iterator<T>;
}

/** Earlier timestamp first; on equal timestamps the earlier stream, so the merge is stable. */
function before<T extends LogLine>(a: Head<T>, b: Head<T>): boolean {
  return a.line.timestamp < b.line.timestamp || (a.line.timestamp === b.line.timestamp && a.stream < b.stream);
}

function siftUp<T extends LogLine>(heap: Head<T>[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) return;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown<T extends LogLine>(heap: Head<T>[], i: number): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
    if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
    i = smallest;
  }
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
 */
export function* mergeLogs<T extends LogLine>(streams: Iterable<T>[]): Iterable<T> {
  const heap: Head<T>[] = [];
  const open: Iterator<T>[] = [];
  try {
    streams.forEach((stream, index) => {
      const rest = stream[Symbol.iterator]();
      open.push(rest);
      const first = rest.next();
      if (!first.done) {
        heap.push({ line: first.value, stream: index, rest });
        siftUp(heap, heap.length - 1);
      }
    });
    while (heap.length > 0) {
      const head = heap[0];
      yield head.line;
      // Pull the replacement only after the line was taken: that keeps the k + m bound.
      const next = head.rest.next();
      if (next.done) {
        const last = heap.pop()!;
        if (heap.length === 0) break;
        heap[0] = last;
      } else {
        head.line = next.value;
      }
      siftDown(heap, 0);
    }
  } finally {
    // A consumer that stops early (break, take(10)) closes the inputs, e.g. a file tail.
    for (const rest of open) rest.return?.();
  }
}
