/**
 * Grader for 05-replication/replication-cluster. Every property plays a random scenario (write,
 * replicate, crash, restart, failover on 2–4 nodes) against the learner's cluster and an exact
 * model that also keeps each entry's epoch, and checks one rule after each command. The contract
 * is deterministic, so the last property compares everything with the model; the others check one
 * promise each, so that a learner sees which one broke.
 */
import fc from "fast-check";
import { check, checkThat, command, commands, defineGrader, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/05-replication/replication-cluster.ts");
type Cluster = InstanceType<Module["ReplicationCluster"]>;

type Entry = { value: string; epoch: number };
/** A command's outcome: what it returned, or the name of the contract error it threw. */
type Outcome = { returns: unknown } | { throws: string };
const ERRORS = ["NotEnoughReplicasError", "NoPrimaryError", "NoCandidateError"];

/** The reference model: obviously right, if slow. */
class Model {
  logs = new Map<string, Entry[]>();
  up = new Set<string>();
  primary: string;
  epoch = 1;
  /** Bookkeeping of the learner's cluster: the writes it acknowledged, and how many values were made. */
  acked: { lsn: number; value: string }[] = [];
  made = 0;
  /** Nodes whose last restart left a log that is not a prefix of the primary's: the rejoin rule's failure. */
  rejoinedWrong = new Set<string>();
  constructor(readonly ids: string[], readonly k: number) {
    for (const id of ids) (this.logs.set(id, []), this.up.add(id));
    this.primary = ids[0]!;
  }
  log(id: string): Entry[] {
    return this.logs.get(id)!;
  }
  values(id: string): string[] {
    return this.log(id).map((e) => e.value);
  }
  write(value: string): Outcome {
    if (!this.up.has(this.primary)) return { throws: "NoPrimaryError" };
    const targets = this.ids.filter((id) => id !== this.primary && this.up.has(id));
    if (targets.length < this.k) return { throws: "NotEnoughReplicasError" };
    this.log(this.primary).push({ value, epoch: this.epoch });
    for (const id of targets.slice(0, this.k)) this.logs.set(id, [...this.log(this.primary)]);
    return { returns: this.log(this.primary).length };
  }
  replicate(id: string): void {
    if (id !== this.primary && this.up.has(id) && this.up.has(this.primary)) this.logs.set(id, [...this.log(this.primary)]);
  }
  restart(id: string): void {
    if (this.up.has(id)) return;
    this.up.add(id);
    if (id === this.primary) return;
    const mine = this.log(id);
    const theirs = this.log(this.primary);
    let keep = 0;
    while (keep < Math.min(mine.length, theirs.length) && mine[keep]!.epoch === theirs[keep]!.epoch) keep++;
    this.logs.set(id, mine.slice(0, keep));
  }
  failover(): Outcome {
    if (this.up.has(this.primary)) return { returns: this.primary };
    let best: string | undefined;
    for (const id of this.ids.filter((id) => this.up.has(id))) if (best === undefined || this.log(id).length > this.log(best).length) best = id;
    if (best === undefined) return { throws: "NoCandidateError" };
    this.primary = best;
    this.epoch += 1;
    return { returns: best };
  }
}

/** Runs `act` and returns its outcome; errors outside the contract propagate to the kit. */
function attempt(act: () => unknown): Outcome {
  try {
    return { returns: act() };
  } catch (error) {
    if (error instanceof Error && ERRORS.includes(error.name)) return { throws: error.name };
    throw error;
  }
}
const describe = (o: Outcome): string => ("throws" in o ? `throws ${o.throws}` : `returns ${o.returns}`);
/** Same return value, or the same contract error. */
function checkOutcome(label: string, got: Outcome, expected: Outcome): void {
  if ("returns" in got && "returns" in expected) check(label, got.returns, expected.returns);
  else check(label, describe(got), describe(expected));
}

/** What a property checks after each command. */
type Rule = "promote" | "model" | "prefix" | "durable" | "refused" | "epoch" | "errors" | "rejoin";
type Cmd = fc.Command<Model, Cluster>;
type Kind = "write" | "replicate" | "crash" | "restart" | "failover";

/** Everything observable: each node's log, the primary and the epoch. */
function compareAll(m: Model, c: Cluster): void {
  for (const id of m.ids) check(`cluster.log("${id}")`, c.log(id), m.values(id));
  check("cluster.primary()", c.primary(), m.primary);
  check("cluster.epoch()", c.epoch(), m.epoch);
}

/** Every live replica's log is a prefix of the primary's (who is live comes from the model: crashes are inputs). */
function checkPrefixes(m: Model, c: Cluster): void {
  const primary = c.primary();
  const theirs = c.log(primary);
  for (const id of m.ids.filter((id) => id !== primary && m.up.has(id) && !m.rejoinedWrong.has(id))) {
    const mine = c.log(id);
    const ok = mine.length <= theirs.length && mine.every((v, i) => v === theirs[i]);
    checkThat(`cluster.log("${id}")`, ok, `a prefix of the log of the primary ${primary}: ${JSON.stringify(theirs)}`, mine);
  }
}

/**
 * Applies one command to the model and the learner's cluster, then checks what `rule` asks. Apart
 * from "model" and "rejoin", the checks judge the learner's own state (its primary, its logs) plus
 * which nodes are up, an input; so a property never blames one rule for a mistake made elsewhere.
 */
function run(kind: Kind, arg: string, rule: Rule, m: Model, c: Cluster): void {
  const label = labelOf(kind, arg);
  // Read only what this rule judges: every call crosses into the learner's realm, and these
  // reads before each command were most of a run's work.
  const needsLogs = rule === "promote" || rule === "durable" || rule === "rejoin" || rule === "refused";
  const logsBefore = needsLogs ? m.ids.map((id) => [...c.log(id)]) : []; // copied, in case log() hands out its own array
  const epochBefore = rule === "epoch" ? c.epoch() : NaN;
  const primaryBefore = c.primary();
  const primaryWasUp = m.up.has(primaryBefore);
  const live = m.ids.filter((id) => m.up.has(id));
  const lengthOf = (id: string) => logsBefore[m.ids.indexOf(id)]!.length;
  // Failover must promote the first live node with the longest log, and keep protected writes:
  // acknowledged, in the primary's log, with at most k of the nodes holding them down.
  const candidate = rule !== "promote" ? undefined : live.reduce<string | undefined>((best, id) => (best === undefined || lengthOf(id) > lengthOf(best) ? id : best), undefined);
  const mustSurvive = (rule === "durable" && kind === "failover" ? m.acked : [])
    .filter((w) => logsBefore[m.ids.indexOf(primaryBefore)]?.[w.lsn - 1] === w.value)
    .map((w) => ({ ...w, holders: m.ids.filter((id, i) => logsBefore[i]![w.lsn - 1] === w.value) }))
    .filter((w) => w.holders.filter((id) => !m.up.has(id)).length <= m.k);
  // A rejoin is judged only if the logs agreed with the model before it: no blame for earlier mistakes.
  const agreed = rule === "rejoin" && m.ids.every((id, i) => JSON.stringify(logsBefore[i]) === JSON.stringify(m.values(id)));

  let expected: Outcome = { returns: undefined };
  if (kind === "write") expected = m.write(arg);
  else if (kind === "replicate") m.replicate(arg);
  else if (kind === "crash") m.up.delete(arg);
  else if (kind === "restart") m.restart(arg);
  else expected = m.failover();
  const got = attempt(() => (kind === "failover" ? c.failover() : c[kind](arg)));
  if (kind === "write" && "returns" in got) m.acked.push({ lsn: got.returns as number, value: arg });

  if (rule === "model") {
    checkOutcome(label, got, expected);
    compareAll(m, c);
  } else if (rule === "errors" && kind === "write" && !primaryWasUp) {
    checkOutcome(label, got, { throws: "NoPrimaryError" });
  } else if (rule === "errors" && kind === "failover" && !primaryWasUp && live.length === 0) {
    checkOutcome(label, got, { throws: "NoCandidateError" });
  } else if (rule === "refused" && kind === "write" && primaryWasUp && live.length - 1 < m.k) {
    checkOutcome(label, got, { throws: "NotEnoughReplicasError" });
    m.ids.forEach((id, i) => check(`cluster.log("${id}") after the refused write`, c.log(id), logsBefore[i]));
  } else if (rule === "prefix" && kind !== "failover") {
    // Not right after a failover: promoting the wrong node breaks prefixes too, and that is the
    // promotion rule's failure; the next command shows whether the logs still line up.
    // A replica that a restart left off the primary's prefix rejoined wrongly, which is the
    // rejoin rule's failure: it is left out here until it restarts again.
    if (kind === "restart" && arg !== c.primary()) {
      const [mine, theirs] = [c.log(arg), c.log(c.primary())];
      if (mine.length <= theirs.length && mine.every((v, i) => v === theirs[i])) m.rejoinedWrong.delete(arg);
      else m.rejoinedWrong.add(arg);
    }
    checkPrefixes(m, c);
  } else if (rule === "promote" && kind === "failover" && !primaryWasUp && candidate !== undefined) {
    const want = `"${candidate}", the first live node with the longest log (${live.map((id) => `${id} holds ${lengthOf(id)}`).join(", ")})`;
    checkThat("cluster.failover()", "returns" in got && got.returns === candidate, want, "returns" in got ? got.returns : describe(got));
  } else if (rule === "epoch" && kind === "failover" && "returns" in got) {
    const want = primaryWasUp ? epochBefore : epochBefore + 1;
    const why = primaryWasUp ? `${want} (the primary ${primaryBefore} is up, so nothing changes)` : `${want} (one promotion)`;
    checkThat("cluster.epoch()", c.epoch() === want, why, c.epoch());
    if (primaryWasUp) check("cluster.failover() with the primary up", got.returns, primaryBefore);
    else check("cluster.primary() after the promotion", c.primary(), got.returns);
  } else if (rule === "rejoin" && kind === "restart" && agreed) {
    // The expected log names each entry's epoch (value@epoch): equal values from different
    // epochs are different writes, and only the epochs show why an entry had to go.
    const want = m.values(arg);
    const byEpoch = m.log(arg).map((e) => `${e.value}@${e.epoch}`).join(", ");
    const primaryLog = m.log(m.primary).map((e) => `${e.value}@${e.epoch}`).join(", ");
    checkThat(`cluster.log(${JSON.stringify(arg)}) after the restart`, JSON.stringify(c.log(arg)) === JSON.stringify(want),
      `${JSON.stringify(want)}: the entries ${byEpoch || "(none)"} it shares with the primary ${m.primary} (${primaryLog || "empty"}), by position and epoch`, c.log(arg));
  } else if (rule === "durable" && kind === "failover" && !primaryWasUp && "returns" in got) {
    for (const w of mustSurvive) {
      const onNew = c.log(c.primary())[w.lsn - 1];
      const down = w.holders.filter((id) => !m.up.has(id));
      const few = w.holders.length <= m.k ? ` (an acknowledged write belongs on syncReplicas + 1 = ${m.k + 1} nodes)` : "";
      const downText = down.length === 0 ? "none of them is down" : `only ${down.join(" and ")} ${down.length === 1 ? "is" : "are"} down`;
      const want = `${JSON.stringify(w.value)}, the write acknowledged at LSN ${w.lsn}: it was held by ${w.holders.join(" and ")}${few}, ${downText}, and syncReplicas = ${m.k}, so it must survive`;
      checkThat(`cluster.log("${c.primary()}")[${w.lsn - 1}] on the new primary`, onNew === w.value, want, onNew);
    }
  }
}

function labelOf(kind: Kind, arg: string): string {
  return kind === "failover" ? "cluster.failover()" : `cluster.${kind}(${JSON.stringify(arg)})`;
}

/** A command whose argument is chosen when it runs; the recorded step names it, as plain code. */
function dynamic(kind: Kind, shown: string, choose: (m: Model) => string, rule: Rule): Cmd {
  return {
    check: () => true,
    run(m, c) {
      const arg = choose(m);
      step(kind === "write" ? `${labelOf(kind, arg)} // ${arg}@${m.epoch} if it is accepted` : labelOf(kind, arg));
      run(kind, arg, rule, m, c);
    },
    toString: () => `cluster.${kind}(/* ${shown} */)`,
  };
}
/** On the `j`-th node that passes `filter` (or of all nodes if none does): crashes hit live nodes, restarts dead ones. */
function onChosen(kind: Kind, shown: string, filter: (m: Model, id: string) => boolean, rule: Rule) {
  return fc.nat({ max: 11 }).map((j) =>
    dynamic(kind, shown, (m) => {
      const pool = m.ids.filter((id) => filter(m, id));
      return pool.length > 0 ? pool[j % pool.length]! : m.ids[j % m.ids.length]!;
    }, rule),
  );
}
/** A write of a value never written before ("w1", "w2", …), so that a value names its write. */
const uniqueWrite = (rule: Rule) => fc.constant(dynamic("write", "a new value", (m) => `w${++m.made}`, rule));

/** Relative weights of the commands; `anyNode` weighs crash, restart and replicate of any node. */
const mix = (write: number, failover: number, crashPrimary: number, crashReplica: number, restartDown: number, replicateLive: number, anyNode: number) =>
  ({ write, failover, crashPrimary, crashReplica, restartDown, replicateLive, anyNode });
/** What a scenario looks like: node count, syncReplicas for n nodes, values written, command weights. */
interface Shape {
  nodes: [min: number, max: number];
  sync: (n: number) => [min: number, max: number];
  /** The values written; none: every write a new value. */
  values: string[];
  mix: ReturnType<typeof mix>;
}
// Two values only, so that equal values written in different epochs are common.
const ANY: Shape = { nodes: [2, 4], sync: (n) => [0, n - 1], values: ["a", "b"], mix: mix(3, 2, 1, 1, 2, 1, 1) };

/**
 * The scenario: a cluster built to `shape` and up to 40 commands. One arbitrary per node count,
 * built now rather than inside a `chain`, because `commands()` must be called while the property
 * is made for a `--path` replay to reproduce the scenario.
 */
function scenario(rule: Rule, shape: Shape) {
  const counts = Array.from({ length: shape.nodes[1] - shape.nodes[0] + 1 }, (_, i) => shape.nodes[0] + i);
  return fc.oneof(...counts.map((n) => {
    const ids = Array.from({ length: n }, (_, i) => `db${i + 1}`);
    const node = fc.constantFrom(...ids);
    const cmd = (kind: Kind, arg: fc.Arbitrary<string>) =>
      arg.map((a): Cmd => command(labelOf(kind, a), (m, c) => run(kind, a, rule, m, c)));
    const choices: [number, fc.Arbitrary<Cmd>[]][] = [
      [shape.mix.write, [shape.values.length > 0 ? cmd("write", fc.constantFrom(...shape.values)) : uniqueWrite(rule)]],
      [shape.mix.failover, [cmd("failover", fc.constant(""))]],
      [shape.mix.crashPrimary, [onChosen("crash", "the primary", (m, id) => id === m.primary, rule)]],
      [shape.mix.crashReplica, [onChosen("crash", "a live replica", (m, id) => m.up.has(id) && id !== m.primary, rule)]],
      [shape.mix.restartDown, [onChosen("restart", "a down node", (m, id) => !m.up.has(id), rule)]],
      [shape.mix.replicateLive, [onChosen("replicate", "a live replica", (m, id) => m.up.has(id) && id !== m.primary, rule)]],
      [shape.mix.anyNode, [cmd("crash", node), cmd("restart", node), cmd("replicate", node)]],
    ];
    const arbitraries = choices.flatMap(([weight, arbs]) => Array.from({ length: weight }, () => arbs).flat());
    const [minK, maxK] = shape.sync(n);
    return fc.record({
      ids: fc.constant(ids),
      k: fc.integer({ min: minK, max: maxK }),
      cmds: commands(arbitraries, { maxCommands: 40, size: "max" }),
    });
  }));
}

// Mostly asynchronous replication and frequent catch-ups, so live nodes hold logs of many
// lengths (with 2 nodes there is never a choice to make).
const PROMOTE: Shape = { ...ANY, nodes: [3, 4], sync: (n) => [0, Math.min(1, n - 1)], mix: mix(2, 2, 2, 0, 2, 2, 0) };
// Many primaries crash and many nodes come back: restarts with divergent logs are common.
const CHURN: Shape = { ...ANY, mix: mix(3, 2, 2, 1, 3, 1, 0) };
// The promise holds only with at least one synchronous replica; unique values tell who holds what.
const DURABLE: Shape = { ...ANY, sync: (n) => [1, n - 1], values: [] };
// Asynchronous replication leaves the most divergent logs behind; every write is "a", so that
// only epochs tell an old write from a new one at the same position.
const REJOIN: Shape = { ...ANY, sync: () => [0, 0], values: ["a"], mix: mix(3, 2, 1, 1, 2, 1, 0) };

function modelRun(ReplicationCluster: Module["ReplicationCluster"], rule: Rule, shape = ANY) {
  return fc.property(scenario(rule, shape), ({ ids, k, cmds }) => {
    step(`const cluster = new ReplicationCluster(${JSON.stringify(ids).replaceAll(",", ", ")}, { syncReplicas: ${k} })`);
    fc.modelRun(() => ({ model: new Model(ids, k), real: new ReplicationCluster(ids, { syncReplicas: k }) }), cmds);
  });
}

const MODEL = "every log, the primary and the epoch match the model after each command";

export default defineGrader<Module>("05-replication/replication-cluster", (property) => {
  property("a write with the primary down throws NoPrimaryError, a failover with every node down NoCandidateError", ({ ReplicationCluster }) =>
    modelRun(ReplicationCluster, "errors"),
  );

  property("a write with too few healthy replicas throws NotEnoughReplicasError and changes no log", ({ ReplicationCluster }) =>
    modelRun(ReplicationCluster, "refused"),
  );

  property("every live replica's log is a prefix of the primary's log", ({ ReplicationCluster }) =>
    modelRun(ReplicationCluster, "prefix", CHURN),
  );

  property("failover promotes the live node with the longest log, the earliest in nodeIds on a tie", ({ ReplicationCluster }) =>
    modelRun(ReplicationCluster, "promote", PROMOTE),
  );

  property("a failover with the primary down moves to the next epoch; with the primary up it changes nothing", ({ ReplicationCluster }) =>
    modelRun(ReplicationCluster, "epoch"),
  );

  property("a restarted replica keeps only the writes it shares with the primary, by position and epoch", ({ ReplicationCluster }) =>
    modelRun(ReplicationCluster, "rejoin", REJOIN),
  );

  property("an acknowledged write survives failover while at most syncReplicas of the nodes holding it are down", ({ ReplicationCluster }) =>
    modelRun(ReplicationCluster, "durable", DURABLE),
  );

  // broad: the whole contract against the model, so it fails for any bug; shown after the others.
  property(MODEL, ({ ReplicationCluster }) => modelRun(ReplicationCluster, "model"), { runs: 162, broad: true }); // mutants die by run 54 (max over 30 seeds); 3× margin
});
