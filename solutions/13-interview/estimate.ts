/**
 * Back-of-the-envelope estimates: the arithmetic of step 1 of a system-design interview.
 *
 * Every function is one JavaScript expression, given in its doc comment. The grader compares your
 * answer with that expression to within a relative 1e-9, so multiplying in another order is fine;
 * `serversFor` returns a whole number and is compared exactly. Every function throws `RangeError`
 * for an argument that is not a finite number or is outside the range its doc comment states.
 */

/** Seconds in a day: 24 × 60 × 60. */
export const SECONDS_PER_DAY = 86_400;
/** Seconds in a 365-day year (this course ignores leap years). */
export const SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY;

export interface TrafficInput {
  /** Users active on a typical day. A finite number >= 0. */
  dailyActiveUsers: number;
  /** Requests each of them makes a day. A finite number >= 0. */
  requestsPerUserPerDay: number;
  /** How many times the average the busiest moment is. A finite number >= 1. */
  peakFactor: number;
}

export interface StorageInput {
  /** New objects written per second, on average. A finite number >= 0. */
  writesPerSecond: number;
  /** Bytes per object. A finite number >= 0. */
  bytesPerObject: number;
  /** Copies kept of each object (master + replicas). An integer >= 1. */
  replicationFactor: number;
}

export interface CacheInput {
  /** Objects that could be cached. A finite number >= 0. */
  objects: number;
  /** Bytes per object. A finite number >= 0. */
  bytesPerObject: number;
  /** The share of objects that is hot enough to cache, in [0, 1]. */
  hotFraction: number;
}

export interface ServersInput {
  /** Load to carry (requests, reads or jobs per second). A finite number >= 0. */
  load: number;
  /** Load one server carries at 100% utilisation. A finite number > 0. */
  capacityPerServer: number;
  /** The share of each server's capacity you plan to use, in (0, 1]: 0.6 leaves 40% headroom. */
  utilisation: number;
}

function check(name: string, value: number, min: number, max = Number.POSITIVE_INFINITY, minExclusive = false): void {
  const tooLow = minExclusive ? value <= min : value < min;
  if (typeof value !== "number" || !Number.isFinite(value) || tooLow || value > max) {
    throw new RangeError(`${name} must be a finite number ${minExclusive ? ">" : ">="} ${min}${max < Infinity ? ` and <= ${max}` : ""}, got ${value}`);
  }
}

/**
 * Average and peak requests per second:
 *
 *     average = dailyActiveUsers * requestsPerUserPerDay / SECONDS_PER_DAY
 *     peak    = average * peakFactor
 *
 * Example: 10 000 000 users × 20 requests / 86 400 s ≈ 2 314.8 req/s; at a 3× peak, ≈ 6 944.4.
 */
export function requestsPerSecond(input: TrafficInput): { average: number; peak: number } {
  const { dailyActiveUsers, requestsPerUserPerDay, peakFactor } = input;
  check("dailyActiveUsers", dailyActiveUsers, 0);
  check("requestsPerUserPerDay", requestsPerUserPerDay, 0);
  check("peakFactor", peakFactor, 1);
  const average = dailyActiveUsers * requestsPerUserPerDay / SECONDS_PER_DAY;
  return { average, peak: average * peakFactor };
}

/**
 * Bytes of disk a year of writes takes, counting every copy:
 *
 *     writesPerSecond * bytesPerObject * SECONDS_PER_YEAR * replicationFactor
 *
 * Example: 210 writes/s × 1 000 B × 31 536 000 s × 3 copies ≈ 19.9 TB.
 */
export function storagePerYear(input: StorageInput): number {
  const { writesPerSecond, bytesPerObject, replicationFactor } = input;
  check("writesPerSecond", writesPerSecond, 0);
  check("bytesPerObject", bytesPerObject, 0);
  check("replicationFactor", replicationFactor, 1);
  if (!Number.isInteger(replicationFactor)) throw new RangeError(`replicationFactor must be an integer, got ${replicationFactor}`);
  return writesPerSecond * bytesPerObject * SECONDS_PER_YEAR * replicationFactor;
}

/**
 * Egress in bytes per second (multiply by 8 yourself for bits):
 *
 *     requestsPerSecond * bytesPerResponse
 *
 * Both arguments are finite numbers >= 0. Example: 6 944 req/s × 50 000 B ≈ 347 MB/s.
 */
export function egressPerSecond(requestsPerSecond: number, bytesPerResponse: number): number {
  check("requestsPerSecond", requestsPerSecond, 0);
  check("bytesPerResponse", bytesPerResponse, 0);
  return requestsPerSecond * bytesPerResponse;
}

/**
 * Bytes of cache memory to hold the hot objects' values:
 *
 *     objects * bytesPerObject * hotFraction
 *
 * Example: 10 000 000 objects × 1 000 B × 0.2 = 2 GB.
 */
export function cacheMemory(input: CacheInput): number {
  const { objects, bytesPerObject, hotFraction } = input;
  check("objects", objects, 0);
  check("bytesPerObject", bytesPerObject, 0);
  check("hotFraction", hotFraction, 0, 1);
  return objects * bytesPerObject * hotFraction;
}

/**
 * Servers needed to carry a load at a utilisation target, computed exactly as written:
 *
 *     Math.ceil(load / (capacityPerServer * utilisation))
 *
 * (zero load needs zero servers; add spares yourself). Example: 6 944 req/s at 1 000 req/s per
 * server and 60% utilisation: ceil(11.57) = 12.
 */
export function serversFor(input: ServersInput): number {
  const { load, capacityPerServer, utilisation } = input;
  check("load", load, 0);
  check("capacityPerServer", capacityPerServer, 0, Infinity, true);
  check("utilisation", utilisation, 0, 1, true);
  return Math.ceil(load / (capacityPerServer * utilisation));
}

/**
 * Availability of components in series (every one must be up), each in [0, 1]:
 *
 *     availabilities.reduce((total, a) => total * a, 1)
 *
 * An empty list is 1. Example: [0.999, 0.999] → 0.998001.
 */
export function inSeries(availabilities: number[]): number {
  availabilities.forEach((a, i) => check(`availabilities[${i}]`, a, 0, 1));
  return availabilities.reduce((total, a) => total * a, 1);
}

/**
 * Availability of redundant components in parallel (one up is enough), each in [0, 1]:
 *
 *     1 - availabilities.reduce((down, a) => down * (1 - a), 1)
 *
 * An empty list is 0. Example: [0.99, 0.99] → 0.9999.
 */
export function inParallel(availabilities: number[]): number {
  availabilities.forEach((a, i) => check(`availabilities[${i}]`, a, 0, 1));
  return 1 - availabilities.reduce((down, a) => down * (1 - a), 1);
}

/**
 * Seconds of downtime a year allowed by an availability of `nines` nines (3 → 99.9%):
 *
 *     SECONDS_PER_YEAR / 10 ** nines
 *
 * `nines` is a finite number >= 0 (2.5 is allowed: 99.68%). Example: 3 → 31 536 s ≈ 8.76 hours.
 */
export function downtimePerYear(nines: number): number {
  check("nines", nines, 0);
  return SECONDS_PER_YEAR / 10 ** nines;
}
