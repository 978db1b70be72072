/**
 * Grader for 02-database-tier/connection-pool. Each property runs a random scenario of acquires,
 * releases (good, broken, or of connections that are not held), create calls that succeed or
 * fail in an order fc.scheduler picks, fake-time advances and a close, and checks after every
 * step, once every promise has settled, the rules in ./connection-pool.rules.ts. The contract
 * leaves the choice of idle connection and the number of creates in flight free, so the rules
 * are invariants plus the exact outcomes it fixes (who gets a released or new connection, who
 * gets a create's error). Each property draws scenarios aimed at one rule and judges only it.
 */
import fc from "fast-check";
import { vi } from "vitest";
import { checkThrows, defineGrader, step, withFakeTime } from "../../kit/index.ts";
import { type Action, type Conn, type RuleName, Scene } from "./connection-pool.rules.ts";
type Module = typeof import("../../../exercises/02-database-tier/connection-pool.ts");
type Pool = import("../../../exercises/02-database-tier/connection-pool.ts").ConnectionPool<Conn>;

const START = 1_000_000;
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runScenario(m: Module, s: fc.Scheduler, rule: RuleName, max: number, timeoutMs: number, fails: boolean[], actions: Action[]) {
  const scene = new Scene(max, timeoutMs, rule);
  const create = () => {
    const n = scene.createCalled();
    const fail = fails[(n - 1) % fails.length] as boolean;
    const result = s.schedule(Promise.resolve(), `create #${n}`).then(() => scene.createSettled(n, fail));
    result.catch(() => {}); // a pool that drops this promise must not crash the run
    return result;
  };
  step(`const pool = new ConnectionPool({ create, destroy, max: ${max}, acquireTimeoutMs: ${timeoutMs} })`);
  const pool: Pool = new m.ConnectionPool<Conn>({ create, destroy: (c: Conn) => scene.destroyedBy(c), max, acquireTimeoutMs: timeoutMs });

  for (const action of actions) {
    const before = scene.snapshot();
    let expectation: (() => void) | undefined;
    if (action.kind === "acquire") {
      // The counting property takes no idle connection: handing one out twice is the exclusivity
      // rule's, and a pool that does it also miscounts.
      if (rule === "counts" && scene.snapshot().idle.length > 0) continue;
      const label = scene.newAcquire(Date.now());
      step(`const ${label} = pool.acquire()`);
      scene.track(label, pool.acquire());
    } else if (action.kind === "tick") {
      if (s.count() === 0) continue;
      await s.waitNext(1);
      expectation = () => scene.expectCreateOutcome(before);
    } else if (action.kind === "release") {
      const conn = scene.pickHeld(action.pick);
      if (conn === undefined) continue;
      step(action.broken ? `pool.release(${conn.name}, { broken: true })` : `pool.release(${conn.name})`);
      scene.onRelease(conn, action.broken);
      if (action.broken) pool.release(conn, { broken: true });
      else pool.release(conn);
      expectation = () => scene.expectReleaseOutcome(before, conn, action.broken);
    } else if (action.kind === "releaseBad") {
      const { conn, why } = scene.pickNotHeld(action.pick);
      step(`pool.release(${conn.name}) // ${why}`);
      if (scene.judges("notHeld")) checkThrows(`pool.release(${conn.name})`, () => pool.release(conn), m.NotAcquiredError);
      else {
        try {
          pool.release(conn);
        } catch {
          // judged by the NotAcquiredError property only
        }
      }
    } else if (action.kind === "advance") {
      step(`vi.advanceTimersByTime(${action.ms}) // t = ${Date.now() + action.ms - START} ms`);
      vi.advanceTimersByTime(action.ms);
    } else {
      if (scene.closed) continue;
      step("pool.close()");
      scene.close();
      pool.close();
      expectation = () => scene.expectCloseOutcome(before);
    }
    await settle();
    scene.describeNews();
    scene.checkViolations();
    expectation?.();
    scene.checkState(Date.now(), { size: pool.size, idle: pool.idle, waiting: pool.waiting });
  }
}

interface Shape {
  /** The rule this property judges (the scenario runs everything, but checks only this). */
  rule: RuleName;
  max?: fc.Arbitrary<number>;
  /** Put one close() between two random halves, so that there is something to close. */
  closeInMiddle?: boolean;
  failRate?: number;
  /** Percentage of releases that say { broken: true }. */
  brokenRate?: number;
  weights: Partial<Record<Action["kind"], number>>;
  advance?: fc.Arbitrary<number>;
}

