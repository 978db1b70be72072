/**
 * Grader for 09-data-centers/lww-map. The contract fixes the winner of every key completely, so
 * `get` is compared with an exact model: the greatest write under (timestamp, replicaId, delete
 * first, greater JSON text). `state()` is opaque, so two states are compared by what they do:
 * loaded into a fresh replica, alone and then merged with each of a fixed set of one-write probe
 * states, they must answer `get` alike (a probe tells a tombstone from nothing, and (3, "east")
 * from (3, "north")). The CRDT laws are checked with that comparison.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { check, checkThat, checkThrows, defineGrader, show, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/09-data-centers/lww-map.ts");
type LwwMapClass = Module["LwwMap"];
type Map_ = InstanceType<LwwMapClass>;
type State = ReturnType<Map_["state"]>;
type JsonValue = State;
// The exact model: the contract's total order on writes.

const KEYS = ["a", "b", "c"];
/** `<` orders these "West" < "east" < "north"; localeCompare would put "West" last. */
const REPLICAS = ["east", "West", "north"];

interface Write {
  replica: string;
  key: string;
  deleted: boolean;
  value: JsonValue;
  timestamp: number;
}

/** Whether `a` beats `b`: timestamp, then replica id with `<`, then delete, then JSON text. */
function beats(a: Write, b: Write): boolean {
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  if (a.replica !== b.replica) return b.replica < a.replica;
  if (a.deleted !== b.deleted) return a.deleted;
  return !a.deleted && JSON.stringify(a.value) > JSON.stringify(b.value);
}

/** What `get(key)` must answer once exactly `writes` have been seen. */
function winner(writes: Write[], key: string): unknown {
  let best: Write | undefined;
  for (const w of writes) if (w.key === key && (best === undefined || beats(w, best))) best = w;
  return best === undefined || best.deleted ? undefined : best.value;
}

function showWrite(w: Write): string {
  return w.deleted ? `delete(${fc.stringify(w.key)}, ${w.timestamp})` : `set(${fc.stringify(w.key)}, ${fc.stringify(w.value)}, ${w.timestamp})`;
}

const value: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer({ min: 0, max: 9 }),
  fc.constantFrom("x", "y", "xy", ""),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
  fc.integer({ min: 0, max: 3 }).map((n) => ({ n })), // a plain object, as JSON.parse makes
);
const writeArb = (replicas: readonly string[], maxTs = 4, keys = KEYS): fc.Arbitrary<Write> =>
  fc.record({
    replica: fc.constantFrom(...replicas),
    key: fc.constantFrom(...keys),
    deleted: fc.boolean(),
    value,
    timestamp: fc.integer({ min: 0, max: maxTs }),
  }).map((w) => (w.deleted ? { ...w, value: null } : w));

/** Applies `w` to replica `map` (named `name` in the steps). */
function write(map: Map_, name: string, w: Write): void {
  step(`${name}.${showWrite(w)}`);
  if (w.deleted) map.delete(w.key, w.timestamp);
  else map.set(w.key, w.value, w.timestamp);
}

/** Builds one replica per id from `writes` (each applied at its own replica). */
function replicas(LwwMap: LwwMapClass, ids: readonly string[], writes: Write[]): Map<string, Map_> {
  const maps = new Map(ids.map((id) => [id, new LwwMap(id)] as const));
  for (const id of ids) step(`const ${id} = new LwwMap(${show(id)})`);
  for (const w of writes) write(maps.get(w.replica)!, w.replica, w);
  return maps;
}

/** A one-write state, and how the steps name it. */
interface Probe {
  key: string;
  timestamp: number;
  state: State;
  text: string;
}

/**
 * The writes a comparison can meet: which keys, and timestamps up to `maxTs`. A probe newer than
 * every write tells nothing (it wins over any state), so probes stop at `maxTs`; a property that
 * writes two keys with timestamps 0–3 needs 60 probes, not 126, and most of its time went there.
 */
interface Scope {
  keys: string[];
  maxTs: number;
}
const EVERY_WRITE: Scope = { keys: KEYS, maxTs: 6 };

/** What a state does: the gets of a fresh replica that merged it, then, for each probe in
 *  scope, the get of the probe's key after merging the probe too. */
function observe(LwwMap: LwwMapClass, probes: Probe[], state: State): { how: string; value: unknown }[] {
  const seen: { how: string; value: unknown }[] = [];
  const alone = new LwwMap("observer");
  alone.merge(state);
  for (const key of KEYS) seen.push({ how: `get(${show(key)})`, value: alone.get(key) });
  for (const [n, probe] of probes.entries()) {
    const map = new LwwMap("observer");
    map.merge(state);
    map.merge(probe.state);
    seen.push({ how: `get(${show(probe.key)}) after merging probe #${n + 1}, ${probe.text}`, value: map.get(probe.key) });
  }
  return seen;
}

