/**
 * Grader for 06-cache/ttl-cache. Time is fake (vitest timers), so "advance 3 ms" is exact and
 * boundaries such as "exactly at expiry" come up often. The model is a list of entries in
 * recency order (least recent first) with their expiry times; it is compared with the learner's
 * cache after every operation. The contract fixes which entry goes when, so the model is exact;
 * when expired entries are actually removed is the learner's choice and is never observed.
 */
import fc from "fast-check";
import {
  advanceTime, check, checkThrows, command, commands, defineGrader, step, withFakeTime,
} from "../../kit/index.ts";
type Module = typeof import("../../../exercises/06-cache/ttl-cache.ts");
type Cache = InstanceType<Module["TtlCache"]>;
type Cmd = fc.Command<Model, Cache>;

interface Entry { key: number; value: number; expiresAt: number }

class Model {
  entries: Entry[] = []; // least recently used first
  constructor(readonly capacity: number, readonly defaultTtlMs: number) {}
  live(): Entry[] {
    return this.entries.filter((e) => Date.now() < e.expiresAt);
  }
  find(key: number): Entry | undefined {
    return this.live().find((e) => e.key === key);
  }
  remove(key: number): void {
    this.entries = this.entries.filter((e) => e.key !== key);
  }
  get(key: number): number | undefined {
    const entry = this.find(key);
    this.remove(key);
    if (entry) this.entries.push(entry);
    return entry?.value;
  }
  set(key: number, value: number, ttlMs: number): void {
    this.remove(key);
    const live = this.live();
    if (live.length >= this.capacity) this.remove(live[0].key);
    this.entries.push({ key, value, expiresAt: Date.now() + ttlMs });
  }
}

// Few keys and short lifetimes, so that repeated keys and exact expiry moments come up often.
const key = fc.integer({ min: 0, max: 2 });
const value = fc.integer({ min: 0, max: 99 });
const ttl = fc.integer({ min: 1, max: 3 });

const set = fc.tuple(key, value).map(([k, v]): Cmd =>
  command(`cache.set(${k}, ${v})`, (m, c) => {
    c.set(k, v);
    m.set(k, v, m.defaultTtlMs);
  }),
);
const setWithTtl = fc.tuple(key, value, ttl).map(([k, v, t]): Cmd =>
  command(`cache.set(${k}, ${v}, ${t})`, (m, c) => {
    c.set(k, v, t);
    m.set(k, v, t);
  }),
);
// Sets of keys that are not live: the lifetime a re-set gives is its own rule ("set restarts an
// entry's lifetime"), so the other properties do not depend on it (issue 18).
const setFresh = fc.tuple(key, value).map(([k, v]): Cmd =>
  command(`cache.set(${k}, ${v})`, (m, c) => {
    c.set(k, v);
    m.set(k, v, m.defaultTtlMs);
  }, (m) => m.find(k) === undefined),
);
const setFreshWithTtl = fc.tuple(key, value, ttl).map(([k, v, t]): Cmd =>
  command(`cache.set(${k}, ${v}, ${t})`, (m, c) => {
    c.set(k, v, t);
    m.set(k, v, t);
  }, (m) => m.find(k) === undefined),
);
/** get, unchecked at the exact moment the key expires: that boundary is the lifetime property's. */
const getAwayFromExpiry = key.map((k): Cmd =>
  command(`cache.get(${k})`, (m, c) => {
    const atExpiry = m.entries.some((e) => e.key === k && e.expiresAt === Date.now());
    const expected = m.get(k);
    const actual = c.get(k);
    if (!atExpiry) check(`cache.get(${k})`, actual, expected);
  }),
);
const get = key.map((k): Cmd =>
  command(`cache.get(${k})`, (m, c) => check(`cache.get(${k})`, c.get(k), m.get(k))),
);
const del = key.map((k): Cmd =>
  command(`cache.delete(${k})`, (m, c) => {
    const wasLive = m.find(k) !== undefined;
    m.remove(k);
    check(`cache.delete(${k})`, c.delete(k), wasLive);
  }),
);
const size = fc.constant(null).map((): Cmd =>
  command("cache.size", (m, c) => check("cache.size", c.size, m.live().length)),
);
// Mostly 1 ms steps, so that a run passes through every expiry moment one by one.
const advance = fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 1 }).map((ms): Cmd =>
  command(`advance the clock by ${ms} ms`, () => advanceTime(ms)),
);

function modelRun(
  TtlCache: Module["TtlCache"],
  shape: { capacity: fc.Arbitrary<number>; defaultTtl: fc.Arbitrary<number>; cmds: fc.Arbitrary<Cmd>[] },
) {
  return fc.property(shape.capacity, shape.defaultTtl, commands(shape.cmds, { maxCommands: 40, size: "+1" }), (capacity, defaultTtlMs, scenario) =>
    withFakeTime(() => {
      step(`const cache = new TtlCache({ capacity: ${capacity}, defaultTtlMs: ${defaultTtlMs} })`);
      const real = new TtlCache<number, number>({ capacity, defaultTtlMs });
      fc.modelRun(() => ({ model: new Model(capacity, defaultTtlMs), real }), scenario);
    }),
  );
}

const roomy = fc.constant(10);
const small = fc.integer({ min: 1, max: 2 });
const long = fc.constant(1_000_000);

