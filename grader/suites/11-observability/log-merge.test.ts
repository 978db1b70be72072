/**
 * Grader for 11-observability/log-merge. The contract fixes the output completely (a stable
 * merge equals a stable sort of all lines by timestamp, ties in stream order), but each property
 * checks one rule of it (timestamp order, every line once, ties by stream, each stream's own
 * order), so that a bug fails the property of its rule only. Laziness is checked by counting pulls from the inputs; an input
 * throws as soon as more lines are pulled than allowed, so an eager merge of an endless stream
 * fails instead of hanging. Complexity: see `readsPerLine` and `bestTime`.
 */
import fc from "fast-check";
import { check, checkThat, defineGrader, runBesideLearner, step, cpuTimeMs } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/11-observability/log-merge.ts");

/** A type alias, not an interface: only aliases are assignable to LogLine's index signature. */
type Line = { timestamp: number; stream: number; line: number };

/** Streams of sorted timestamps in [0, maxTs]; a small maxTs forces equal timestamps. */
const streamsArb = (maxTs: number, minStreams = 0) =>
  fc
    .array(fc.array(fc.integer({ min: 0, max: maxTs }), { maxLength: 12 }), { minLength: minStreams, maxLength: 6 })
    .map((streams) => streams.map((ts) => ts.sort((a, b) => a - b)));

function toLines(streams: number[][]): Line[][] {
  return streams.map((ts, stream) => ts.map((timestamp, line) => ({ timestamp, stream, line })));
}

/** `stream.line@timestamp`: short enough to read a whole output at a glance. */
const label = (l: Line) => `${l.stream}.${l.line}@${l.timestamp}`;

function mergeAll(mergeLogs: Module["mergeLogs"], streams: number[][]): Line[] {
  step(`const out = [...mergeLogs(${JSON.stringify(streams)}.map((ts, s) => ts.map((timestamp, i) => ({ timestamp, stream: s, line: i }))))]`);
  return [...mergeLogs(toLines(streams))];
}

/** The model: a stable sort of all lines by timestamp (Array.prototype.sort is stable). */
const model = (lines: Line[][]) => lines.flat().sort((a, b) => a.timestamp - b.timestamp);

/** An endless stream: timestamps growing by 0–3 from `start`, from a seeded generator. */
function* endless(stream: number, seed: number): Generator<Line> {
  let x = seed >>> 0 || 1;
  let timestamp = seed % 7;
  for (let line = 0; ; line++) {
    yield { timestamp, stream, line };
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    timestamp += (x >>> 0) % 4;
  }
}

/** N lines spread over k sorted streams; `counter.reads` counts every read of `timestamp`. */
function makeStreams(k: number, n: number, counter: { reads: number }) {
  let seed = 12345;
  return Array.from({ length: k }, (_, stream) => {
    let ts = 0;
    return Array.from({ length: n / k }, () => {
      seed = (seed * 69069 + 1) % 2 ** 32;
      ts += seed % 100;
      const value = ts;
      return { get timestamp() { counter.reads++; return value; }, stream };
    });
  });
}

/** Merges everything and returns the lines that came out, or stops once `counter.reads` passes `maxReads`. */
function drain(mergeLogs: Module["mergeLogs"], streams: ReturnType<typeof makeStreams>, counter: { reads: number }, maxReads: number): { out: { stream: number }[]; stopped: boolean } {
  const out: { stream: number }[] = [];
  const it = mergeLogs(streams)[Symbol.iterator]();
  for (let r = it.next(); !r.done; r = it.next()) {
    out.push(r.value);
    if (counter.reads > maxReads) {
      try {
        it.return?.();
      } catch {
        // the verdict is the reads'; a merge that cannot be closed is not this rule's business
      }
      return { out, stopped: true };
    }
  }
  return { out, stopped: false };
}

/**
 * Work per output line, as reads of `timestamp`: a heap reads O(log k) of them per line,
 * scanning or sorting the k heads reads O(k). Deterministic, so it is the first choice.
 */
