/**
 * Grader for 05-replication/replica-router. The model keeps each replica's health and applied
 * LSN and the index of the replica that served the last read, and answers every read by the
 * contract's scan. The contract fixes the order of reads completely, so one property compares
 * with the model exactly; the others check one rule each (writes, health, read-your-writes,
 * fallback) without depending on the rotation, so a learner sees which rule broke.
 *
 * The starting state (every replica healthy, applied LSN 0) is judged by its own property: a
 * fresh router must answer like one whose replicas were set healthy and to LSN 0 explicitly. The
 * model runs set that state explicitly first, so a wrong starting state fails only there (issue 18).
 */
import fc from "fast-check";
import { check, checkThat, command, commands, defineGrader, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/05-replication/replica-router.ts");
type Router = InstanceType<Module["ReplicaRouter"]>;

const PRIMARY = "primary";

/** The reference model: obviously right, if slow. */
class Model {
  healthy: boolean[];
  applied: number[];
  /** Index of the replica that served the previous read; -1 for none or the primary. */
  last = -1;
  constructor(readonly replicas: string[]) {
    this.healthy = replicas.map(() => true);
    this.applied = replicas.map(() => 0);
  }
  qualifies(i: number, minLsn: number | undefined): boolean {
    return this.healthy[i]! && (minLsn === undefined || this.applied[i]! >= minLsn);
  }
  anyQualifies(minLsn: number | undefined): boolean {
    return this.replicas.some((_, i) => this.qualifies(i, minLsn));
  }
  read(minLsn: number | undefined): string {
    const n = this.replicas.length;
    for (let step = 1; step <= n; step++) {
      const i = (this.last + step) % n;
      if (this.qualifies(i, minLsn)) {
        this.last = i;
        return this.replicas[i]!;
      }
    }
    this.last = -1;
    return PRIMARY;
  }
}

/** Which rule a property checks on each answer. */
type Rule = "write" | "health" | "lsn" | "fallback" | "order";
type Cmd = fc.Command<Model, Router>;

function commandsFor(replicas: string[], rule: Rule): fc.Arbitrary<Cmd>[] {
  const node = fc.integer({ min: 0, max: replicas.length - 1 });
  const lsn = fc.integer({ min: 0, max: 3 });
  const setHealthy = fc.tuple(node, fc.boolean()).map(([i, ok]): Cmd => {
    const id = replicas[i]!;
    return command(`router.setHealthy("${id}", ${ok})`, (m, r) => {
      r.setHealthy(id, ok);
      m.healthy[i] = ok;
    });
  });
  const setApplied = fc.tuple(node, lsn).map(([i, applied]): Cmd => {
    const id = replicas[i]!;
    return command(`router.setAppliedLsn("${id}", ${applied})`, (m, r) => {
      r.setAppliedLsn(id, applied);
      m.applied[i] = applied;
    });
  });
  const write = fc.constant(null).map((): Cmd =>
    command("router.routeWrite()", (_m, r) => {
      const got = r.routeWrite();
      if (rule === "write") check("router.routeWrite()", got, PRIMARY);
    }),
  );
  const read = fc.option(lsn, { nil: undefined, freq: 3 }).map((minLsn): Cmd => {
    const call = minLsn === undefined ? "router.routeRead()" : `router.routeRead({ minLsn: ${minLsn} })`;
    return command(call, (m, r) => {
      const noneQualifies = !m.anyQualifies(minLsn);
      const expected = m.read(minLsn);
      const got = r.routeRead(minLsn === undefined ? undefined : { minLsn });
      const i = replicas.indexOf(got);
      if (rule === "health" && i >= 0) {
        checkThat(call, m.healthy[i]!, `a healthy replica or "${PRIMARY}" (${got} is down)`, got);
      }
      if (rule === "lsn" && minLsn !== undefined && got !== PRIMARY) {
        const ok = i >= 0 && m.applied[i]! >= minLsn;
        const why = i >= 0 ? ` (${got} has applied only up to LSN ${m.applied[i]})` : "";
        checkThat(call, ok, `"${PRIMARY}" or a replica that has applied LSN ${minLsn} or later${why}`, got);
      }
      // The primary exactly when no replica qualifies, judged where the router chose the primary
      // (or no known node): a replica that does not qualify, served instead of the primary,
      // breaks the health or the minLsn rule and shows there (issue 18).
      if (rule === "fallback" && (got === PRIMARY || i < 0)) {
        const want = noneQualifies ? `"${PRIMARY}" (no replica qualifies)` : "a replica (one qualifies)";
        checkThat(call, got === PRIMARY && noneQualifies, want, got);
      }
      if (rule === "order") check(call, got, expected);
    });
  });
  // Reads twice as likely as each other command: the rotation is what most properties watch.
  return [setHealthy, setApplied, write, read, read];
}

function modelRun(ReplicaRouter: Module["ReplicaRouter"], rule: Rule) {
  // One arbitrary per replica count, built now (not in a `chain`): `commands()` must be called
  // while the property is made for a `--path` replay to reproduce the scenario.
  const scenario = fc.oneof(
    ...[1, 2, 3, 4].map((n) => {
      const replicas = Array.from({ length: n }, (_, i) => `r${i + 1}`);
      return fc.record({ replicas: fc.constant(replicas), cmds: commands(commandsFor(replicas, rule), { maxCommands: 30, size: "max" }) });
    }),
  );
  return fc.property(scenario, ({ replicas, cmds }) => {
    step(`const router = new ReplicaRouter("${PRIMARY}", ${list(replicas)})`);
    step(`for (const id of ${list(replicas)}) { router.setHealthy(id, true); router.setAppliedLsn(id, 0); }`);
    fc.modelRun(() => ({ model: new Model(replicas), real: setExplicitly(new ReplicaRouter(PRIMARY, replicas), replicas) }), cmds);
  });
}

const list = (ids: string[]) => JSON.stringify(ids).replaceAll(",", ", ");

/** The router with every replica set healthy and to applied LSN 0, as the contract says it starts. */
function setExplicitly(router: Router, replicas: string[]): Router {
  for (const id of replicas) {
    router.setHealthy(id, true);
    router.setAppliedLsn(id, 0);
  }
  return router;
}

/** Reads that tell the starting state apart: plain ones (health) and minLsn 0 and 1 (the LSN). */
const STARTING_READS: (number | undefined)[] = [undefined, 1, 0, undefined, 1, 0, undefined, undefined];

/**
 * A fresh router answers every read as one whose replicas were set healthy and to LSN 0. Judged
 * against the learner's own router, not the model, so a bug in the read rules (which fails both
 * routers alike) does not show here.
 */
function startingState(ReplicaRouter: Module["ReplicaRouter"]) {
  return fc.property(fc.integer({ min: 1, max: 3 }), (n) => {
    const replicas = Array.from({ length: n }, (_, i) => `r${i + 1}`);
    step(`const fresh = new ReplicaRouter("${PRIMARY}", ${list(replicas)})`);
    const fresh = new ReplicaRouter(PRIMARY, replicas);
    step(`const set = new ReplicaRouter("${PRIMARY}", ${list(replicas)})`);
    step(`for (const id of ${list(replicas)}) { set.setHealthy(id, true); set.setAppliedLsn(id, 0); }`);
    const set = setExplicitly(new ReplicaRouter(PRIMARY, replicas), replicas);
    for (const minLsn of STARTING_READS) {
      const args = minLsn === undefined ? "" : `{ minLsn: ${minLsn} }`;
      step(`fresh.routeRead(${args}); set.routeRead(${args})`);
      const options = minLsn === undefined ? undefined : { minLsn };
      const got = fresh.routeRead(options);
      const want = set.routeRead(options);
      checkThat(`fresh.routeRead(${args})`, got === want, `${JSON.stringify(want)}, as set.routeRead(${args}) answered (every replica starts healthy, with applied LSN 0)`, got);
    }
  });
}

export default defineGrader<Module>("05-replication/replica-router", (property) => {
  property("every write goes to the primary", ({ ReplicaRouter }) => modelRun(ReplicaRouter, "write"));

  property("a read never goes to a replica that is down", ({ ReplicaRouter }) => modelRun(ReplicaRouter, "health"));

  property("a read with minLsn goes only to a replica that has applied that LSN, or to the primary", ({ ReplicaRouter }) =>
    modelRun(ReplicaRouter, "lsn"),
  );

  property("a read goes to the primary exactly when no replica qualifies", ({ ReplicaRouter }) =>
    modelRun(ReplicaRouter, "fallback"),
  );

  property("a read goes to the next qualifying replica after the one that served the previous read", ({ ReplicaRouter }) =>
    modelRun(ReplicaRouter, "order"),
  );

  property("every replica starts healthy, with applied LSN 0", ({ ReplicaRouter }) => startingState(ReplicaRouter), { runs: 6 });
});
