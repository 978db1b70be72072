/**
 * Grader for 04-load-balancer/load-balancer. Round-robin, smooth weighted round-robin and
 * least-connections have fixed tie-breaks, so a model replays the same operations and every
 * pick must match it. IP hash leaves the hash free, so its properties are invariants only
 * (stickiness, minimal movement, spread) that rendezvous and consistent hashing both satisfy.
 *
 * The starting state (every backend healthy) is judged by its own property: a fresh balancer must
 * pick like one whose backends were all marked up explicitly. The other properties that pick mark
 * every backend up first, so a wrong starting state fails only there (issue 18).
 */
import fc from "fast-check";
import { check, checkThat, checkThrows, command, commands, defineGrader, show, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/04-load-balancer/load-balancer.ts");
type Balancer = InstanceType<Module["LoadBalancer"]>;
type Strategy = ConstructorParameters<Module["LoadBalancer"]>[1];
type Backend = { id: string; weight?: number };

/** The contract for the three deterministic strategies; for ip-hash it only tracks counts and health. */
class Model {
  up: boolean[];
  open: number[];
  current: number[];
  last = -1;
  constructor(readonly backends: Backend[], readonly strategy: Strategy) {
    this.up = backends.map(() => true);
    this.open = backends.map(() => 0);
    this.current = backends.map(() => 0);
  }
  index(id: string): number {
    return this.backends.findIndex((b) => b.id === id);
  }
  healthy(): number[] {
    return this.backends.map((_, i) => i).filter((i) => this.up[i]);
  }
  /** The index the contract picks, or -1 when none is healthy (ip-hash: not predicted). */
  pick(): number {
    const healthy = this.healthy();
    if (healthy.length === 0) return -1;
    const n = this.backends.length;
    let chosen = healthy[0];
    if (this.strategy === "round-robin") {
      for (let s = 1; s <= n; s++) if (this.up[(this.last + s) % n]) { chosen = (this.last + s) % n; break; }
      this.last = chosen;
    } else if (this.strategy === "weighted-round-robin") {
      let total = 0;
      for (const i of healthy) {
        const w = this.backends[i].weight ?? 1;
        this.current[i] += w;
        total += w;
        if (this.current[i] > this.current[chosen]) chosen = i;
      }
      this.current[chosen] -= total;
    } else if (this.strategy === "least-connections") {
      for (const i of healthy) if (this.open[i] < this.open[chosen]) chosen = i;
    }
    return chosen;
  }
}

const IDS = ["a", "b", "c", "d", "e"];
const STRATEGIES: Strategy[] = ["round-robin", "weighted-round-robin", "least-connections", "ip-hash"];
const backendsArb = (weighted: boolean) =>
  fc.array(weighted ? fc.integer({ min: 1, max: 5 }) : fc.constant(1), { minLength: 1, maxLength: 5 })
    .map((ws) => ws.map((weight, i): Backend => (weighted ? { id: IDS[i], weight } : { id: IDS[i] })));
const CLIENTS = ["203.0.113.7", "198.51.100.23", "192.0.2.200", "203.0.113.99", "198.51.100.4"];

type Cmd = fc.Command<Model, Balancer>;
function checkActive(m: Model, lb: Balancer): void {
  const what = `[${m.backends.map((b) => `lb.active(${show(b.id)})`).join(", ")}]`;
  check(what, m.backends.map((b) => lb.active(b.id)), m.open);
}

/**
 * What a model run judges, so that each property fails only for its own rule (issue 18):
 * "picks": every pick equals the model's; "healthy": every pick is a healthy backend and, with
 * none healthy, pick throws NoHealthyBackendError; "counts": lb.active() after every step.
 * Only "healthy" picks while no backend is healthy.
 */
type Judged = "picks" | "healthy" | "counts";

/** pick / release / markDown / markUp on both the learner's balancer and the model. */
function commandsFor(mod: Module, backends: Backend[], strategy: Strategy, judged: Judged): fc.Arbitrary<Cmd>[] {
  const ip = strategy === "ip-hash" ? fc.constantFrom(...CLIENTS) : fc.constant(undefined);
  const pickCmd = ip.map((clientIp): Cmd => {
    const what = clientIp === undefined ? "lb.pick()" : `lb.pick(${show(clientIp)})`;
    return command(what, (m, lb) => {
      const expected = m.pick();
      const healthyIds = m.healthy().map((i) => m.backends[i].id);
      if (healthyIds.length === 0) return checkThrows(what, () => lb.pick(clientIp), mod.NoHealthyBackendError);
      const got = lb.pick(clientIp);
      if (judged === "picks") check(what, got, m.backends[expected].id);
      if (judged === "healthy") checkThat(what, healthyIds.includes(got), `one of the healthy backends ${show(healthyIds)}`, got);
      if (m.index(got) >= 0) m.open[m.index(got)] += 1;
      if (judged === "counts") checkActive(m, lb);
    }, (m) => judged === "healthy" || m.healthy().length > 0);
  });
  const id = fc.constantFrom(...backends.map((b) => b.id));
  const onId = (method: "release" | "markDown" | "markUp", apply: (m: Model, i: number) => void) =>
    id.map((target): Cmd =>
      command(`lb.${method}(${show(target)})`, (m, lb) => {
        lb[method](target);
        apply(m, m.index(target));
        if (judged === "counts") checkActive(m, lb);
      }));
  return [
    pickCmd,
    pickCmd,
    onId("release", (m, i) => void (m.open[i] = Math.max(0, m.open[i] - 1))),
    onId("markDown", (m, i) => void (m.up[i] = false)),
    onId("markUp", (m, i) => void (m.up[i] = true)),
  ];
}

/**
 * Every backend marked up, as the contract says a balancer starts: the properties that pick set
 * that state explicitly, so that a wrong starting state fails only its own property.
 */
function markAllUp(lb: Balancer, backends: Backend[], name = "lb"): Balancer {
  step(`for (const id of ${show(backends.map((b) => b.id))}) ${name}.markUp(id)`);
  for (const b of backends) lb.markUp(b.id);
  return lb;
}

/** A random interleaving of operations from construction (every backend up), compared with the model. */
function modelRun(mod: Module, strategies: Strategy[], weighted: boolean, judged: Judged, after?: () => void) {
  const scenario = fc.tuple(fc.constantFrom(...strategies), backendsArb(weighted)).chain(([strategy, backends]) =>
    fc.tuple(fc.constant(strategy), fc.constant(backends), commands(commandsFor(mod, backends, strategy, judged), { maxCommands: 40 })));
  return fc.property(scenario, ([strategy, backends, cmds]) => {
    step(`const lb = new LoadBalancer(${show(backends)}, ${show(strategy)})`);
    const lb = markAllUp(new mod.LoadBalancer(backends, strategy), backends);
    fc.modelRun(() => ({ model: new Model(backends, strategy), real: lb }), cmds);
    after?.();
  });
}

/**
 * A fixed weighted script through downs, ups and repeated marks, run after every random one:
 * bugs in how a down backend's current weight is kept (it gains while down, is reset, or counts
 * in the total) need a down spell during uneven weights, which random runs reach only sometimes.
 */
const WEIGHTED_SCRIPT: ([op: "pick"] | [op: "markDown" | "markUp", id: string])[] = [
  ["pick"], ["pick"], ["markDown", "a"], ["pick"], ["pick"], ["pick"], ["pick"], ["markUp", "a"],
  ["pick"], ["pick"], ["pick"], ["markUp", "a"], ["pick"], ["pick"], ["pick"], ["markDown", "c"],
  ["markDown", "c"], ["pick"], ["pick"], ["pick"], ["markUp", "c"], ["pick"], ["pick"], ["pick"], ["pick"], ["pick"], ["pick"],
];
function weightedScript(mod: Module): void {
  const backends: Backend[] = [{ id: "a", weight: 3 }, { id: "b", weight: 2 }, { id: "c", weight: 1 }];
  step(`// then, a fixed script: const lb = new LoadBalancer(${show(backends)}, "weighted-round-robin")`);
  const lb = markAllUp(new mod.LoadBalancer(backends, "weighted-round-robin"), backends);
  const model = new Model(backends, "weighted-round-robin");
  for (const [op, id] of WEIGHTED_SCRIPT) {
    if (op === "pick") {
      step("lb.pick()");
      check("lb.pick()", lb.pick(), model.backends[model.pick()]!.id);
    } else {
      step(`lb.${op}(${show(id)})`);
      lb[op](id!);
      model.up[model.index(id!)] = op === "markUp";
    }
  }
}

/** Deterministic pseudo-random client IPs (mulberry32), so 10 000 of them cost no shrinking. */
function randomIps(seed: number, count: number): string[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % 256;
  };
  return Array.from({ length: count }, () => `${next()}.${next()}.${next()}.${next()}`);
}