export default defineGrader<Module>("06-cache/ttl-cache", (property) => {
  property("an entry is returned while it is live and never after it expires", ({ TtlCache }) =>
    modelRun(TtlCache, { capacity: roomy, defaultTtl: ttl, cmds: [setFresh, get, advance] }),
  );

  property("set restarts an entry's lifetime", ({ TtlCache }) =>
    // Set a key, let part of its life pass, set it again, then read it on either side of the
    // old and the new expiry moments.
    fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
      (firstTtl, beforeSecond, secondTtl, waits) =>
        withFakeTime(() => {
          step("const cache = new TtlCache({ capacity: 2, defaultTtlMs: 100 })");
          const cache = new TtlCache<number, number>({ capacity: 2, defaultTtlMs: 100 });
          const model = new Model(2, 100);
          const wait = Math.min(beforeSecond, firstTtl - 1);
          step(`cache.set(1, 1, ${firstTtl})`);
          cache.set(1, 1, firstTtl);
          model.set(1, 1, firstTtl);
          step(`advance the clock by ${wait} ms`);
          advanceTime(wait);
          step(`cache.set(1, 2, ${secondTtl})`);
          cache.set(1, 2, secondTtl);
          model.set(1, 2, secondTtl);
          for (const ms of waits) {
            step(`advance the clock by ${ms} ms`);
            advanceTime(ms);
            step("cache.get(1)");
            check("cache.get(1)", cache.get(1), model.get(1));
          }
        }),
    ),
  );

  property("a ttl given to set overrides the default", ({ TtlCache }) =>
    modelRun(TtlCache, { capacity: roomy, defaultTtl: long, cmds: [setFreshWithTtl, getAwayFromExpiry, advance] }),
  );

  property("a full cache evicts the least recently used live entry", ({ TtlCache }) =>
    modelRun(TtlCache, { capacity: small, defaultTtl: long, cmds: [set, get] }),
    { runs: 303 }, // mutants die by run 101 (max over 30 seeds; at 100 runs one survived); 3× margin
  );

  property("expired entries make room before any live entry is evicted", ({ TtlCache }) =>
    // Fill the cache with entries of random lifetimes, let some expire, insert one more key,
    // then read every old key: only if none had expired may the least recent live one be gone.
    fc.property(
      fc.uniqueArray(fc.record({ key: fc.integer({ min: 0, max: 9 }), ttl: fc.integer({ min: 1, max: 6 }) }), {
        minLength: 1, maxLength: 4, selector: (e) => e.key,
      }),
      fc.integer({ min: 0, max: 6 }),
      (entries, elapsed) =>
        withFakeTime(() => {
          const capacity = entries.length;
          step(`const cache = new TtlCache({ capacity: ${capacity}, defaultTtlMs: 100 })`);
          const cache = new TtlCache<number, number>({ capacity, defaultTtlMs: 100 });
          const model = new Model(capacity, 100);
          for (const { key, ttl } of entries) {
            step(`cache.set(${key}, ${key}, ${ttl})`);
            cache.set(key, key, ttl);
            model.set(key, key, ttl);
          }
          step(`advance the clock by ${elapsed} ms`);
          advanceTime(elapsed);
          step("cache.set(10, 10)");
          cache.set(10, 10);
          model.set(10, 10, 100);
          for (const { key } of entries) {
            step(`cache.get(${key})`);
            check(`cache.get(${key})`, cache.get(key), model.get(key));
          }
        }),
    ),
    { runs: 108 }, // mutants die by run 36 (max over 30 seeds); 3× margin
  );

  property("size counts live entries only", ({ TtlCache }) =>
    modelRun(TtlCache, { capacity: small, defaultTtl: ttl, cmds: [setFresh, size, advance] }),
  );

  property("delete removes an entry and says whether a live one was removed", ({ TtlCache }) =>
    modelRun(TtlCache, { capacity: roomy, defaultTtl: ttl, cmds: [setFresh, del, getAwayFromExpiry, advance] }),
  );

  property("a capacity that is not an integer ≥ 1, or a ttl that is not > 0, throws RangeError", ({ TtlCache }) =>
    fc.property(
      fc.constantFrom("capacity", "defaultTtlMs", "ttlMs"),
      fc.oneof(fc.integer({ min: -5, max: 0 }), fc.constant(Number.NaN)),
      (which, bad) => {
        if (which === "ttlMs") {
          step("const cache = new TtlCache({ capacity: 2, defaultTtlMs: 10 })");
          const cache = new TtlCache<number, number>({ capacity: 2, defaultTtlMs: 10 });
          step(`cache.set(1, 1, ${bad})`);
          checkThrows(`cache.set(1, 1, ${bad})`, () => cache.set(1, 1, bad), RangeError);
        } else {
          // A capacity must also be an integer: 1.5 is checked beside the generated bad value.
          for (const value of which === "capacity" ? [bad, 1.5] : [bad]) {
            const options = { capacity: 2, defaultTtlMs: 10, [which]: value };
            const text = `new TtlCache({ capacity: ${options.capacity}, defaultTtlMs: ${options.defaultTtlMs} })`;
            step(text);
            checkThrows(text, () => new TtlCache(options), RangeError);
          }
        }
      },
    ),
  );
});
