/**
 * Grader for 03-scaling/autoscaler. The contract fixes every answer (the Kubernetes HPA rule
 * written as JavaScript expressions), so the model below evaluates the same expressions in
 * doubles and keeps the same (time, r) history; every property compares answers exactly.
 * Time is fake and moves only through vi.advanceTimersByTime.
 */
import fc from "fast-check";
import { vi } from "vitest";
import { check, checkThrows, command, commands, defineGrader, show, step, withFakeTime } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/03-scaling/autoscaler.ts");
type Options = ConstructorParameters<Module["Autoscaler"]>[0];
type Scaler = InstanceType<Module["Autoscaler"]>;

/** The contract, evaluated exactly as written. */
class Model {
  history: { at: number; r: number }[] = [];
  constructor(readonly o: Options) {}
  recommend(currentReplicas: number, utilization: number): number {
    const { minReplicas, maxReplicas, targetUtilization, tolerance, scaleDownStabilizationMs } = this.o;
    const raw = Math.abs(utilization / targetUtilization - 1) <= tolerance
      ? currentReplicas
      : Math.ceil(currentReplicas * utilization / targetUtilization);
    const r = Math.min(maxReplicas, Math.max(minReplicas, raw));
    const now = Date.now();
    this.history.push({ at: now, r });
    if (r >= currentReplicas) return r;
    const recent = this.history.filter((h) => now - h.at < scaleDownStabilizationMs).map((h) => h.r);
    return Math.min(currentReplicas, Math.max(r, ...recent));
  }
}

const options: fc.Arbitrary<Options> = fc
  .record({
    minReplicas: fc.integer({ min: 1, max: 4 }),
    extra: fc.integer({ min: 0, max: 20 }),
    targetUtilization: fc.constantFrom(0.5, 0.6, 0.7, 0.75, 0.8),
    tolerance: fc.constantFrom(0, 0.05, 0.1),
    scaleDownStabilizationMs: fc.constantFrom(0, 1000, 3000, 5000),
  })
  .map(({ extra, ...o }) => ({ ...o, maxReplicas: o.minReplicas + extra }));

const observation = fc.record({
  currentReplicas: fc.integer({ min: 0, max: 30 }),
  utilization: fc.integer({ min: 0, max: 250 }).map((percent) => percent / 100),
});

function create(Autoscaler: Module["Autoscaler"], o: Options): Scaler {
  step(`const scaler = new Autoscaler(${show(o)})`);
  return new Autoscaler(o);
}

function recommendBoth(model: Model, scaler: Scaler, currentReplicas: number, utilization: number): void {
  const what = `scaler.recommend({ currentReplicas: ${currentReplicas}, utilization: ${utilization} })`;
  step(what);
  check(what, scaler.recommend({ currentReplicas, utilization }), model.recommend(currentReplicas, utilization));
}

type Cmd = fc.Command<Model, Scaler>;
const recommendCmd = observation.map(({ currentReplicas, utilization }): Cmd =>
  command(`scaler.recommend({ currentReplicas: ${currentReplicas}, utilization: ${utilization} })`, (m, s) => {
    const what = `scaler.recommend({ currentReplicas: ${currentReplicas}, utilization: ${utilization} })`;
    check(what, s.recommend({ currentReplicas, utilization }), m.recommend(currentReplicas, utilization));
  }),
);
// Whole seconds, so that a recommendation often sits exactly one window in the past.
const tickCmd = fc.constantFrom(500, 1000, 2000).map((ms): Cmd =>
  command(`vi.advanceTimersByTime(${ms})`, () => void vi.advanceTimersByTime(ms)),
);

type Observation = { currentReplicas: number; utilization: number };
const outsideTolerance = (o: Options, { utilization }: Observation) => Math.abs(utilization / o.targetUtilization - 1) > o.tolerance;
/** Whether current × (utilization / target) rounds up to the same count as the contract's order. */
const roundsAlike = (o: Options, { currentReplicas: c, utilization: u }: Observation) =>
  Math.ceil((c * u) / o.targetUtilization) === Math.ceil(c * (u / o.targetUtilization));