/** 2–10 backends named like private IPs, different in every run. */
const privateIds = fc.uniqueArray(fc.tuple(fc.nat(255), fc.integer({ min: 1, max: 254 })), { minLength: 2, maxLength: 10, selector: ([x, y]) => `${x}.${y}` })
  .map((pairs) => pairs.map(([x, y]) => `10.0.${x}.${y}`));

function ipHash(mod: Module, ids: string[], allUp = true): Balancer {
  const backends = ids.map((id) => ({ id }));
  step(`const lb = new LoadBalancer(${show(backends)}, "ip-hash")`);
  const lb = new mod.LoadBalancer(backends, "ip-hash");
  return allUp ? markAllUp(lb, backends) : lb;
}

/** A pick's outcome: the backend's id, or the name of what it threw (a wrong start may leave none healthy). */
function outcome(pick: () => string): string {
  try {
    return pick();
  } catch (error) {
    return `throws ${(error as { name?: string } | null)?.name ?? String(error)}`;
  }
}

/**
 * A fresh balancer picks like one whose backends were all marked up explicitly, under every
 * strategy. Judged against the learner's own second balancer, not the model, so a bug in a
 * strategy (which both balancers share) does not show here. Enough picks that every backend is
 * picked at least once from a healthy start (sum of weights + 1; 50 clients for ip-hash).
 */
