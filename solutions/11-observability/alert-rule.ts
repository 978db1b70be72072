/**
 * An error-rate alert rule, as in Prometheus: the rule watches the share of failed requests in
 * a sliding time window and only pages someone once the problem has lasted `forMs`, so that a
 * single bad second does not wake anyone up.
 */

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
 * Invalid options throw `RangeError`.
 */
export class AlertRule {
  private readonly options: AlertRuleOptions;
  /** Requests in record order, hence oldest first; `head` skips those that left the window. */
  private readonly requests: { at: number; ok: boolean }[] = [];
  private head = 0;
  private errors = 0;
  private pendingSince: number | null = null;
  private current: AlertState = "ok";

  constructor(options: AlertRuleOptions) {
    const { windowMs, threshold, minRequests, forMs } = options;
    if (!(windowMs > 0) || !(threshold >= 0 && threshold <= 1) || !(forMs >= 0) || !Number.isInteger(minRequests) || minRequests < 0) {
      throw new RangeError(`invalid alert rule options: ${JSON.stringify(options)}`);
    }
    this.options = { windowMs, threshold, minRequests, forMs };
  }

  /** Records one request answered now (`ok = false` for an error), then evaluates the rule. */
  record(ok: boolean): void {
    this.requests.push({ at: Date.now(), ok });
    if (!ok) this.errors += 1;
    this.evaluate();
  }

  /** Evaluates the rule now and returns its state. */
  state(): AlertState {
    this.evaluate();
    return this.current;
  }

  private evaluate(): void {
    const now = Date.now();
    this.dropExpired(now);
    const inWindow = this.requests.length - this.head;
    const { threshold, minRequests, forMs } = this.options;
    const holds = inWindow > 0 && inWindow >= minRequests && this.errors / inWindow > threshold;
    if (!holds) {
      this.pendingSince = null;
      this.current = "ok";
      return;
    }
    if (this.pendingSince === null) this.pendingSince = now;
    this.current = now - this.pendingSince >= forMs ? "firing" : "pending";
  }

  /** Forgets requests recorded at t with `now - t >= windowMs`. */
  private dropExpired(now: number): void {
    while (this.head < this.requests.length && now - this.requests[this.head].at >= this.options.windowMs) {
      if (!this.requests[this.head].ok) this.errors -= 1;
      this.head += 1;
    }
    // Compact now and then so memory follows the window, not the whole history.
    if (this.head > 1024 && this.head * 2 > this.requests.length) {
      this.requests.splice(0, this.head);
      this.head = 0;
    }
  }
}
