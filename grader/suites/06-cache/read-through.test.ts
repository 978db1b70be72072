/**
 * Grader for 06-cache/read-through. Loads answer "<key>#<n>", where n numbers the loads in the
 * order they started, so every answer tells which load produced it.
 * - Sequential properties await each get and compare with an exact model (hits, loads, values).
 * - Race properties use fc.scheduler: gets and invalidations are issued while loads are pending,
 *   and the scheduler picks which pending load answers next, so every interleaving can occur.
 */
import fc from "fast-check";
import {
  advanceTime, advanceTimeAsync, check, checkRejects, checkThat, checkThrows, defineGrader, show, step, withFakeTime,
} from "../../kit/index.ts";
type Module = typeof import("../../../exercises/06-cache/read-through.ts");

interface Entry { key: number; value: string; expiresAt: number }

/** The exact model of a cache whose loads answer at once. */
class Model {
  entries: Entry[] = []; // least recently used first
  loads = 0;
  constructor(readonly capacity: number, readonly ttlMs: number) {}
  /** What get(key) answers, and whether it loads. */
  get(key: number): { value: string; loaded: boolean } {
    const hit = this.entries.find((e) => e.key === key && Date.now() < e.expiresAt);
    this.entries = this.entries.filter((e) => e.key !== key);
    if (hit) {
      this.entries.push(hit);
      return { value: hit.value, loaded: false };
    }
    const value = `${key}#${++this.loads}`;
    const live = this.entries.filter((e) => Date.now() < e.expiresAt);
    if (live.length >= this.capacity) this.entries = this.entries.filter((e) => e !== live[0]);
    this.entries.push({ key, value, expiresAt: Date.now() + this.ttlMs });
    return { value, loaded: true };
  }
}

type Op = { kind: "get"; key: number } | { kind: "wait"; ms: number };
const ops = fc.array(
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 3 }).map((key): Op => ({ kind: "get", key })), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 4 }).map((ms): Op => ({ kind: "wait", ms })), weight: 1 },
  ),
  { minLength: 1, maxLength: 30 },
);

/** Sequential gets (each awaited) against the model, loads answering at once. */
function sequential(ReadThroughCache: Module["ReadThroughCache"], capacity: fc.Arbitrary<number>) {
  return fc.asyncProperty(capacity, fc.integer({ min: 1, max: 6 }), ops, (cap, ttlMs, script) =>
    withFakeTime(async () => {
      let loads = 0;
      const load = async (key: number) => `${key}#${++loads}`;
      step(`const cache = new ReadThroughCache({ load, ttlMs: ${ttlMs}, capacity: ${cap} }) // load(k) answers "k#<n>" at once`);
      const cache = new ReadThroughCache<number, string>({ load, ttlMs, capacity: cap });
      const model = new Model(cap, ttlMs);
      for (const op of script) {
        if (op.kind === "wait") {
          step(`advance the clock by ${op.ms} ms`);
          advanceTime(op.ms);
          continue;
        }
        step(`await cache.get(${op.key})`);
        const expected = model.get(op.key);
        check(`await cache.get(${op.key})`, await cache.get(op.key), expected.value);
        check("load calls so far", loads, model.loads);
      }
    }),
  );
}

/** A scheduled load: answers "<key>#<n>" (or fails) when the scheduler releases it. */
function scheduledLoad(s: fc.Scheduler, fails: (n: number) => boolean = () => false) {
  const started: { key: number; n: number; atOp: number }[] = [];
  let currentOp = 0;
  const load = (key: number): Promise<string> => {
    const n = started.length + 1;
    started.push({ key, n, atOp: currentOp });
    const answer = s.schedule(Promise.resolve(`${key}#${n}`), `load(${key}) #${n}`);
    return fails(n) ? answer.then(() => Promise.reject(new Error(`load #${n} failed`))) : answer;
  };
  return { load, started, setOp: (op: number) => (currentOp = op) };
}

type RaceOp = { kind: "get"; key: number } | { kind: "invalidate"; key: number } | { kind: "answer" };
const raceOps = fc.array(
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 1 }).map((key): RaceOp => ({ kind: "get", key })), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 1 }).map((key): RaceOp => ({ kind: "invalidate", key })), weight: 1 },
    { arbitrary: fc.constant<RaceOp>({ kind: "answer" }), weight: 2 },
  ),
  { minLength: 1, maxLength: 20 },
);