function startsHealthy(mod: Module): void {
  const weights = [3, 1, 2, 1];
  for (const n of [1, 2, 3, 4]) {
    const backends = IDS.slice(0, n).map((id, i) => ({ id, weight: weights[i] }));
    const total = weights.slice(0, n).reduce((x, y) => x + y, 0);
    for (const strategy of STRATEGIES) {
      step(`const fresh = new LoadBalancer(${show(backends)}, ${show(strategy)})`);
      const fresh = new mod.LoadBalancer(backends, strategy);
      step(`const set = new LoadBalancer(${show(backends)}, ${show(strategy)})`);
      const set = markAllUp(new mod.LoadBalancer(backends, strategy), backends, "set");
      const clients: (string | undefined)[] = strategy === "ip-hash" ? randomIps(n, 50) : Array.from({ length: total + 1 }, () => undefined);
      const call = strategy === "ip-hash" ? "pick(ip) for 50 random clients" : `pick() ${clients.length} times`;
      step(`fresh.${call}; set.${call}`);
      const got = clients.map((ip) => outcome(() => fresh.pick(ip)));
      const want = clients.map((ip) => outcome(() => set.pick(ip)));
      checkThat(`fresh.${call}`, JSON.stringify(got) === JSON.stringify(want), `${show(want)}, as set answered (every backend is healthy at first)`, got);
    }
  }
}

/** Hashing designs differ a lot in speed (a consistent-hash ring of MD5 points is ~10× slower). */
const IP_HASH = { runs: 9, timeoutMs: 60_000 }; // mutants die by run 3 (max over 30 seeds); 3× margin