/** true with the given probability in percent (false shrinks first). */
const percent = (rate: number) => fc.integer({ min: 1, max: 100 }).map((p) => p <= rate);

function scenarios(m: Module, shape: Shape) {
  const w = { acquire: 4, tick: 3, release: 3, releaseBad: 0, advance: 0, close: 0, ...shape.weights };
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: w.acquire, arbitrary: fc.constant({ kind: "acquire" as const }) },
    { weight: w.tick, arbitrary: fc.constant({ kind: "tick" as const }) },
    { weight: w.release, arbitrary: fc.record({ kind: fc.constant("release" as const), pick: fc.nat(5), broken: percent(shape.brokenRate ?? 25) }) },
    { weight: w.releaseBad, arbitrary: fc.record({ kind: fc.constant("releaseBad" as const), pick: fc.nat(5) }) },
    { weight: w.advance, arbitrary: (shape.advance ?? fc.constantFrom(1, 49, 50, 99, 100)).map((ms) => ({ kind: "advance" as const, ms })) },
    { weight: w.close, arbitrary: fc.constant({ kind: "close" as const }) },
  );
  return fc.asyncProperty(
    fc.scheduler(),
    shape.max ?? fc.integer({ min: 1, max: 3 }),
    fc.constantFrom(100, 200),
    fc.array(percent(shape.failRate ?? 0), { minLength: 1, maxLength: 5 }),
    shape.closeInMiddle
      ? fc.tuple(fc.array(action, { minLength: 1, maxLength: 25, size: "max" }), fc.array(action, { maxLength: 15, size: "max" }))
          .map(([before, after]): Action[] => [...before, { kind: "close" }, ...after])
      : fc.array(action, { minLength: 1, maxLength: 40, size: "max" }),
    (s, max, timeoutMs, fails, actions) => withFakeTime(() => runScenario(m, s, shape.rule, max, timeoutMs, fails, actions), { now: START }),
  );
}

export default defineGrader<Module>("02-database-tier/connection-pool", (property) => {
  property("never more than max connections are live or being created, even when create fails", (m) =>
    scenarios(m, { rule: "max", failRate: 40, weights: { acquire: 5, tick: 3, release: 2, advance: 1 } }),
    { runs: 30 }, // mutants die by run 10 (max over 30 seeds); 3× margin
  );

  property("a connection is never held by two callers at once", (m) =>
    scenarios(m, { rule: "exclusive", max: fc.integer({ min: 1, max: 2 }), weights: { acquire: 4, tick: 3, release: 4 } }),
  );

  property("waiters are served in arrival order, by released and new connections and by create errors", (m) =>
    scenarios(m, { rule: "order", failRate: 30, weights: { acquire: 5, tick: 3, release: 3 } }),
  );

  property("an acquire still waiting after acquireTimeoutMs rejects with AcquireTimeoutError and never gets a connection later", (m) =>
    scenarios(m, { rule: "timeout", max: fc.constant(1), weights: { acquire: 5, tick: 3, release: 3, advance: 4 } }),
  );

  property("size, idle and waiting count live connections, idle ones and waiting acquires", (m) =>
    // No failed creates and no timeouts: those have their own rules, and a pool that gets them wrong
    // also miscounts.
    scenarios(m, { rule: "counts", weights: { acquire: 4, tick: 3, release: 3 } }),
  );

  property("a broken connection is destroyed, never handed out again, and its slot serves the next waiter", (m) =>
    scenarios(m, { rule: "broken", brokenRate: 50, weights: { acquire: 4, tick: 3, release: 4 } }),
  );

  property("releasing a connection that is not held throws NotAcquiredError", (m) =>
    scenarios(m, { rule: "notHeld", weights: { acquire: 3, tick: 3, release: 2, releaseBad: 3 } }),
  );

  property("close rejects waiters and later acquires with PoolClosedError and destroys idle connections, held ones on release", (m) =>
    scenarios(m, { rule: "close", failRate: 10, brokenRate: 20, closeInMiddle: true, weights: { acquire: 4, tick: 4, release: 4 } }),
  );
});