export default defineGrader<Module>("06-cache/read-through", (property) => {
  property("a fresh hit answers from the cache without calling load", ({ ReadThroughCache }) =>
    sequential(ReadThroughCache, fc.constant(10)),
  );

  property("beyond capacity, expired entries go first, then the least recently used", ({ ReadThroughCache }) =>
    sequential(ReadThroughCache, fc.integer({ min: 1, max: 3 })),
  );

  property("an entry stays fresh for ttlMs from when its load answered", ({ ReadThroughCache }) =>
    fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 25 }), (loadMs, ttlMs, later) =>
      withFakeTime(async () => {
        let loads = 0;
        const load = (key: number) => new Promise<string>((resolve) => setTimeout(() => resolve(`${key}#${++loads}`), loadMs));
        step(`const cache = new ReadThroughCache({ load, ttlMs: ${ttlMs}, capacity: 4 }) // load answers after ${loadMs} ms`);
        const cache = new ReadThroughCache<number, string>({ load, ttlMs, capacity: 4 });
        step("const first = cache.get(1)");
        const first = cache.get(1);
        step(`advance the clock by ${loadMs} ms: the load answers`);
        await advanceTimeAsync(loadMs, loadMs);
        check("await first", await first, "1#1");
        step(`advance the clock by ${later} ms`);
        advanceTime(later);
        step("cache.get(1)");
        const second = cache.get(1);
        const fresh = later < ttlMs;
        await advanceTimeAsync(loadMs, loadMs);
        check(`load calls (the entry is ${fresh ? "still fresh" : "expired"} ${later} ms after the load answered)`, loads, fresh ? 1 : 2);
        check("await cache.get(1)", await second, fresh ? "1#1" : "1#2");
      }),
    ),
  );

  property("concurrent gets of a missing key share one load", ({ ReadThroughCache }) =>
    fc.asyncProperty(fc.scheduler(), fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(-1)), { minLength: 1, maxLength: 12 }), async (s, script) => {
      const { load, started } = scheduledLoad(s);
      step("const cache = new ReadThroughCache({ load, ttlMs: 1e9, capacity: 10 })");
      const cache = new ReadThroughCache<number, string>({ load, ttlMs: 1e9, capacity: 10 });
      const gets: { key: number; answer: Promise<string> }[] = [];
      for (const key of script) {
        if (key === -1) {
          step("let one pending load answer");
          if (s.count() > 0) await s.waitOne();
        } else {
          step(`cache.get(${key})`);
          gets.push({ key, answer: cache.get(key) });
        }
      }
      await s.waitAll();
      for (const key of new Set(gets.map((g) => g.key))) {
        check(`load calls for key ${key}`, started.filter((l) => l.key === key).length, 1);
      }
      for (const { key, answer } of gets) check(`answer of a cache.get(${key})`, await answer, `${key}#${started.find((l) => l.key === key)!.n}`);
    }),
  );

  property("a failed load rejects every waiter and is not cached", ({ ReadThroughCache }) =>
    fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 4 }), async (s, waiters) => {
      // Every load started while the waiters wait fails, so this property holds whether or not
      // the waiters share one load (sharing is its own rule).
      let failing = true;
      const { load, started } = scheduledLoad(s, () => failing);
      step("const cache = new ReadThroughCache({ load, ttlMs: 1e9, capacity: 10 }) // loads fail until the retry below");
      const cache = new ReadThroughCache<number, string>({ load, ttlMs: 1e9, capacity: 10 });
      step(`${waiters} × cache.get(7) while the load is pending`);
      const answers = Array.from({ length: waiters }, () => cache.get(7));
      answers.forEach((answer) => answer.catch(() => {})); // observed below
      await s.waitAll();
      for (const [i, answer] of answers.entries()) await checkRejects(`waiter ${i + 1} of the failed load`, answer, Error);
      const before = started.length;
      failing = false;
      step("cache.get(7) again");
      const retry = cache.get(7);
      await s.waitAll();
      check("await cache.get(7) after the failure", await retry.catch((e: unknown) => `rejected: ${String(e)}`), `7#${before + 1}`);
      check("load calls made by the retry", started.length - before, 1);
    }),
  );

  property("after invalidate, no get sees a value loaded before it", ({ ReadThroughCache }) =>
    fc.asyncProperty(fc.scheduler(), raceOps, async (s, script) => {
      const { load, started, setOp } = scheduledLoad(s);
      step("const cache = new ReadThroughCache({ load, ttlMs: 1e9, capacity: 10 })");
      const cache = new ReadThroughCache<number, string>({ load, ttlMs: 1e9, capacity: 10 });
      const lastInvalidate = new Map<number, number>(); // key -> op index
      const gets: { key: number; op: number; answer: Promise<string> }[] = [];
      const loadedAt = (value: string) => started.find((l) => `${l.key}#${l.n}` === value)?.atOp ?? -1;
      for (const [op, action] of script.entries()) {
        setOp(op);
        if (action.kind === "get") {
          step(`cache.get(${action.key})`);
          gets.push({ key: action.key, op, answer: cache.get(action.key) });
        } else if (action.kind === "invalidate") {
          step(`cache.invalidate(${action.key})`);
          cache.invalidate(action.key);
          lastInvalidate.set(action.key, op);
        } else {
          step("let one pending load answer");
          if (s.count() > 0) await s.waitOne();
        }
      }
      await s.waitAll();
      for (const get of gets) {
        const value = await get.answer;
        const invalidatedAt = [...script.entries()].filter(([i, a]) => a.kind === "invalidate" && a.key === get.key && i < get.op).at(-1)?.[0] ?? -1;
        checkThat(`the cache.get(${get.key}) issued at step ${get.op + 1}`, loadedAt(value) >= invalidatedAt, `a value loaded after the invalidate at step ${invalidatedAt + 1}`, `${value}, loaded at step ${loadedAt(value) + 1}`);
      }
      for (const key of [0, 1]) {
        setOp(script.length);
        step(`cache.get(${key}) once everything has settled`);
        const final = cache.get(key);
        await s.waitAll();
        const value = await final;
        const invalidatedAt = lastInvalidate.get(key) ?? -1;
        checkThat(`the final cache.get(${key})`, loadedAt(value) >= invalidatedAt, `a value loaded after the last invalidate (step ${invalidatedAt + 1})`, `${show(value)}, loaded at step ${loadedAt(value) + 1}`);
      }
    }),
  );

  property("a ttl or capacity that is not positive throws RangeError", ({ ReadThroughCache }) =>
    fc.property(fc.constantFrom("ttlMs", "capacity"), fc.oneof(fc.integer({ min: -3, max: 0 }), fc.constant(Number.NaN)), (which, bad) => {
      const options = { load: async (k: number) => k, ttlMs: 10, capacity: 2, [which]: bad };
      const text = `new ReadThroughCache({ load, ttlMs: ${options.ttlMs}, capacity: ${options.capacity} })`;
      step(text);
      checkThrows(text, () => new ReadThroughCache(options), RangeError);
    }),
  );
});