/** One-write states: every key, timestamp 0–6, replica, set or delete. */
function makeProbes(LwwMap: LwwMapClass): Probe[] {
  const probes: Probe[] = [];
  for (const key of KEYS)
    for (let timestamp = 0; timestamp <= EVERY_WRITE.maxTs; timestamp++)
      for (const replica of REPLICAS) {
        const a = new LwwMap(replica);
        a.set(key, "probe", timestamp);
        const d = new LwwMap(replica);
        d.delete(key, timestamp);
        probes.push(
          { key, timestamp, state: a.state(), text: `${show(replica)}.set(${show(key)}, "probe", ${timestamp})` },
          { key, timestamp, state: d.state(), text: `${show(replica)}.delete(${show(key)}, ${timestamp})` },
        );
      }
  return probes;
}

/** The probes of each implementation, made once: they depend only on its code. */
const probesOf = new WeakMap<LwwMapClass, Probe[]>();

/** `actual` and `expected` must be the same state, as far as merging and reading can tell, for
 *  states made of writes within `scope`. */
function sameState(LwwMap: LwwMapClass, what: string, actual: State, expected: State, scope: Scope = EVERY_WRITE): void {
  // Two states that are the same JSON text, key order included, are the same input to merge:
  // probing them would run the same code on equal data twice. Most passing runs end here.
  const text = jsonText(actual);
  if (text !== undefined && text === jsonText(expected)) return;
  let probes = probesOf.get(LwwMap);
  if (!probes) probesOf.set(LwwMap, (probes = makeProbes(LwwMap)));
  const inScope = probes.filter((p) => scope.keys.includes(p.key) && p.timestamp <= scope.maxTs);
  const a = observe(LwwMap, inScope, actual);
  const e = observe(LwwMap, inScope, expected);
  const i = a.findIndex((x, k) => !isSame(x.value, e[k]!.value));
  if (i === -1) return;
  check(`${what}: ${a[i]!.how}`, a[i]!.value, e[i]!.value);
}
const isSame = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The JSON text of `state` when JSON carries all of it (no Map, undefined, -0, NaN, class
 *  instance…: what JSON.parse gives back is strictly deep-equal), otherwise undefined. */
function jsonText(state: State): string | undefined {
  try {
    const text = JSON.stringify(state);
    return text !== undefined && isDeepStrictEqual(JSON.parse(text), state) ? text : undefined;
  } catch {
    return undefined;
  }
}

function checkGets(map: Map_, name: string, writes: Write[]): void {
  for (const key of KEYS) check(`${name}.get(${show(key)})`, map.get(key), winner(writes, key));
}

const [A, B, C] = REPLICAS;

