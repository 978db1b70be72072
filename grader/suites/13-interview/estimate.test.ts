/**
 * Grader for 13-interview/estimate. Each function's contract is one expression; the model below
 * is that expression. Real-valued answers are compared to within a relative 1e-9 (so multiplying
 * in another order passes); serversFor returns a whole number and is compared exactly.
 * Inputs are whole numbers and short decimals (kit/arbitraries.ts), read easily when they fail.
 */
import fc from "fast-check";
import { check, checkThat, checkThrows, decimal, defineGrader, show, step } from "../../kit/index.ts";
type Module = typeof import("../../../exercises/13-interview/estimate.ts");

const DAY = 86_400;
const YEAR = 365 * DAY;

function close(what: string, actual: unknown, expected: number): void {
  const ok = typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-12);
  checkThat(what, ok, `${expected} (to within a relative 1e-9)`, actual);
}

const count = fc.oneof(fc.integer({ min: 1, max: 100_000_000 }), decimal(0.5, 1e6, 2));
const size = fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), decimal(0.5, 1e5, 1));
const peakFactor = fc.oneof(decimal(1.5, 10, 1), fc.integer({ min: 2, max: 20 }));
const availability = decimal(0.5, 0.99999, 5);

export default defineGrader<Module>("13-interview/estimate", (property) => {
  property("average and peak requests per second follow from daily users, requests per user and the peak factor", ({ requestsPerSecond }) =>
    fc.property(count, fc.integer({ min: 1, max: 500 }), peakFactor, (dailyActiveUsers, requestsPerUserPerDay, factor) => {
      const args = { dailyActiveUsers, requestsPerUserPerDay, peakFactor: factor };
      step(`const rps = requestsPerSecond(${show(args)})`);
      const rps = requestsPerSecond(args);
      const average = dailyActiveUsers * requestsPerUserPerDay / DAY;
      close("rps.average", rps.average, average);
      close("rps.peak", rps.peak, average * factor);
    }),
  );

  property("storage per year counts every copy of every object", ({ storagePerYear }) =>
    fc.property(count, size, fc.integer({ min: 2, max: 5 }), (writesPerSecond, bytesPerObject, replicationFactor) => {
      const args = { writesPerSecond, bytesPerObject, replicationFactor };
      step(`storagePerYear(${show(args)})`);
      close(`storagePerYear(${show(args)})`, storagePerYear(args), writesPerSecond * bytesPerObject * YEAR * replicationFactor);
    }),
  );

  property("egress is requests per second times bytes per response", ({ egressPerSecond }) =>
    fc.property(count, size, (rps, bytes) => {
      step(`egressPerSecond(${rps}, ${bytes})`);
      close(`egressPerSecond(${rps}, ${bytes})`, egressPerSecond(rps, bytes), rps * bytes);
    }),
  );

  property("cache memory holds only the hot fraction of the objects", ({ cacheMemory }) =>
    fc.property(count, size, decimal(0.01, 0.99, 2), (objects, bytesPerObject, hotFraction) => {
      const args = { objects, bytesPerObject, hotFraction };
      step(`cacheMemory(${show(args)})`);
      close(`cacheMemory(${show(args)})`, cacheMemory(args), objects * bytesPerObject * hotFraction);
    }),
  );

  property("servers carry the load at the target utilisation, rounded up", ({ serversFor }) =>
    fc.property(
      fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 5000 }), fc.constantFrom(0.5, 0.6, 0.7, 0.8),
      decimal(0.01, 0.99, 2),
      (whole, capacityPerServer, utilisation, part) => {
        // A load between two whole numbers of servers, so both rounding down and ignoring the
        // utilisation give a different count.
        const load = Math.round((whole + part) * capacityPerServer * utilisation * 100) / 100;
        const args = { load, capacityPerServer, utilisation };
        step(`serversFor(${show(args)})`);
        check(`serversFor(${show(args)})`, serversFor(args), Math.ceil(load / (capacityPerServer * utilisation)));
      }),
  );

  property("availabilities in series multiply", ({ inSeries }) =>
    fc.property(fc.array(availability, { minLength: 2, maxLength: 5 }), (parts) => {
      step(`inSeries(${show(parts)})`);
      close(`inSeries(${show(parts)})`, inSeries(parts), parts.reduce((t, a) => t * a, 1));
    }),
  );

  property("in parallel the unavailabilities multiply", ({ inParallel }) =>
    fc.property(fc.array(availability, { minLength: 2, maxLength: 5 }), (parts) => {
      step(`inParallel(${show(parts)})`);
      close(`inParallel(${show(parts)})`, inParallel(parts), 1 - parts.reduce((d, a) => d * (1 - a), 1));
    }),
  );

  property("n nines allow a 10^n-th of a year of downtime", ({ downtimePerYear }) =>
    fc.property(fc.oneof(fc.integer({ min: 1, max: 9 }), decimal(0.5, 6, 1)), (nines) => {
      step(`downtimePerYear(${nines})`);
      close(`downtimePerYear(${nines})`, downtimePerYear(nines), YEAR / 10 ** nines);
    }),
  );

  property("bad input throws a RangeError", (m) =>
    fc.property(count, size, (n, bytes) => {
      // Good input first, so that throwing on everything is not a way to pass.
      step(`storagePerYear(${show({ writesPerSecond: n, bytesPerObject: bytes, replicationFactor: 1 })})`);
      checkThat("storagePerYear with good input", typeof m.storagePerYear({ writesPerSecond: n, bytesPerObject: bytes, replicationFactor: 1 }) === "number", "a number", "an error or a non-number");
      const bad: [string, () => unknown][] = [
        [`requestsPerSecond({ dailyActiveUsers: ${-n}, ... })`, () => m.requestsPerSecond({ dailyActiveUsers: -n, requestsPerUserPerDay: 1, peakFactor: 2 })],
        ["requestsPerSecond({ peakFactor: 0.5, ... })", () => m.requestsPerSecond({ dailyActiveUsers: n, requestsPerUserPerDay: 1, peakFactor: 0.5 })],
        ["requestsPerSecond({ dailyActiveUsers: NaN, ... })", () => m.requestsPerSecond({ dailyActiveUsers: Number.NaN, requestsPerUserPerDay: 1, peakFactor: 2 })],
        ["storagePerYear({ replicationFactor: 0, ... })", () => m.storagePerYear({ writesPerSecond: n, bytesPerObject: bytes, replicationFactor: 0 })],
        ["storagePerYear({ replicationFactor: 1.5, ... })", () => m.storagePerYear({ writesPerSecond: n, bytesPerObject: bytes, replicationFactor: 1.5 })],
        [`egressPerSecond(${n}, -1)`, () => m.egressPerSecond(n, -1)],
        ["cacheMemory({ hotFraction: 1.5, ... })", () => m.cacheMemory({ objects: n, bytesPerObject: bytes, hotFraction: 1.5 })],
        ["serversFor({ utilisation: 0, ... })", () => m.serversFor({ load: n, capacityPerServer: bytes, utilisation: 0 })],
        ["serversFor({ capacityPerServer: 0, ... })", () => m.serversFor({ load: n, capacityPerServer: 0, utilisation: 0.5 })],
        ["inSeries([0.9, 1.2])", () => m.inSeries([0.9, 1.2])],
        ["inParallel([-0.1, 0.9])", () => m.inParallel([-0.1, 0.9])],
        ["downtimePerYear(-1)", () => m.downtimePerYear(-1)],
        ["downtimePerYear(Infinity)", () => m.downtimePerYear(Number.POSITIVE_INFINITY)],
      ];
      for (const [what, call] of bad) checkThrows(what, call, RangeError);
    }),
    { runs: 5 },
  );
});
