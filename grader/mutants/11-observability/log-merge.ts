import { defineMutants } from "../../kit/index.ts";

export default defineMutants("11-observability/log-merge", [
  {
    name: "orders-by-stream",
    bug: "the heap orders heads by stream index only, so the streams come out one after the other",
    kills: "the output is in timestamp order",
    edits: [["  return a.line.timestamp < b.line.timestamp || (a.line.timestamp === b.line.timestamp && a.stream < b.stream);", "  return a.stream < b.stream;"]],
  },
  {
    name: "skips-first-lines",
    bug: "reads the first line of each stream and throws it away",
    kills: "every input line comes out exactly once",
    edits: [["      const first = rest.next();", "      rest.next();\n      const first = rest.next();"]],
  },
  {
    name: "ties-to-later-stream",
    bug: "on equal timestamps, takes the line of the later stream first",
    kills: "lines with equal timestamps come out in stream order",
    edits: [["a.line.timestamp === b.line.timestamp && a.stream < b.stream", "a.line.timestamp === b.line.timestamp && a.stream > b.stream"]],
  },
  {
    name: "equal-lines-of-a-stream-reordered",
    bug: "looks one line ahead in the leading stream and, when that line has the same timestamp, hands it out first, so a stream's lines of equal timestamps come out rotated",
    kills: "each stream's lines come out in that stream's order",
    edits: [
      [
        "      const head = heap[0];\n      yield head.line;\n      // Pull the replacement only after the line was taken: that keeps the k + m bound.\n      const next = head.rest.next();",
        "      const head = heap[0];\n      const next = head.rest.next();\n      if (!next.done && next.value.timestamp === head.line.timestamp) {\n        yield next.value;\n        continue;\n      }\n      yield head.line;",
      ],
    ],
  },
  {
    name: "reads-streams-eagerly",
    bug: "copies every stream into an array first, which never ends on an endless stream",
    kills: "the merge is lazy: after m lines are taken at most k + m were pulled, even from endless streams",
    edits: [["const rest = stream[Symbol.iterator]();", "const rest = [...stream][Symbol.iterator]();"]],
  },
  {
    name: "reads-first-lines-at-once",
    bug: "reads each stream's first line when mergeLogs is called, before any line is asked for",
    kills: "the merge is lazy: after m lines are taken at most k + m were pulled, even from endless streams",
    edits: [
      [
        "export function* mergeLogs<T extends LogLine>(streams: Iterable<T>[]): Iterable<T> {",
        `export function mergeLogs<T extends LogLine>(streams: Iterable<T>[]): Iterable<T> {
  const primed = streams.map((stream) => {
    const rest = stream[Symbol.iterator]();
    const first = rest.next();
    let taken = false;
    const it = { next: () => (taken ? rest.next() : ((taken = true), first)), return: (value?: unknown) => rest.return?.(value) ?? { done: true, value } };
    return { [Symbol.iterator]: () => it } as unknown as Iterable<T>;
  });
  return mergePrimed(primed);
}

function* mergePrimed<T extends LogLine>(streams: Iterable<T>[]): Iterable<T> {`,
      ],
    ],
  },
  {
    name: "re-sorts-heads",
    bug: "re-sorts all k heads after every line instead of sifting one down: O(k) per line",
    kills: "the work per line grows like log k, not k, as k doubles with N fixed",
    edits: [["      siftDown(heap, 0);\n    }\n  } finally {", "      heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));\n    }\n  } finally {"]],
  },
  {
    name: "re-sorts-cached-heads",
    bug: "caches each head's timestamp (so it is read once) but re-sorts all k heads after every line: O(k) per line",
    kills: "the work per line grows like log k, not k, as k doubles with N fixed",
    edits: [
      ["  return a.line.timestamp < b.line.timestamp || (a.line.timestamp === b.line.timestamp && a.stream < b.stream);", "  const x = a as Head<T> & { ts: number };\n  const y = b as Head<T> & { ts: number };\n  return x.ts < y.ts || (x.ts === y.ts && x.stream < y.stream);"],
      ["heap.push({ line: first.value, stream: index, rest });", "heap.push({ line: first.value, stream: index, rest, ts: first.value.timestamp } as Head<T>);"],
      ["        head.line = next.value;", "        head.line = next.value;\n        (head as Head<T> & { ts: number }).ts = next.value.timestamp;"],
      ["      siftDown(heap, 0);\n    }\n  } finally {", "      heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));\n    }\n  } finally {"],
    ],
  },
]);
