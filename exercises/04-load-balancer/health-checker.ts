/**
 * Active health checks, as a load balancer runs them: probe every backend on a fixed cadence
 * and flip it healthy or unhealthy only after `rise` / `fall` results in a row, so one slow
 * reply does not pull a server out of rotation and one lucky reply does not put it back.
 */

export interface HealthTarget {
  /** Backend name passed to `onChange`, e.g. "web-1". */
  id: string;
  /** Absolute URL probed with `GET`, e.g. "http://10.0.0.11/health". */
  url: string;
}

export interface HealthCheckerOptions {
  targets: HealthTarget[];
  /** Round k of probes starts at (time of `start()`) + k × intervalMs. A finite number > 0. */
  intervalMs: number;
  /** A probe without a status after this long is a failure. Must be > 0 and < intervalMs. */
  timeoutMs: number;
  /** Consecutive successes that make an unhealthy target healthy. An integer >= 1. */
  rise: number;
  /** Consecutive failures that make a healthy target unhealthy. An integer >= 1. */
  fall: number;
  /** Called once per transition (never when the state stays the same). */
  onChange: (id: string, healthy: boolean) => void;
}

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/04-load-balancer/health-checker.ts`);
}

export class HealthChecker {
  // Your fields here: the options, per target its state and streak, the round timer, probes in flight.

  /**
   * All targets start healthy. Throws `RangeError` when `timeoutMs >= intervalMs`, when a number
   * breaks the ranges documented on `HealthCheckerOptions`, or when two targets share an id.
   */
  constructor(options: HealthCheckerOptions) {
    notImplemented("new HealthChecker");
  }

  /**
   * Probe every target now, then every `intervalMs`, with `GET url` through the global `fetch`
   * (redirects not followed). Success: a status 200–399 received before `timeoutMs`; anything
   * else (network error, other status, timeout) is a failure. Calling it while running does nothing.
   *
   * Graders drive time with fake timers and script the servers with nock, so: look up the
   * global `fetch` when you probe (not once at load time), time a probe out with `setTimeout`
   * and an `AbortController` (`AbortSignal.timeout` runs on real time), and decide on the status
   * alone without waiting for the body.
   */
  start(): void {
    notImplemented("HealthChecker.start");
  }

  /** Stop probing: abort every probe in flight and clear every timer. No `onChange` afterwards. */
  stop(): void {
    notImplemented("HealthChecker.stop");
  }

  /** Whether `id` is healthy now. Throws `RangeError` for an unknown id. */
  isHealthy(id: string): boolean {
    notImplemented("HealthChecker.isHealthy");
  }
}