export default defineGrader<Module>("03-scaling/autoscaler", (property) => {
  property("outside the tolerance the recommendation is ceil(current × utilization / target), clamped to [min, max]", ({ Autoscaler }) =>
    // Only observations outside the tolerance, and none where another order of the product
    // rounds differently: those are the tolerance rule's and the doubles rule's (issue 18).
    fc.property(
      options.chain((o) => fc.tuple(fc.constant(o), observation.filter((ob) => outsideTolerance(o, ob) && roundsAlike(o, ob)))),
      ([o, { currentReplicas, utilization }]) => withFakeTime(() => recommendBoth(new Model(o), create(Autoscaler, o), currentReplicas, utilization)),
    ),
  );

  property("inside the tolerance the current replica count is kept", ({ Autoscaler }) =>
    fc.property(
      options.map((o) => ({ ...o, minReplicas: 1, maxReplicas: 40 })),
      fc.constantFrom(0.05, 0.1, 0.2),
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 1, max: 99 }),
      (base, tolerance, currentReplicas, percent) =>
        withFakeTime(() => {
          const o = { ...base, tolerance };
          const model = new Model(o);
          const scaler = create(Autoscaler, o);
          // Utilizations above and below the target whose relative deviation is inside the band.
          for (const sign of [1, -1]) {
            const utilization = o.targetUtilization * (1 + (sign * percent * tolerance) / 100);
            recommendBoth(model, scaler, currentReplicas, utilization);
          }
        }),
    ),
  );

  property("near a whole number of replicas the answer follows the contract's expression in doubles", ({ Autoscaler }) =>
    fc.property(
      fc.record({ currentReplicas: fc.integer({ min: 1, max: 40 }), want: fc.integer({ min: 1, max: 80 }), target: fc.constantFrom(0.3, 0.6, 0.7, 0.9) }),
      ({ currentReplicas, want, target }) =>
        withFakeTime(() => {
          // A utilization that puts current × utilization / target right at `want` replicas.
          const o = { minReplicas: 1, maxReplicas: 100, targetUtilization: target, tolerance: 0, scaleDownStabilizationMs: 0 };
          recommendBoth(new Model(o), create(Autoscaler, o), currentReplicas, (want * target) / currentReplicas);
        }),
    ),
  );

  property("scale-down waits for the highest recommendation in the stabilization window", ({ Autoscaler }) =>
    fc.property(options, commands([recommendCmd, tickCmd], { maxCommands: 40 }), (o, cmds) =>
      withFakeTime(() => fc.modelRun(() => ({ model: new Model(o), real: create(Autoscaler, o) }), cmds))),
    // broad: every answer of a random run against the model, so any bug shows here too.
    { runs: 159, broad: true }, // mutants die by run 53 (max over 30 seeds); 3× margin
  );

  property("scale-up takes effect at once, whatever was recommended before", ({ Autoscaler }) =>
    fc.property(options, fc.array(observation, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 10 }), (o, before, current) =>
      withFakeTime(() => {
        const model = new Model(o);
        const scaler = create(Autoscaler, o);
        // Only the last answer is this rule's: the earlier ones (scale-downs among them) are judged
        // by the stabilization property, so a bug there does not fail this one (issue 18).
        for (const { currentReplicas, utilization } of before) {
          step(`scaler.recommend({ currentReplicas: ${currentReplicas}, utilization: ${utilization} })`);
          scaler.recommend({ currentReplicas, utilization });
          model.recommend(currentReplicas, utilization);
        }
        step("vi.advanceTimersByTime(100)");
        vi.advanceTimersByTime(100);
        // Heavy load: the recommendation is above the current count, so it applies at once.
        recommendBoth(model, scaler, current, o.targetUtilization * 2);
      })),
  );

  property("load that oscillates does not make the replica count flap", ({ Autoscaler }) =>
    fc.property(options, fc.integer({ min: 2, max: 20 }), fc.integer({ min: 1, max: 4 }), (o, demand, period) =>
      withFakeTime(() => {
        // A closed loop: the fleet follows each answer, and the load alternates busy / quiet.
        const opts = { ...o, scaleDownStabilizationMs: 10_000, maxReplicas: Math.max(o.maxReplicas, 20) };
        const model = new Model(opts);
        const scaler = create(Autoscaler, opts);
        let replicas = o.minReplicas;
        for (let tick = 0; tick < 12; tick++) {
          const busy = Math.floor(tick / period) % 2 === 0;
          const utilization = Math.round((100 * (busy ? demand : 0.2 * demand) * opts.targetUtilization) / replicas) / 100;
          const what = `scaler.recommend({ currentReplicas: ${replicas}, utilization: ${utilization} })`;
          step(what);
          const answer = scaler.recommend({ currentReplicas: replicas, utilization });
          check(what, answer, model.recommend(replicas, utilization));
          replicas = answer;
          step("vi.advanceTimersByTime(1000)");
          vi.advanceTimersByTime(1000);
        }
      })),
  );

  property("after a spike the count comes down once the spike has left the stabilization window", ({ Autoscaler }) =>
    fc.property(options, fc.constantFrom(1000, 3000, 5000), fc.integer({ min: 6, max: 20 }), fc.integer({ min: 1, max: 3 }), (o, windowMs, demand, busyTicks) =>
      withFakeTime(() => {
        // A closed loop: busy for a few seconds, then quiet for longer than the window.
        const opts = { ...o, scaleDownStabilizationMs: windowMs, maxReplicas: Math.max(o.maxReplicas, 20) };
        const model = new Model(opts);
        const scaler = create(Autoscaler, opts);
        let replicas = o.minReplicas;
        for (let tick = 0; tick < busyTicks + windowMs / 1000 + 3; tick++) {
          const load = tick < busyTicks ? demand : 0.2 * demand;
          const utilization = Math.round((100 * load * opts.targetUtilization) / replicas) / 100;
          const what = `scaler.recommend({ currentReplicas: ${replicas}, utilization: ${utilization} })`;
          step(what);
          const answer = scaler.recommend({ currentReplicas: replicas, utilization });
          check(what, answer, model.recommend(replicas, utilization));
          replicas = answer;
          step("vi.advanceTimersByTime(1000)");
          vi.advanceTimersByTime(1000);
        }
      })),
  );

  property("bad options or observations throw a RangeError", ({ Autoscaler }) =>
    fc.property(options, (o) =>
      withFakeTime(() => {
        const badOptions: Partial<Options>[] = [
          { minReplicas: -1 }, { minReplicas: 1.5 }, { minReplicas: Number.NaN },
          { maxReplicas: o.minReplicas - 1 }, { maxReplicas: o.maxReplicas + 0.5 }, { maxReplicas: Number.POSITIVE_INFINITY },
          { targetUtilization: 0 }, { targetUtilization: -0.5 }, { targetUtilization: Number.NaN },
          { tolerance: -0.1 }, { tolerance: Number.NaN },
          { scaleDownStabilizationMs: -1 }, { scaleDownStabilizationMs: Number.NaN },
        ];
        for (const change of badOptions) {
          const bad = { ...o, ...change };
          checkThrows(`new Autoscaler(${show(bad)})`, () => new Autoscaler(bad), RangeError);
        }
        const scaler = create(Autoscaler, o);
        const badObservations = [
          { currentReplicas: -1, utilization: 0.5 }, { currentReplicas: 2.5, utilization: 0.5 },
          { currentReplicas: Number.NaN, utilization: 0.5 }, { currentReplicas: 3, utilization: -0.1 },
          { currentReplicas: 3, utilization: Number.NaN }, { currentReplicas: 3, utilization: Number.POSITIVE_INFINITY },
        ];
        for (const bad of badObservations) {
          checkThrows(`scaler.recommend(${show(bad)})`, () => scaler.recommend(bad), RangeError);
        }
      })),
  );
});