function readsPerLine(mergeLogs: Module["mergeLogs"], k: number, n: number, maxReads = Infinity): { perLine: number; lines: number; stopped: boolean } {
  const counter = { reads: 0 };
  const streams = makeStreams(k, n, counter);
  // Reads only grow as the merge goes on: once past `maxReads` the verdict is known, and the
  // rest of an O(k)-per-line merge (millions of reads) would change nothing.
  const { out, stopped } = drain(mergeLogs, streams, counter, maxReads);
  const reads = counter.reads;
  // The answers count too: code that does nothing, or merges wrongly, gets no credit for speed
  // (when stopped early, the lines that came out so far must be the right ones).
  const expected = model(streams as unknown as Line[][]);
  const right = (stopped || out.length === n) && out.every((line, i) => line.stream === expected[i].stream && (line as Line).timestamp === expected[i].timestamp);
  checkThat(`the merge of ${k} streams of ${n / k} lines`, right, `all ${n} lines in timestamp order, ties in stream order`, `${out.length} lines${out.length === n || stopped ? ", out of order" : ""}`);
  return { perLine: reads / n, lines: out.length, stopped };
}

/**
 * The best of `attempts` CPU times to merge N lines from k streams. It runs beside the learner's
 * code (kit: runBesideLearner), not through the boundary, whose ≈ 0.2 µs per crossing would hide
 * an O(k) re-sort; so it must be self-contained: its source is evaluated again on its own.
 */
function mergeTimeWorkload(mergeLogs: Module["mergeLogs"], cpuTimeMs: () => number, k: number, n: number, attempts: number, limitMs: number) {
  let seed = 12345;
  const streams: { timestamp: number; stream: number; line: number }[][] = [];
  for (let stream = 0; stream < k; stream++) {
    let timestamp = 0;
    const lines: { timestamp: number; stream: number; line: number }[] = [];
    for (let i = 0; i < n / k; i++) {
      seed = (seed * 69069 + 1) % 2 ** 32;
      timestamp += seed % 100;
      lines.push({ timestamp, stream, line: i });
    }
    streams.push(lines);
  }
  // The answers are checked as the lines come out (a merge that does nothing, or merges
  // wrongly, must not pass for fast): the count, the order with ties in stream order, and each
  // stream's lines one after the other (so none is repeated or skipped).
  // An attempt that passes `limitMs` stops there: it is slower than the limit whatever the rest
  // would cost (the clock is read every 256 lines, so this costs nothing measurable).
  let best = Infinity;
  let count = 0;
  let right = true;
  let stopped = false;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const start = cpuTimeMs();
    count = 0;
    stopped = false;
    const nextLine: number[] = new Array(k).fill(0);
    let last = { timestamp: -1, stream: -1 };
    for (const out of mergeLogs(streams)) {
      count++;
      if (out.timestamp < last.timestamp || (out.timestamp === last.timestamp && out.stream < last.stream) || out.line !== nextLine[out.stream]) right = false;
      nextLine[out.stream] = out.line + 1;
      last = out;
      if (count % 256 === 0 && cpuTimeMs() - start > limitMs) {
        stopped = true;
        break;
      }
    }
    if (!stopped) best = Math.min(best, cpuTimeMs() - start);
  }
  return { best, count, right, stopped };
}

/**
 * CPU times to merge N lines from `small` and from `large` streams, best of three each,
 * measured in turns so that a noisy moment hurts both sides alike (the first turn warms the JIT).
 */
