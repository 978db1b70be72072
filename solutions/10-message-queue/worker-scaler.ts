/**
 * How many queue workers to run: enough to keep up with arrivals and to drain the backlog
 * within a target time, clamped to the fleet's bounds.
 */

export interface ScalerInput {
  /** Messages waiting in the queue now (≥ 0). */
  depth: number;
  /** Messages arriving per second (≥ 0). */
  arrivalPerSec: number;
  /** Messages one worker processes per second (> 0). */
  perWorkerPerSec: number;
  /** Seconds within which the backlog must be drained (> 0). */
  drainWithinSec: number;
  /** Fewest workers to run (≥ 0). */
  min: number;
  /** Most workers to run (≥ min). */
  max: number;
}

/**
 * Returns `Math.ceil((arrivalPerSec * drainWithinSec + depth) / (perWorkerPerSec * drainWithinSec))`
 * clamped to [min, max]: in `drainWithinSec` seconds the workers must process everything that
 * arrives in that time plus what is already waiting. Compute exactly this expression.
 * @throws RangeError when any input is not a finite number, is negative, when `perWorkerPerSec`
 * or `drainWithinSec` is 0, or when `min > max`.
 */
export function workersNeeded(input: ScalerInput): number {
  const { depth, arrivalPerSec, perWorkerPerSec, drainWithinSec, min, max } = input;
  for (const [name, value] of Object.entries({ depth, arrivalPerSec, perWorkerPerSec, drainWithinSec, min, max })) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
    }
  }
  if (perWorkerPerSec === 0) throw new RangeError("perWorkerPerSec must be > 0");
  if (drainWithinSec === 0) throw new RangeError("drainWithinSec must be > 0");
  if (min > max) throw new RangeError(`min (${min}) must not exceed max (${max})`);
  const needed = Math.ceil((arrivalPerSec * drainWithinSec + depth) / (perWorkerPerSec * drainWithinSec));
  return Math.min(max, Math.max(min, needed));
}