export default defineGrader<Module>("09-data-centers/lww-map", (property) => {
  property("get answers the write with the greatest (timestamp, replicaId), deletes included", ({ LwwMap }) =>
    fc.property(fc.array(writeArb(REPLICAS), { minLength: 1, maxLength: 25 }), (writes) => {
      const maps = replicas(LwwMap, REPLICAS, []);
      const main = maps.get(A)!;
      writes.forEach((w, i) => {
        write(maps.get(w.replica)!, w.replica, w);
        if (w.replica !== A) {
          step(`${A}.merge(${w.replica}.state())`);
          main.merge(maps.get(w.replica)!.state());
        }
        checkGets(main, A, writes.slice(0, i + 1));
      });
    }),
  );

  property("on an equal (timestamp, replicaId) a delete wins, then the greater JSON.stringify(value)", ({ LwwMap }) =>
    fc.property(fc.array(fc.tuple(writeArb([A], 1), fc.boolean()), { minLength: 1, maxLength: 20 }), (ops) => {
      // Two maps with the same replica id: the twin's writes reach `main` through merge.
      step(`const main = new LwwMap(${show(A)}); const twin = new LwwMap(${show(A)})`);
      const main = new LwwMap(A);
      const twin = new LwwMap(A);
      ops.forEach(([w, viaTwin], i) => {
        if (viaTwin) {
          write(twin, "twin", w);
          step(`main.merge(twin.state())`);
          main.merge(twin.state());
        } else write(main, "main", w);
        checkGets(main, "main", ops.slice(0, i + 1).map(([x]) => x));
      });
    }),
  );

  const threeStates = fc.array(writeArb(REPLICAS, 3), { minLength: 1, maxLength: 12 });

  property("merge is commutative: a merged with b equals b merged with a", ({ LwwMap }) =>
    // Both replicas write (the first write is east's, the second West's): a replica that only
    // relays others' writes is the associativity property's business.
    fc.property(fc.array(writeArb(REPLICAS, 3), { minLength: 2, maxLength: 12 }), (writes) => {
      const maps = replicas(LwwMap, [A, B], writes.map((w, i) => ({ ...w, replica: i === 0 ? A : i === 1 ? B : w.replica === C ? A : w.replica })));
      const a = maps.get(A)!;
      const b = maps.get(B)!;
      const [sa, sb] = [a.state(), b.state()];
      step(`${A}.merge(${B}.state()); ${B}.merge(${A}.state())  // both states taken before either merge`);
      a.merge(sb);
      b.merge(sa);
      sameState(LwwMap, `${A} after merging ${B}, against ${B} after merging ${A}`, a.state(), b.state(), { keys: KEYS, maxTs: 3 });
    }),
    { runs: 54 }, // mutants die by run 18 (max over 30 seeds); 3× margin
  );

  property("merge is associative: (a merged with b) merged with c equals a merged with (b merged with c)", ({ LwwMap }) =>
    // Few keys and timestamps, many writes and runs: an order with a cycle shows only when each
    // of the three states holds one of three close writes on the same key.
    fc.property(fc.array(writeArb(REPLICAS, 3, KEYS.slice(0, 2)), { minLength: 6, maxLength: 18 }), (writes) => {
      const maps = replicas(LwwMap, REPLICAS, writes);
      const [sa, sb, sc] = REPLICAS.map((id) => maps.get(id)!.state());
      step(`const left = new LwwMap("left"); left.merge(${A}.state()); left.merge(${B}.state()); left.merge(${C}.state())`);
      const left = new LwwMap("left");
      [sa, sb, sc].forEach((s) => left.merge(s));
      step(`const bc = new LwwMap("bc"); bc.merge(${B}.state()); bc.merge(${C}.state())`);
      const bc = new LwwMap("bc");
      bc.merge(sb);
      bc.merge(sc);
      step(`const right = new LwwMap("right"); right.merge(${A}.state()); right.merge(bc.state())`);
      const right = new LwwMap("right");
      right.merge(sa);
      right.merge(bc.state());
      sameState(LwwMap, "left against right", left.state(), right.state(), { keys: KEYS.slice(0, 2), maxTs: 3 });
    }),
    { runs: 540 }, // mutants die by run 180 (max over 100 seeds; 85 over 30); 3× margin
  );

  property("merge is idempotent: merging a state already merged changes nothing", ({ LwwMap }) =>
    fc.property(threeStates, (writes) => {
      const maps = replicas(LwwMap, REPLICAS, writes);
      const a = maps.get(A)!;
      step(`${A}.merge(${B}.state()); ${A}.merge(${C}.state())`);
      a.merge(maps.get(B)!.state());
      a.merge(maps.get(C)!.state());
      const before = a.state();
      step(`${A}.merge(${A}.state()); ${A}.merge(${B}.state())`);
      a.merge(a.state());
      a.merge(maps.get(B)!.state());
      sameState(LwwMap, `${A} merged again, against ${A} before`, a.state(), before, { keys: KEYS, maxTs: 3 });
    }),
  );

  const opArb = fc.oneof(
    writeArb(REPLICAS).map((w) => ({ op: "write" as const, w })),
    fc.record({ op: fc.constant("send" as const), from: fc.nat(2), to: fc.nat(2) }),
    fc.record({ op: fc.constant("deliver" as const), pick: fc.nat(), keep: fc.boolean() }),
  );
  type Op = typeof opArb extends fc.Arbitrary<infer O> ? O : never;
  /**
   * A relayed, older copy arriving last: a replica's write reaches a second replica, the writer
   * overwrites it, the newer write reaches a third replica directly and the older one after it,
   * relayed by the second. Random operations build this shape rarely.
   */
  const relayArb = fc
    .tuple(writeArb([REPLICAS[1]!]), writeArb([REPLICAS[1]!]), fc.array(opArb, { maxLength: 6 }))
    .map(([w1, w2, more]): Op[] => {
      const [older, newer] = beats(w2, w1) ? [w1, { ...w2, key: w1.key }] : [w2, { ...w1, key: w2.key }];
      if (!beats(newer, older)) newer.timestamp = older.timestamp + 1;
      return [
        { op: "write", w: older }, { op: "send", from: 1, to: 2 }, { op: "deliver", pick: 0, keep: false },
        { op: "write", w: newer }, { op: "send", from: 1, to: 0 }, { op: "deliver", pick: 0, keep: false },
        { op: "send", from: 2, to: 0 }, { op: "deliver", pick: 0, keep: false }, ...more,
      ];
    });

  property("replicas converge whatever the order and duplication of delivery", ({ LwwMap }) =>
    fc.property(
      fc.oneof({ weight: 3, arbitrary: fc.array(opArb, { minLength: 1, maxLength: 40 }) }, { weight: 1, arbitrary: relayArb }),
      (ops) => {
        const maps = replicas(LwwMap, REPLICAS, []);
        const all: Write[] = [];
        const known = new Map(REPLICAS.map((id) => [id, new Set<number>()]));
        const inbox: { to: string; from: string; state: State; knows: Set<number> }[] = [];
        for (const op of ops) {
          if (op.op === "write") {
            write(maps.get(op.w.replica)!, op.w.replica, op.w);
            known.get(op.w.replica)!.add(all.push(op.w) - 1);
          } else if (op.op === "send") {
            const [from, to] = [REPLICAS[op.from], REPLICAS[op.to]];
            step(`const m${inbox.length} = ${from}.state()  // in the network, for ${to}`);
            inbox.push({ to, from, state: maps.get(from)!.state(), knows: new Set(known.get(from)) });
          } else if (inbox.length > 0) {
            const i = op.pick % inbox.length;
            const message = inbox[i];
            if (!op.keep) inbox.splice(i, 1); // kept messages may be delivered again (duplicates)
            step(`${message.to}.merge(m${i})  // from ${message.from}`);
            maps.get(message.to)!.merge(message.state);
            for (const n of message.knows) known.get(message.to)!.add(n);
            checkGets(maps.get(message.to)!, message.to, all.filter((_, n) => known.get(message.to)!.has(n)));
          }
        }
        step("// finally every replica merges every other's state");
        const finals = REPLICAS.map((id) => maps.get(id)!.state());
        for (const id of REPLICAS) for (const s of finals) maps.get(id)!.merge(s);
        for (const id of REPLICAS) checkGets(maps.get(id)!, id, all);
      },
    ),
    // Broad: every rule of the map shows here too; a bug shows first under its own rule above.
    { runs: 111, broad: true }, // mutants die by run 37 (max over 30 seeds); 3× margin
  );

  property("state() survives a JSON round trip", ({ LwwMap }) =>
    fc.property(fc.array(writeArb(REPLICAS), { minLength: 1, maxLength: 15 }), (writes) => {
      const maps = replicas(LwwMap, REPLICAS, writes);
      const a = maps.get(A)!;
      step(`${A}.merge(${B}.state()); ${A}.merge(${C}.state())`);
      a.merge(maps.get(B)!.state());
      a.merge(maps.get(C)!.state());
      let text = "";
      try {
        text = JSON.stringify(a.state());
      } catch (error) {
        checkThat(`JSON.stringify(${A}.state())`, false, "a JSON text", String(error));
      }
      checkThat(`JSON.stringify(${A}.state())`, typeof text === "string", "a JSON text", text);
      step(`const copy = new LwwMap("copy"); copy.merge(JSON.parse(JSON.stringify(${A}.state())))`);
      const copy = new LwwMap("copy");
      copy.merge(JSON.parse(text));
      checkGets(copy, "copy", writes);
      sameState(LwwMap, `the round-tripped state against ${A}.state()`, JSON.parse(text), a.state());
    }),
    { runs: 5 }, // mutants die at run 1 (max over 30 seeds); 5 is the floor
  );

  property("set and delete throw RangeError for a timestamp that is not a finite number", ({ LwwMap }) =>
    fc.property(fc.constantFrom(...KEYS), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (key, ts) => {
      step(`const map = new LwwMap(${show(A)})`);
      const map = new LwwMap<number>(A);
      // Finite timestamps first (any of them, negative or fractional), so that throwing on
      // everything is not a way to pass.
      step(`map.set(${show(key)}, 1, ${ts})`);
      map.set(key, 1, ts);
      step(`map.delete(${show(key)}, ${ts})`);
      map.delete(key, ts);
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        checkThrows(`map.set(${show(key)}, 2, ${bad})`, () => map.set(key, 2, bad), RangeError);
        checkThrows(`map.delete(${show(key)}, ${bad})`, () => map.delete(key, bad), RangeError);
      }
    }),
    { runs: 5 }, // every run checks every bad timestamp
  );
});