function bestTimes(mergeLogs: Module["mergeLogs"], small: number, large: number, n: number, maxRatio: number): [number, number] {
  type Timed = { best: number; count: number; right: boolean; stopped: boolean };
  let [ta, tb] = [Infinity, Infinity];
  let aSoFar = Infinity;
  for (let turn = 0; turn < 4; turn++) {
    const a = runBesideLearner(mergeTimeWorkload, mergeLogs, cpuTimeMs, small, n, 1, Infinity) as Timed;
    // A large merge slower than maxRatio × the best small one so far is slower than maxRatio × the
    // final best (which can only be lower): it fails whatever its full time, so it stops there.
    // The warm-up turn's times are not kept, so its limit does not matter for the verdict.
    aSoFar = Math.min(turn === 0 ? Infinity : aSoFar, a.best);
    const b = runBesideLearner(mergeTimeWorkload, mergeLogs, cpuTimeMs, large, n, 1, maxRatio * aSoFar) as Timed;
    for (const [k, r] of [[small, a], [large, b]] as const) {
      checkThat(`the merge of ${k} streams of ${n / k} lines`, (r.stopped || r.count === n) && r.right, `all ${n} lines in timestamp order, ties in stream order`, `${r.count} lines${r.count === n || r.stopped ? ", out of order" : ""}`);
    }
    if (turn === 0) continue;
    ta = Math.min(ta, a.best);
    tb = Math.min(tb, b.best); // Infinity when stopped: above maxRatio × ta
  }
  return [ta, tb];
}

