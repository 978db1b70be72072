/**
 * An error-rate alert rule, as in Prometheus: the rule watches the share of failed requests in
 * a sliding time window and only pages someone once the problem has lasted `forMs`, so that a
 * single bad second does not wake anyone up.
 */

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/11-observability/alert-rule.ts`);
}

/** `ok`: nothing wrong. `pending`: the condition holds but not yet for `forMs`. `firing`: page. */
export type AlertState = "ok" | "pending" | "firing";

export interface AlertRuleOptions {
  /** Length of the sliding window in ms (> 0): a request recorded at t counts while `now - t < windowMs`. */
  windowMs: number;
  /** Error ratio in [0, 1] that the window must exceed (strictly) for the condition to hold. */
  threshold: number;
  /** The condition needs at least this many requests in the window (a non-negative integer). */
  minRequests: number;
  /** How long in ms (≥ 0) the condition must hold before the rule fires; 0 fires at once. */
  forMs: number;
}

/**
 * Evaluates its condition at every `record` and `state` call, at `Date.now()`:
 * the condition holds when the window has at least `minRequests` requests and
 * `errors / requests > threshold`. The state is then
 * - `ok` when the condition does not hold (this also forgets when it started to hold);
 * - `pending` from the first evaluation at which it holds (`pendingSince` = that time);
 * - `firing` once `now - pendingSince >= forMs`, the condition having held at every evaluation
 *   since `pendingSince`.
 * Before any evaluation the state is `ok`. Invalid options throw `RangeError`.
 * Read time only through `Date.now()`.
 */
export class AlertRule {
  constructor(options: AlertRuleOptions) {
    notImplemented("new AlertRule()");
  }

  /** Records one request answered now (`ok = false` for an error), then evaluates the rule. */
  record(ok: boolean): void {
    notImplemented("AlertRule.record");
  }

  /** Evaluates the rule now and returns its state. */
  state(): AlertState {
    notImplemented("AlertRule.state");
  }
}
