/**
 * Grader for 06-cache/lru-cache. The model is a plain array of keys, most recently used first,
 * plus a Map of values: obviously right, if slow. Each property drives the learner's cache and
 * the model with the same generated operations and compares their answers after every step.
 * The contract fixes the eviction order completely, so the comparison is exact; any design that
 * keeps that order (a Map, a linked list, an array) passes.
 */
import fc from "fast-check";
import { check, checkThat, checkThrows, command, commands, defineGrader, runBesideLearner, step, cpuTimeMs } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/06-cache/lru-cache.ts");
type Cache = InstanceType<Module["LruCache"]>;

/** The reference model: keys from most to least recently used, and their values. */
class Model {
  order: number[] = [];
  values = new Map<number, number>();
  constructor(readonly capacity: number) {}
  touch(key: number): void {
    this.order = [key, ...this.order.filter((k) => k !== key)];
  }
  set(key: number, value: number): void {
    if (!this.values.has(key) && this.values.size >= this.capacity) {
      this.values.delete(this.order.pop() as number);
    }
    this.values.set(key, value);
    this.touch(key);
  }
}

type Cmd = fc.Command<Model, Cache>;
const key = fc.integer({ min: 0, max: 5 });
const value = fc.integer({ min: 0, max: 99 });

const setCmd = fc.tuple(key, value).map(([k, v]): Cmd =>
  command(`cache.set(${k}, ${v})`, (m, c) => {
    c.set(k, v);
    m.set(k, v);
    check("cache.keys()", c.keys(), m.order);
  }),
);
const getCmd = key.map((k): Cmd =>
  command(`cache.get(${k})`, (m, c) => {
    check(`cache.get(${k})`, c.get(k), m.values.get(k));
    if (m.values.has(k)) m.touch(k);
    check("cache.keys()", c.keys(), m.order);
  }),
);
const hasCmd = key.map((k): Cmd =>
  command(`cache.has(${k})`, (m, c) => {
    check(`cache.has(${k})`, c.has(k), m.values.has(k));
    check("cache.keys()", c.keys(), m.order);
  }),
);
const deleteCmd = key.map((k): Cmd =>
  command(`cache.delete(${k})`, (m, c) => {
    check(`cache.delete(${k})`, c.delete(k), m.values.delete(k));
    m.order = m.order.filter((x) => x !== k);
    check("cache.size", c.size, m.values.size);
  }),
);

/** A model-based property over `commands`, with a capacity drawn from `capacity`. */
function modelRun(LruCache: Module["LruCache"], capacity: fc.Arbitrary<number>, cmds: fc.Arbitrary<Cmd>[]) {
  return fc.property(capacity, commands(cmds, { maxCommands: 40 }), (cap, scenario) => {
    step(`const cache = new LruCache(${cap})`);
    fc.modelRun(() => ({ model: new Model(cap), real: new LruCache<number, number>(cap) }), scenario);
  });
}

/**
 * CPU time per "round" on a full cache of `size` keys. A round inserts one new key (an
 * eviction) and makes 16 lookups of random recent keys, plus a delete every 4th round. The many
 * lookups matter: V8's Map leaves holes where keys were deleted and skips them when iterating,
 * so a Map-based LRU's eviction costs a little more as the map grows until the map compacts;
 * lookups make it compact often, as they do in real use. A design that scans or copies all keys
 * still costs n times more. It runs beside the learner's code (kit: runBesideLearner), not through
 * the boundary, whose ≈ 0.2 µs per call would flatten the ratio, so it must be self-contained.
 */