export default defineGrader<Module>("11-observability/log-merge", (property) => {
  property("the output is in timestamp order", ({ mergeLogs }) =>
    fc.property(streamsArb(100, 2), (streams) => {
      const out = mergeAll(mergeLogs, streams);
      for (let i = 1; i < out.length; i++) {
        const ok = out[i - 1].timestamp <= out[i].timestamp;
        checkThat(`out[${i - 1}].timestamp, out[${i}].timestamp`, ok, "non-decreasing timestamps", [out[i - 1].timestamp, out[i].timestamp]);
      }
    }),
  );

  property("every input line comes out exactly once", ({ mergeLogs }) =>
    fc.property(streamsArb(100), (streams) => {
      const out = mergeAll(mergeLogs, streams).map(label).sort();
      check("the lines of out (as stream.line@timestamp, sorted)", out, toLines(streams).flat().map(label).sort());
    }),
  );

  property("lines with equal timestamps come out in stream order", ({ mergeLogs }) =>
    fc.property(streamsArb(4, 2), (streams) => {
      const out = mergeAll(mergeLogs, streams);
      // Only the order of the streams among equal timestamps: the order within one stream, the
      // timestamp order and the line count are rules of their own (a stable sort by stream keeps
      // each stream's lines as they came out).
      for (const timestamp of new Set(out.map((l) => l.timestamp))) {
        const tied = out.filter((l) => l.timestamp === timestamp);
        const byStream = [...tied].sort((a, b) => a.stream - b.stream);
        check(`the lines of out at timestamp ${timestamp} (as stream.line@timestamp)`, tied.map(label), byStream.map(label));
      }
    }),
  );

  property("each stream's lines come out in that stream's order", ({ mergeLogs }) =>
    fc.property(streamsArb(3, 1), (streams) => {
      const out = mergeAll(mergeLogs, streams);
      // Only the order: a missing or repeated line is the rule of "exactly once".
      streams.forEach((_, s) => {
        const own = out.filter((l) => l.stream === s);
        const inStreamOrder = [...own].sort((a, b) => a.line - b.line);
        check(`the lines of stream ${s} in out (as stream.line@timestamp)`, own.map(label), inStreamOrder.map(label));
      });
    }),
    { runs: 50 }, // timestamps in [0, 3]: most runs have lines of equal timestamps in one stream
  );

  property("the merge is lazy: after m lines are taken at most k + m were pulled, even from endless streams", ({ mergeLogs }) =>
    fc.property(
      fc.array(fc.oneof(fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => ({ seed })), streamsArb(20, 1).map((s) => ({ finite: s[0] }))), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 30 }),
      (specs, m) => {
        const k = specs.length;
        const budget = { pulled: 0, allowed: k };
        const make = (spec: (typeof specs)[number], s: number): Iterable<Line> =>
          "seed" in spec ? { [Symbol.iterator]: () => endless(s, spec.seed) } : spec.finite.map((timestamp, line) => ({ timestamp, stream: s, line }));
        const inputs = specs.map((spec, s) => ({
          [Symbol.iterator]: (): Iterator<Line> => {
            const it = make(spec, s)[Symbol.iterator]();
            return {
              next: () => {
                budget.pulled++;
                if (budget.pulled > budget.allowed) {
                  throw new Error(`line ${budget.pulled} was pulled from the inputs, but only ${budget.allowed} may be pulled so far (k + lines taken)`);
                }
                return it.next();
              },
            };
          },
        }));
        step(`// ${k} streams: ${specs.map((sp) => ("seed" in sp ? "endless" : `[${sp.finite.join(", ")}]`)).join(", ")}`);
        step("const it = mergeLogs(streams)[Symbol.iterator]()");
        const it = mergeLogs(inputs)[Symbol.iterator]();
        checkThat("lines pulled from the inputs before the first it.next()", budget.pulled === 0, "none", budget.pulled);
        const taken: Line[] = [];
        for (let i = 0; i < m; i++) {
          budget.allowed = k + i + 1;
          step("it.next()");
          const r = it.next();
          if (r.done) break;
          taken.push(r.value);
        }
        checkThat("lines pulled from the inputs", budget.pulled <= k + taken.length, `at most k + m = ${k + taken.length}`, budget.pulled);
        // A merge that hands out nothing pulls nothing: m lines must come out, if there are m.
        // Which lines, in which order, is for the other rules to say.
        const available = specs.reduce((sum, spec) => sum + ("seed" in spec ? m : Math.min(m, spec.finite.length)), 0);
        check("lines taken by it.next()", taken.length, Math.min(m, available));
      },
    ),
  );

  property(
    "the work per line grows like log k, not k, as k doubles with N fixed",
    ({ mergeLogs }) =>
      fc.property(fc.constant(null), () => {
        const n = 8_192;
        const [small, large] = [8, 512];
        const { perLine: a } = readsPerLine(mergeLogs, small, n);
        // Past 8 × a reads per line the ratio fails whatever the rest of the merge reads.
        const wide = readsPerLine(mergeLogs, large, n, a >= 2 ? 8 * a * n : Infinity);
        const b = wide.perLine;
        const stoppedAt = wide.stopped ? ` after ${wide.lines} of ${n} lines (stopped there: past 8× the reads at ${small} streams)` : "";
        step(`merging ${n} lines from ${small} streams: ${a.toFixed(1)} reads of timestamp per line`);
        step(`merging ${n} lines from ${large} streams (64× more): ${b.toFixed(1)} reads of timestamp per line${stoppedAt}`);
        if (a >= 2) {
          // Comparisons read `timestamp`: log k gives a ratio near log 512 / log 8 = 3, k gives 64.
          const ratio = b / a;
          checkThat("reads of timestamp per line at 64× the streams ÷ at 1×", ratio < 8, "below 8 (O(log k) per line)",
            wide.stopped ? `more than ${ratio.toFixed(1)} (counted over the first ${wide.lines} lines)` : Number(ratio.toFixed(1)));
          return;
        }
        // Each timestamp is read once and cached, so reads say nothing: compare real times
        // measured in this run (a ratio, never an absolute time), on more lines and streams so
        // that the times are long enough to measure.
        const [ta, tb] = bestTimes(mergeLogs, 8, 1024, 32_768, 12);
        const tbText = tb === Infinity ? `more than ${(12 * ta).toFixed(1)} ms (each try stopped there)` : `${tb.toFixed(1)} ms`;
        step(`time to merge 32768 lines from 8 streams: ${ta.toFixed(1)} ms; from 1024 streams (128× more): ${tbText}`);
        const ratio = tb / ta;
        checkThat("time at 128× the streams ÷ at 1×", ratio < 12, "below 12 (O(log k) per line; O(k) gives about 40)", tb === Infinity ? "more than 12" : Number(ratio.toFixed(1)));
      }),
    // fixedInput: the workloads are fixed, and the solution reads `timestamp` on every
    // comparison, so its verdict is a count of reads, never a timing.
    { runs: 1, timeoutMs: 30_000, broad: true, fixedInput: true },
  );
});
