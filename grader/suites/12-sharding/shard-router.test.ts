/**
 * Grader for 12-sharding/shard-router. Modulo is fixed by the contract, so it is compared with
 * an exact model. The ring's hash is free, so ring properties compare the router with itself
 * before and after a pin or an unpin. Scenarios never re-pin a pinned user: the contract leaves
 * that case to the design.
 */
import fc from "fast-check";
import { check, checkThat, checkThrows, defineGrader, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/12-sharding/shard-router.ts");
type Router = InstanceType<Module["ShardRouter"]>;
type Strategy = "modulo" | "ring";

const shardsArb = (min: number, max: number) =>
  fc.uniqueArray(fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"), minLength: 1, maxLength: 5 }), { minLength: min, maxLength: max });
/** Small ids, to hit pinned users, and large safe ones, to catch overflow. */
const userIdArb = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
/** Not shrunk: a failure already names the one user that moved, and shrinking 40 ids one by one
 *  (each attempt rebuilding rings of 160 points per shard) costs minutes. */
const usersArb = fc.noShrink(fc.uniqueArray(userIdArb, { minLength: 40, maxLength: 40 }));

/** The contract for modulo, plainly. */
class Model {
  pins = new Map<number, string>();
  constructor(readonly shards: string[]) {}
  shared(): string[] {
    const dedicated = new Set(this.pins.values());
    return this.shards.filter((s) => !dedicated.has(s));
  }
  shardFor(id: number): string {
    return this.pins.get(id) ?? this.shared()[id % this.shared().length];
  }
}

function create(ShardRouter: Module["ShardRouter"], shards: string[], strategy: Strategy): Router {
  step(`const router = new ShardRouter(${JSON.stringify(shards)}, { strategy: "${strategy}" })`);
  return new ShardRouter(shards, { strategy });
}

function pin(router: Router, user: number, shard: string): void {
  step(`router.pin(${user}, ${JSON.stringify(shard)})`);
  router.pin(user, shard);
}

function unpin(router: Router, user: number): void {
  step(`router.unpin(${user})`);
  router.unpin(user);
}

/** Pins users 1000, 1001, … to the first `count` shards of `shards` (a permutation of them). */
function pinFirst(router: Router, model: Model | null, shards: string[], count: number): void {
  shards.slice(0, count).forEach((shard, i) => {
    pin(router, 1000 + i, shard);
    model?.pins.set(1000 + i, shard);
  });
}

function checkModulo(router: Router, model: Model, users: number[]): void {
  for (const id of users) check(`router.shardFor(${id})`, router.shardFor(id), model.shardFor(id));
}

const mapOf = (router: Router, users: number[]) => users.map((id) => router.shardFor(id));

/** A router with `pinned` shards dedicated, a shard `target` still shared, and users not pinned. */
const ringSetup = fc
  .tuple(shardsArb(2, 6), fc.nat(), fc.nat(), usersArb)
  .map(([shards, a, b, users]) => {
    const target = a % (shards.length - 1); // never the last shard, so some shard follows it
    const others = shards.filter((_, i) => i !== target);
    const pinned = others.slice(0, b % others.length); // leaves at least one other shard shared
    return { shards, target: shards[target], pinned, users };
  });

export default defineGrader<Module>("12-sharding/shard-router", (property) => {
  property("modulo sends a user to userId % n over the shared shards in constructor order", ({ ShardRouter }) =>
    fc.property(
      shardsArb(2, 6),
      fc.nat(),
      fc.array(fc.oneof(fc.record({ op: fc.constant("pin" as const), user: fc.integer({ min: 0, max: 30 }), shard: fc.nat() }), fc.record({ op: fc.constant("unpin" as const), user: fc.integer({ min: 0, max: 30 }) })), { maxLength: 12 }),
      usersArb,
      (shards, count, ops, users) => {
        const router = create(ShardRouter, shards, "modulo");
        const model = new Model(shards);
        pinFirst(router, model, [...shards].reverse(), 1 + (count % (shards.length - 1)));
        checkModulo(router, model, users);
        for (const op of ops) {
          if (op.op === "unpin") {
            unpin(router, op.user);
            model.pins.delete(op.user);
          } else {
            const shard = shards[op.shard % shards.length];
            const taken = [...model.pins.values()].includes(shard);
            if (model.pins.has(op.user) || taken || model.shared().length === 1) continue;
            pin(router, op.user, shard);
            model.pins.set(op.user, shard);
          }
          checkModulo(router, model, users.slice(0, 10));
        }
      },
    ),
    { runs: 5 }, // mutants die at run 1 (max over 30 seeds); 5 is the floor
  );

  property("a pinned user goes to its dedicated shard and no other user does", ({ ShardRouter }) =>
    fc.property(shardsArb(2, 6), fc.nat(), usersArb, (shards, count, users) => {
      const pinned = shards.slice(0, 1 + (count % (shards.length - 1)));
      for (const strategy of ["modulo", "ring"] as const) {
        const router = create(ShardRouter, shards, strategy);
        pinFirst(router, null, pinned, pinned.length);
        pinned.forEach((shard, i) => check(`router.shardFor(${1000 + i})`, router.shardFor(1000 + i), shard));
        for (const id of users) {
          if (id >= 1000 && id < 1000 + pinned.length) continue;
          const shard = router.shardFor(id);
          checkThat(`router.shardFor(${id})`, shards.includes(shard) && !pinned.includes(shard), `a shared shard, one of ${JSON.stringify(shards.filter((s) => !pinned.includes(s)))}`, shard);
        }
      }
    }),
    { runs: 5 }, // mutants die at run 1 (max over 30 seeds); 5 is the floor
  );

  property("pinning a shard that is dedicated to another user throws", ({ ShardRouter }) =>
    fc.property(shardsArb(2, 6), fc.constantFrom<Strategy>("modulo", "ring"), fc.nat(), (shards, strategy, pick) => {
      const shard = shards[pick % shards.length];
      const router = create(ShardRouter, shards, strategy);
      pin(router, 7, shard);
      const before = router.shardFor(8);
      step(`router.pin(8, ${JSON.stringify(shard)})`);
      checkThrows(`router.pin(8, ${JSON.stringify(shard)})`, () => router.pin(8, shard), Error);
      // The refused pin changes nothing (where the other users may go is another rule's business).
      check("router.shardFor(7)", router.shardFor(7), shard);
      check(`router.shardFor(8) (before the refused pin: ${JSON.stringify(before)})`, router.shardFor(8), before);
    }),
    { runs: 6 }, // mutants die by run 2 (max over 30 seeds); 3× margin
  );

  property("pinning the last shared shard throws", ({ ShardRouter }) =>
    fc.property(shardsArb(1, 5), fc.constantFrom<Strategy>("modulo", "ring"), usersArb, (shards, strategy, users) => {
      const router = create(ShardRouter, shards, strategy);
      pinFirst(router, null, shards, shards.length - 1);
      const last = shards[shards.length - 1];
      const free = users.filter((u) => u < 1000);
      const before = mapOf(router, free);
      step(`router.pin(7, ${JSON.stringify(last)})`);
      checkThrows(`router.pin(7, ${JSON.stringify(last)})`, () => router.pin(7, last), Error);
      // The refused pin changes nothing (that users go only to shared shards is another rule).
      free.forEach((id, i) => check(`router.shardFor(${id}) (before the refused pin: ${JSON.stringify(before[i])})`, router.shardFor(id), before[i]));
    }),
    { runs: 5 }, // mutants die at run 1 (max over 30 seeds); 5 is the floor
  );

  property("unpinning gives the shard back to the shared pool", ({ ShardRouter }) =>
    fc.property(shardsArb(2, 6), fc.nat(), fc.nat(), usersArb, (shards, count, pick, users) => {
      const router = create(ShardRouter, shards, "modulo");
      const model = new Model(shards);
      const pinnedCount = 1 + (count % (shards.length - 1));
      pinFirst(router, model, shards, pinnedCount);
      const user = 1000 + (pick % pinnedCount);
      unpin(router, user);
      model.pins.delete(user);
      checkModulo(router, model, [user, ...users]);
    }),
  );

  property("user ids that are not non-negative safe integers throw RangeError", ({ ShardRouter }) =>
    fc.property(
      shardsArb(1, 4),
      fc.constantFrom<Strategy>("modulo", "ring"),
      fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 2 ** 53, 2 ** 60, -(2 ** 53))),
      (shards, strategy, bad) => {
        const router = create(ShardRouter, shards, strategy);
        for (const id of [-1, bad]) {
          step(`router.shardFor(${id})`);
          checkThrows(`router.shardFor(${id})`, () => router.shardFor(id), RangeError);
        }
      },
    ),
    { runs: 5 }, // mutants die at run 1 (max over 30 seeds); 5 is the floor
  );

  property("with the ring, pinning a shard moves only the users that were on it", ({ ShardRouter }) =>
    fc.property(ringSetup, ({ shards, target, pinned, users }) => {
      const router = create(ShardRouter, shards, "ring");
      pinFirst(router, null, pinned, pinned.length);
      const free = users.filter((u) => (u < 1000 || u >= 1000 + pinned.length) && u !== 7_000_000);
      const before = mapOf(router, free);
      pin(router, 7_000_000, target);
      const after = mapOf(router, free);
      free.forEach((id, i) => {
        // Only the users elsewhere are checked: that none stays on the pinned shard is the rule
        // of "a pinned user goes to its dedicated shard and no other user does".
        const ok = before[i] === target || after[i] === before[i];
        checkThat(`router.shardFor(${id}) (was ${JSON.stringify(before[i])})`, ok, `${JSON.stringify(before[i])} still: only users of ${JSON.stringify(target)} move`, after[i]);
      });
    }),
    { runs: 30 }, // mutants die by run 10 (max over 30 seeds); 3× margin
  );

  property("with the ring, unpinning a shard moves users only onto it", ({ ShardRouter }) =>
    fc.property(ringSetup, ({ shards, target, pinned, users }) => {
      const router = create(ShardRouter, shards, "ring");
      pinFirst(router, null, pinned, pinned.length);
      pin(router, 7_000_000, target);
      const free = users.filter((u) => (u < 1000 || u >= 1000 + pinned.length) && u !== 7_000_000);
      const before = mapOf(router, free);
      unpin(router, 7_000_000);
      const after = mapOf(router, free);
      free.forEach((id, i) => {
        const ok = after[i] === before[i] || after[i] === target;
        checkThat(`router.shardFor(${id}) (was ${JSON.stringify(before[i])})`, ok, `${JSON.stringify(before[i])} or the returned shard ${JSON.stringify(target)}`, after[i]);
      });
    }),
    { runs: 30 }, // mutants die by run 10 (max over 30 seeds); 3× margin
  );

  property("an empty or repeated shard list, or an unknown strategy, throws RangeError", ({ ShardRouter }) =>
    fc.property(shardsArb(1, 4), fc.constantFrom<Strategy>("modulo", "ring"), (shards, strategy) => {
      create(ShardRouter, shards, strategy); // good arguments first: throwing on everything does not pass
      const bad: [string[], string][] = [[[], strategy], [[...shards, shards[0]], strategy], [shards, "hash"], [shards, "Modulo"]];
      for (const [list, s] of bad) {
        const call = `new ShardRouter(${JSON.stringify(list)}, { strategy: ${JSON.stringify(s)} })`;
        checkThrows(call, () => new ShardRouter(list, { strategy: s as Strategy }), RangeError);
      }
    }),
    { runs: 5 }, // every run checks every bad case
  );

  property("pin throws RangeError for an unknown shard or a bad user id", ({ ShardRouter }) =>
    fc.property(shardsArb(2, 4), fc.constantFrom<Strategy>("modulo", "ring"), (shards, strategy) => {
      const router = create(ShardRouter, shards, strategy);
      pin(router, 1, shards[0]); // a good pin first: throwing on everything does not pass
      const bad: [number, string][] = [[2, "no-such-shard"], [2, shards[0].toUpperCase() + "!"], [-1, shards[1]], [1.5, shards[1]], [Number.NaN, shards[1]]];
      for (const [user, shard] of bad) {
        checkThrows(`router.pin(${user}, ${JSON.stringify(shard)})`, () => router.pin(user, shard), RangeError);
      }
    }),
    { runs: 5 }, // every run checks every bad case
  );
});