function timePerRound(LruCache: Module["LruCache"], cpuTimeMs: () => number, size: number): number {
  const cache = new LruCache<number, number>(size);
  for (let k = 0; k < size; k++) cache.set(k, k);
  let next = size;
  let random = 12345;
  let rounds = 0;
  const start = cpuTimeMs();
  while (rounds < 4000 && (rounds % 100 !== 0 || cpuTimeMs() - start < 20)) {
    cache.set(next++, rounds);
    for (let g = 0; g < 16; g++) {
      random = (random * 1103515245 + 12345) & 0x7fffffff;
      const recent = next - 1 - (random % size);
      cache.get(recent);
      cache.has(recent);
    }
    if (rounds % 4 === 0) cache.delete(next - 1 - (random % size));
    rounds++;
  }
  return (cpuTimeMs() - start) / rounds;
}

/** Best of five, small and large measured in turn so that a busy moment hits both alike. */
function bestTimes(LruCache: Module["LruCache"], small: number, large: number): [number, number] {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  const time = (size: number) => runBesideLearner(timePerRound, LruCache, cpuTimeMs, size) as number;
  for (let attempt = 0; attempt < 5; attempt++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestLarge = Math.min(bestLarge, time(large));
  }
  return [bestSmall, bestLarge];
}

export default defineGrader<Module>("06-cache/lru-cache", (property) => {
  property("get returns the value last set for a key, or undefined", ({ LruCache }) =>
    modelRun(LruCache, fc.integer({ min: 1, max: 4 }), [setCmd, getCmd, hasCmd, deleteCmd]),
    { runs: 612 }, // mutants die by run 204 (max over 30 seeds; at 100 runs three survived); 3× margin
  );

  property("a hit makes the key most recently used", ({ LruCache }) =>
    modelRun(LruCache, fc.constant(6), [setCmd, getCmd]),
  );

  property("inserting into a full cache evicts the least recently used key", ({ LruCache }) =>
    modelRun(LruCache, fc.integer({ min: 1, max: 3 }), [setCmd, getCmd]),
  );

  property("setting an existing key replaces its value and makes it most recently used", ({ LruCache }) =>
    modelRun(LruCache, fc.constant(6), [setCmd]),
  );

  property("has answers without changing recency", ({ LruCache }) =>
    modelRun(LruCache, fc.integer({ min: 1, max: 3 }), [setCmd, hasCmd]),
  );

  property("delete removes a key and size counts the stored keys", ({ LruCache }) =>
    modelRun(LruCache, fc.integer({ min: 1, max: 4 }), [setCmd, deleteCmd]),
  );

  property("a capacity that is not an integer of at least 1 throws RangeError", ({ LruCache }) =>
    fc.property(
      fc.oneof(fc.integer({ max: 0 }), fc.double({ min: 0.01, max: 100, noInteger: true }), fc.constant(Number.NaN)),
      (capacity) => {
        step(`new LruCache(${capacity})`);
        checkThrows(`new LruCache(${capacity})`, () => new LruCache(capacity), RangeError);
      },
    ),
    { runs: 120 }, // mutants die by run 40 (max over 30 seeds); 3× margin
  );

  property(
    "get, set, has and delete take constant time as the cache grows",
    ({ LruCache }) =>
      fc.property(fc.constant(null), () => {
        const small = 256;
        const large = 64 * small;
        runBesideLearner(timePerRound, LruCache, cpuTimeMs, small); // warm up the JIT before measuring
        const [tSmall, tLarge] = bestTimes(LruCache, small, large);
        step(`a round of 1 insertion, 16 get + has and ¼ delete on a full cache of ${small} keys: ${(tSmall * 1000).toFixed(2)} µs of CPU`);
        step(`the same on a full cache of ${large} keys (64× larger): ${(tLarge * 1000).toFixed(2)} µs of CPU`);
        // Constant time gives a ratio near 1 (up to about 6 from memory caches); O(n) gives 64 or more
        // (over 200 for the mutants here). The bound sits between the two, with room for noise.
        const ratio = tLarge / tSmall;
        checkThat("time per round at 64× the size ÷ at 1×", ratio < 32, "below 32 (constant time per operation)", Number(ratio.toFixed(1)));
      }),
    { runs: 1 },
  );
});
