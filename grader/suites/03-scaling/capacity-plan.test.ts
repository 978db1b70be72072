/**
 * Grader for 03-scaling/capacity-plan. The contract is one JavaScript expression, so the model is
 * that expression, evaluated in doubles exactly as written: any implementation that computes the
 * same expression gives the same integer, and a reordered division can round across an integer.
 */
import fc from "fast-check";
import { check, checkThat, checkThrows, decimal, defineGrader, show, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/03-scaling/capacity-plan.ts");
type Input = Parameters<Module["serversNeeded"]>[0];

/** The contract's expression, verbatim. */
function expected({ peakRps, perServerRps, targetUtilization, failuresTolerated }: Input): number {
  return failuresTolerated + Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)));
}

// Whole numbers and short decimals (kit/arbitraries.ts): a failing case reads 599.88 instead of
// 599.8800000000001. Doubles that land near a whole number of servers are the fourth property's.
const utilization = fc.oneof(decimal(0.01, 1, 2), decimal(0.001, 1, 3), fc.constantFrom(0.5, 0.6, 0.7, 0.75, 0.8, 1));
const input: fc.Arbitrary<Input> = fc.record({
  peakRps: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), decimal(0, 1e6, 2)),
  perServerRps: fc.oneof(fc.integer({ min: 1, max: 5000 }), decimal(0.5, 5000, 2)),
  targetUtilization: utilization,
  failuresTolerated: fc.integer({ min: 0, max: 5 }),
});

/**
 * Inputs away from the contract's special cases (each has its own property): some traffic that
 * needs more than one server, not a whole number of them, below full utilization. So the first
 * property fails only when the ordinary count is wrong (issue 18).
 */
const ordinary: fc.Arbitrary<Input> = input.filter((a) => {
  const servers = a.peakRps / (a.perServerRps * a.targetUtilization);
  return a.targetUtilization < 1 && servers > 1 && !Number.isInteger(servers);
});
/** Below full utilization: inputs for properties whose rule is not the utilization-1 edge. */
const belowFull: fc.Arbitrary<Input> = input.filter((a) => a.targetUtilization < 1);

/** Peaks that are whole multiples of one server's useful capacity (k × perServerRps × utilization). */
function multiples(utilizations: number[]): fc.Arbitrary<Input> {
  return fc
    .record({
      servers: fc.integer({ min: 1, max: 500 }),
      perServerRps: fc.integer({ min: 1, max: 2000 }),
      targetUtilization: fc.constantFrom(...utilizations),
      failuresTolerated: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ servers, ...rest }) => ({ ...rest, peakRps: servers * rest.perServerRps * rest.targetUtilization }));
}

function call(serversNeeded: Module["serversNeeded"], args: Input): number {
  step(`serversNeeded(${show(args)})`);
  return serversNeeded(args);
}

/** Every way the contract says an input is bad, applied to one valid input. */
function badVariants(base: Input): Input[] {
  const variants: Partial<Input>[] = [
    { peakRps: -1 }, { peakRps: -0.5 },
    { perServerRps: 0 }, { perServerRps: -100 },
    { targetUtilization: 0 }, { targetUtilization: -0.5 }, { targetUtilization: 1.01 }, { targetUtilization: 2 },
    { failuresTolerated: -1 }, { failuresTolerated: 1.5 },
  ];
  for (const field of ["peakRps", "perServerRps", "targetUtilization", "failuresTolerated"] as const) {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) variants.push({ [field]: value });
  }
  return variants.map((change) => ({ ...base, ...change }));
}

export default defineGrader<Module>("03-scaling/capacity-plan", (property) => {
  property("the answer is enough servers at the target utilization plus the spares", ({ serversNeeded }) =>
    fc.property(ordinary, (args) => {
      check(`serversNeeded(${show(args)})`, call(serversNeeded, args), expected(args));
    }),
  );

  property("zero traffic still needs one server plus the spares", ({ serversNeeded }) =>
    fc.property(belowFull, fc.constantFrom(0, 1e-9, 0.001), (args, peakRps) => {
      const low = { ...args, peakRps };
      check(`serversNeeded(${show(low)})`, call(serversNeeded, low), expected(low));
    }),
  );

  property("a peak that fills whole servers exactly needs no extra server", ({ serversNeeded }) =>
    // Utilizations that are exact in binary, so the peak divides to a whole number of servers.
    fc.property(multiples([0.5, 0.625, 0.75, 0.875]), (args) => {
      check(`serversNeeded(${show(args)})`, call(serversNeeded, args), expected(args));
    }),
  );

  property("near a whole number of servers the answer follows the contract's expression in doubles", ({ serversNeeded }) =>
    fc.property(multiples([0.3, 0.35, 0.55, 0.6, 0.65, 0.7, 0.85, 0.9]), (args) => {
      check(`serversNeeded(${show(args)})`, call(serversNeeded, args), expected(args));
    }),
    { runs: 105 }, // mutants die by run 35 (max over 100 seeds); 3× margin
  );

  property("edge values are accepted: utilization 1, zero traffic and no spares", ({ serversNeeded }) =>
    fc.property(input, (args) => {
      const edge = { ...args, targetUtilization: 1, failuresTolerated: 0 };
      check(`serversNeeded(${show(edge)})`, call(serversNeeded, edge), expected(edge));
      const idle = { ...edge, peakRps: 0 };
      check(`serversNeeded(${show(idle)})`, call(serversNeeded, idle), 1);
    }),
  );

  property("bad input throws a RangeError", ({ serversNeeded }) =>
    fc.property(belowFull, (args) => {
      // Good input first, so that throwing on everything is not a way to pass. Only its shape is
      // checked: whether the count is right is the first property's question, not this one's.
      const answer = call(serversNeeded, args);
      checkThat(`serversNeeded(${show(args)})`, Number.isInteger(answer) && answer >= 1, "a whole number of servers, at least 1", answer);
      for (const bad of badVariants(args)) {
        checkThrows(`serversNeeded(${show(bad)})`, () => call(serversNeeded, bad), RangeError);
      }
    }),
    { runs: 5 }, // mutants die at run 1 (max over 30 seeds); 5 is the floor
  );
});
