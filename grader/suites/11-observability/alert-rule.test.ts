/**
 * Grader for 11-observability/alert-rule. The contract fixes every transition, so the rule is
 * compared with an exact model under fake time: after each `state()` call the answers must be
 * equal. Thresholds are dyadic fractions (0, 1/8, 1/4, …), so `errors / n > threshold` and
 * `errors > threshold * n` agree in doubles and every correct formula passes.
 * Only `state()` is observed: calling it also evaluates, so scenarios never call it right
 * after a `record` just to look, which would hide a rule that forgets to evaluate on record.
 */
import fc from "fast-check";
import { advanceTime, check, checkThrows, command, commands, defineGrader, show, step, withFakeTime } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/11-observability/alert-rule.ts");
type Rule = InstanceType<Module["AlertRule"]>;
type Options = ConstructorParameters<Module["AlertRule"]>[0];
type State = "ok" | "pending" | "firing";

/** The rule exactly as the contract states it, written for clarity rather than speed. */
class Model {
  private requests: { at: number; ok: boolean }[] = [];
  private pendingSince: number | null = null;
  private current: State = "ok";
  constructor(private readonly options: Options) {}
  record(ok: boolean): void {
    this.requests.push({ at: Date.now(), ok });
    this.evaluate();
  }
  state(): State {
    this.evaluate();
    return this.current;
  }
  private evaluate(): void {
    const now = Date.now();
    const { windowMs, threshold, minRequests, forMs } = this.options;
    const live = this.requests.filter((r) => now - r.at < windowMs);
    const errors = live.filter((r) => !r.ok).length;
    const holds = live.length > 0 && live.length >= minRequests && errors / live.length > threshold;
    if (!holds) {
      this.pendingSince = null;
      this.current = "ok";
      return;
    }
    this.pendingSince ??= now;
    this.current = now - this.pendingSince >= forMs ? "firing" : "pending";
  }
}

type Cmd = fc.Command<Model, Rule>;
const recordCmd = (ok: boolean): Cmd => command(`rule.record(${ok})`, (m, r) => (r.record(ok), m.record(ok)));
const advanceCmd = (ms: number): Cmd => command(`advance the clock by ${ms} ms`, () => advanceTime(ms));
const stateCmd: Cmd = command("rule.state()", (m, r) => check("rule.state()", r.state(), m.state()));

const thresholds = fc.constantFrom(0, 0.125, 0.25, 0.375, 0.5, 0.75);

/** Runs `cmds` on a fresh rule and the model under fake time. */
function scenario(AlertRule: Module["AlertRule"], options: Options, cmds: Iterable<Cmd>): void {
  withFakeTime(() => {
    step(`const rule = new AlertRule(${fc.stringify(options)})`);
    fc.modelRun(() => ({ model: new Model(options), real: new AlertRule(options) }), cmds);
  });
}

const errors = (n: number): Cmd[] => Array.from({ length: n }, () => recordCmd(false));