export default defineGrader<Module>("04-load-balancer/load-balancer", (property) => {
  property("round-robin picks the next healthy backend after the last pick, in list order", (mod) =>
    modelRun(mod, ["round-robin"], false, "picks"),
    { runs: 438 }, // mutants die by run 146 (max over 30 seeds; at 100 runs one survived); 3× margin
  );

  // Before the 5, 1, 1 example: a bug in the counts fails both, and the counts name it better.
  property("every block of sum-of-weights picks chooses each backend exactly weight times", (mod) =>
    fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }).filter((ws) => ws.some((w) => w > 1)), (ws) => {
      const backends = ws.map((weight, i) => ({ id: IDS[i], weight }));
      step(`const lb = new LoadBalancer(${show(backends)}, "weighted-round-robin")`);
      const lb = markAllUp(new mod.LoadBalancer(backends, "weighted-round-robin"), backends);
      const total = ws.reduce((x, y) => x + y, 0);
      for (let block = 1; block <= 3; block++) {
        const counts = Object.fromEntries(backends.map((b) => [b.id, 0]));
        for (let i = 0; i < total; i++) counts[lb.pick()] += 1;
        check(`how often each backend is picked in picks ${(block - 1) * total + 1}–${block * total}`, counts, Object.fromEntries(backends.map((b) => [b.id, b.weight])));
      }
    }));

  property("weights 5, 1, 1 give the smooth sequence a a b a c a a", (mod) =>
    fc.property(fc.integer({ min: 1, max: 3 }), (blocks) => {
      const backends = [{ id: "a", weight: 5 }, { id: "b", weight: 1 }, { id: "c", weight: 1 }];
      step(`const lb = new LoadBalancer(${show(backends)}, "weighted-round-robin")`);
      const lb = markAllUp(new mod.LoadBalancer(backends, "weighted-round-robin"), backends);
      const picks = Array.from({ length: 7 * blocks }, () => lb.pick());
      check(`${7 * blocks} × lb.pick()`, picks, Array.from({ length: blocks }, () => ["a", "a", "b", "a", "c", "a", "a"]).flat());
    }));

  property("weighted round-robin follows nginx's smooth algorithm through downs and ups", (mod) =>
    modelRun(mod, ["weighted-round-robin"], true, "picks", () => weightedScript(mod)),
    { runs: 144 }, // mutants die by run 48 (max over 30 seeds); 3× margin
  );

  property("least-connections picks the backend with the fewest open connections, ties to the earlier one", (mod) =>
    modelRun(mod, ["least-connections"], false, "picks"));

  property("pick counts an open connection and release never takes it below zero", (mod) =>
    modelRun(mod, ["round-robin", "weighted-round-robin", "least-connections", "ip-hash"], true, "counts"));

  property("a down backend is never picked, and with none healthy pick throws NoHealthyBackendError", (mod) =>
    modelRun(mod, ["round-robin", "weighted-round-robin", "least-connections", "ip-hash", "ip-hash"], true, "healthy"),
    { runs: 408 }, // mutants die by run 136 (max over 30 seeds; at 100 runs one survived); 3× margin
  );

  property("pick() without a client IP under ip-hash throws a TypeError", (mod) =>
    fc.property(privateIds, (ids) => {
      const lb = ipHash(mod, ids, false); // no pick succeeds, so the starting state does not matter
      checkThrows("lb.pick()", () => lb.pick(), TypeError);
    }));

  property("ip-hash keeps a client on its backend while the healthy set is unchanged", (mod) =>
    fc.property(privateIds, fc.integer(), fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 4 }), (ids, seed, changes) => {
      const lb = ipHash(mod, ids);
      const clients = randomIps(seed, 50);
      const up = new Set(ids);
      // Between health changes every client must get the same backend on every pick.
      for (const [goesDown, k] of [[false, 0] as [boolean, number], ...changes]) {
        const id = ids[k % ids.length];
        if (goesDown && up.size > 1) {
          step(`lb.markDown(${show(id)})`);
          lb.markDown(id);
          up.delete(id);
        } else if (!goesDown && !up.has(id)) {
          step(`lb.markUp(${show(id)})`);
          lb.markUp(id);
          up.add(id);
        }
        step(`lb.pick(ip) for each of ${clients.length} random clients, then lb.release(it)`);
        const first = clients.map((ip) => lb.pick(ip));
        first.forEach((got) => lb.release(got));
        step(`lb.pick(ip) again for each client`);
        const moved = clients.map((ip, i) => ({ ip, first: first[i], again: lb.pick(ip) })).filter((c) => c.again !== c.first);
        checkThat("clients whose second pick differs from their first", moved.length === 0, "none: no backend changed state in between", moved.slice(0, 3));
      }
    }), IP_HASH);

  property("when a backend goes down under ip-hash only its clients move", (mod) =>
    fc.property(privateIds, fc.integer(), fc.nat(), (ids, seed, which) => {
      const lb = ipHash(mod, ids);
      const clients = randomIps(seed, 200);
      step(`lb.pick(ip) for each of ${clients.length} random clients`);
      const before = clients.map((ip) => lb.pick(ip));
      const down = before[which % before.length];
      step(`lb.markDown(${show(down)})`);
      lb.markDown(down);
      step(`lb.pick(ip) again for each client`);
      const after = clients.map((ip) => lb.pick(ip));
      const wrong = clients.map((ip, i) => ({ ip, before: before[i], after: after[i] }))
        .filter((c) => (c.before === down ? c.after === down : c.after !== c.before));
      checkThat("clients that moved although their backend stayed up (or stayed on the down one)", wrong.length === 0, "none", wrong.slice(0, 3));
    }), IP_HASH);

  property("ip-hash spreads 10 000 random clients within ±35% of the mean", (mod) =>
    fc.property(privateIds, fc.integer(), (ids, seed) => {
      const lb = ipHash(mod, ids);
      const counts = Object.fromEntries(ids.map((id) => [id, 0]));
      for (const ip of randomIps(seed, 10_000)) counts[lb.pick(ip)] += 1;
      step(`lb.pick(ip) for 10 000 random client IPs`);
      const mean = 10_000 / ids.length;
      const ok = Object.values(counts).every((c) => Math.abs(c - mean) <= 0.35 * mean);
      checkThat("clients per backend", ok, `each within ${Math.ceil(0.65 * mean)}–${Math.floor(1.35 * mean)} (mean ${mean.toFixed(0)} ± 35%)`, counts);
    }), { runs: 5, timeoutMs: 60_000 }); // mutants die at run 1 (max over 30 seeds); 5 is the floor

  property("a duplicate id or a weight that is not a positive integer throws RangeError", ({ LoadBalancer }) =>
    fc.property(fc.constantFrom<Strategy>("round-robin", "weighted-round-robin", "least-connections", "ip-hash"), backendsArb(true), (strategy, good) => {
      // Good backends first (weights 1–5, and one without a weight), so that throwing on
      // everything is not a way to pass.
      const valid = [...good, { id: "z" }];
      step(`new LoadBalancer(${show(valid)}, ${show(strategy)})`);
      new LoadBalancer(valid, strategy);
      const bad: Backend[][] = [
        [...good, { id: good[0].id }],
        ...[0, -1, 1.5, Number.NaN].map((weight) => [...good, { id: "z", weight }]),
      ];
      for (const backends of bad) {
        checkThrows(`new LoadBalancer(${show(backends)}, ${show(strategy)})`, () => new LoadBalancer(backends, strategy), RangeError);
      }
    }),
    { runs: 5 }, // every run checks every bad case
  );

  property("an unknown id throws RangeError in release, markDown, markUp and active", ({ LoadBalancer }) =>
    // Fixed shape: every strategy, every method, an id never given and one that differs only in
    // case. The known ids are called first, so that throwing on every id is not a way to pass.
    fc.property(fc.constant(null), () => {
      for (const strategy of STRATEGIES) {
        step(`const lb = new LoadBalancer([{ id: "a" }, { id: "b" }], ${show(strategy)})`);
        const lb = new LoadBalancer([{ id: "a" }, { id: "b" }], strategy);
        step(`lb.markDown("a"); lb.markUp("a"); lb.active("a"); lb.release("a")`);
        lb.markDown("a");
        lb.markUp("a");
        lb.active("a");
        lb.release("a");
        for (const unknown of ["z", "A"]) {
          checkThrows(`lb.release(${show(unknown)})`, () => lb.release(unknown), RangeError);
          checkThrows(`lb.markDown(${show(unknown)})`, () => lb.markDown(unknown), RangeError);
          checkThrows(`lb.markUp(${show(unknown)})`, () => lb.markUp(unknown), RangeError);
          checkThrows(`lb.active(${show(unknown)})`, () => lb.active(unknown), RangeError);
        }
      }
    }),
    { runs: 1 }, // deterministic
  );

  property("every backend is healthy at first", (mod) => fc.property(fc.constant(null), () => startsHealthy(mod)), { runs: 1 }); // deterministic
});