export default defineGrader<Module>("11-observability/alert-rule", (property) => {
  property("the state moves through ok, pending and firing exactly as the rule says", ({ AlertRule }) =>
    fc.property(
      fc.record({
        windowMs: fc.constantFrom(10, 20, 50),
        threshold: thresholds,
        minRequests: fc.integer({ min: 1, max: 4 }),
        forMs: fc.constantFrom(0, 5, 10, 30),
      }),
      commands(
        [
          fc.boolean().map(recordCmd),
          fc.constantFrom(0, 1, 2, 5, 10, 20).map(advanceCmd),
          fc.constant(stateCmd),
        ],
        { maxCommands: 60 },
      ),
      (options, cmds) => scenario(AlertRule, options, cmds),
    ),
    // Broad: the whole contract against the model; a bug shows first under its own rule below.
    { runs: 1173, broad: true }, // mutants die by run 391 (max over 100 seeds; 171 over 30); 3× margin
  );

  property("a request counts in the window only while now - t < windowMs", ({ AlertRule }) =>
    fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (windowMs, split) => {
      const early = Math.floor(split * (windowMs - 1));
      const options = { windowMs, threshold: 0, minRequests: 1, forMs: 0 };
      // One error at t0: still counted at t0 + windowMs - 1, gone at t0 + windowMs.
      scenario(AlertRule, options, [recordCmd(false), advanceCmd(early), stateCmd, advanceCmd(windowMs - 1 - early), stateCmd, advanceCmd(1), stateCmd]);
    }),
  );

  property("an error ratio exactly at the threshold does not trigger the rule", ({ AlertRule }) =>
    fc.property(
      fc.constantFrom(2, 4, 8).chain((d) => fc.tuple(fc.constant(d), fc.integer({ min: 1, max: d - 1 }), fc.integer({ min: 1, max: 3 }))),
      ([d, k, m]) => {
        // k·m errors among d·m requests: the ratio is exactly k/d, the threshold. The successes
        // come first, so the ratio climbs to k/d and never exceeds it before: the rule never
        // fires, and its going back to ok (a rule of its own) is not needed to reach this one.
        const requests = [...Array.from({ length: (d - k) * m }, () => recordCmd(true)), ...errors(k * m)];
        const options = { windowMs: 60_000, threshold: k / d, minRequests: 1, forMs: 0 };
        scenario(AlertRule, options, [...requests, stateCmd, recordCmd(false), stateCmd]);
      },
    ),
  );

  property("with forMs = 0 the rule fires at the first evaluation where the condition holds", ({ AlertRule }) =>
    fc.property(thresholds, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), (threshold, minRequests, extra) => {
      const options = { windowMs: 60_000, threshold, minRequests, forMs: 0 };
      scenario(AlertRule, options, [...errors(minRequests + extra), stateCmd, advanceCmd(1), stateCmd]);
    }),
  );

  property("fewer than minRequests requests in the window never trigger the rule", ({ AlertRule }) =>
    fc.property(fc.integer({ min: 2, max: 10 }), thresholds, (minRequests, threshold) => {
      const options = { windowMs: 60_000, threshold, minRequests, forMs: 0 };
      scenario(AlertRule, options, [...errors(minRequests - 1), stateCmd, recordCmd(false), stateCmd]);
    }),
  );

  property("a condition that fails at one evaluation restarts the forMs wait", ({ AlertRule }) =>
    fc.property(fc.integer({ min: 2, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), (forMs, split) => {
      const gap = 1 + Math.floor(split * (forMs - 1)); // 1 .. forMs - 1
      const options = { windowMs: 1_000_000, threshold: 0.5, minRequests: 1, forMs };
      // 1/1 errors: pending. 1/3: ok (the wait is forgotten). 3/5: pending again, from `gap`.
      scenario(AlertRule, options, [
        recordCmd(false), stateCmd, advanceCmd(gap), recordCmd(true), recordCmd(true), recordCmd(false), recordCmd(false),
        advanceCmd(forMs - gap), stateCmd, advanceCmd(gap), stateCmd,
      ]);
    }),
  );

  property("state() evaluates the rule at the time it is called", ({ AlertRule }) =>
    fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), (windowMs, extra) => {
      // The error fires the rule when recorded; once it has left the window, state() must see it gone.
      const options = { windowMs, threshold: 0, minRequests: 1, forMs: 0 };
      scenario(AlertRule, options, [recordCmd(false), advanceCmd(windowMs + extra), stateCmd]);
    }),
    { runs: 5 },
  );

  property("recording a request evaluates the rule, so the wait starts when the errors arrive", ({ AlertRule }) =>
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 3 }), (forMs, n) => {
      const options = { windowMs: 10 * forMs + 1, threshold: 0, minRequests: 1, forMs };
      scenario(AlertRule, options, [...errors(n), advanceCmd(forMs), stateCmd]);
    }),
    { runs: 5 }, // mutants die at run 1 (max over 30 seeds); 5 is the floor
  );

  property("the forMs wait runs from the first evaluation at which the condition holds, whatever errors follow", ({ AlertRule }) =>
    fc.property(fc.integer({ min: 2, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), (forMs, split) => {
      const gap = 1 + Math.floor(split * (forMs - 1)); // 1 .. forMs - 1
      const options = { windowMs: 1_000_000, threshold: 0, minRequests: 1, forMs };
      // Pending from t = 0 (state() evaluates there); a second error at `gap` must not move
      // pendingSince. The last evaluation is a record, and state() follows it at once, so the
      // rules "record evaluates" and "state() evaluates" are not needed to reach this one.
      scenario(AlertRule, options, [recordCmd(false), stateCmd, advanceCmd(gap), recordCmd(false), advanceCmd(forMs - gap), recordCmd(true), stateCmd]);
    }),
    { runs: 5 }, // every run has the shape; a few forMs and gaps beside it
  );
  property("a new rule is ok until a request arrives, whatever its options", ({ AlertRule }) =>
    fc.property(
      fc.record({ windowMs: fc.constantFrom(1, 10, 50), threshold: thresholds, minRequests: fc.integer({ min: 0, max: 4 }), forMs: fc.constantFrom(0, 5) }),
      fc.constantFrom(0, 1, 5, 100),
      (options, wait) => {
        // No request has been recorded, so the window is empty and the condition cannot hold,
        // even with minRequests = 0 (0 / 0 is not above any threshold).
        scenario(AlertRule, options, [stateCmd, advanceCmd(wait), stateCmd]);
      },
    ),
    { runs: 5 }, // the mutant fails every run; a few option sets beside it
  );

  property("invalid options throw RangeError", ({ AlertRule }) =>
    fc.property(fc.constant(null), () => {
      // Valid options at the edges of their ranges first, so that throwing on everything is
      // not a way to pass.
      const valid: Options = { windowMs: 1, threshold: 1, minRequests: 0, forMs: 0 };
      for (const edge of [valid, { ...valid, threshold: 0 }]) {
        step(`new AlertRule(${show(edge)})`);
        new AlertRule(edge);
      }
      const base: Options = { windowMs: 1000, threshold: 0.5, minRequests: 1, forMs: 10 };
      const bad: Partial<Options>[] = [
        { windowMs: 0 }, { windowMs: -1 }, { windowMs: Number.NaN },
        { threshold: -0.125 }, { threshold: 1.5 }, { threshold: Number.NaN },
        { minRequests: -1 }, { minRequests: 1.5 }, { minRequests: Number.NaN },
        { forMs: -1 }, { forMs: Number.NaN },
      ];
      for (const change of bad) {
        const options = { ...base, ...change };
        checkThrows(`new AlertRule(${show(options)})`, () => new AlertRule(options), RangeError);
      }
    }),
    { runs: 1 }, // a deterministic check: every case, every run
  );
});
