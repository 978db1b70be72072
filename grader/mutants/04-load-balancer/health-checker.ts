import { defineMutants } from "../../kit/index.ts";

const STATUS = "ok = response.status >= 200 && response.status <= 399;";
const THRESHOLD = "if (state.streak >= (ok ? this.options.rise : this.options.fall)) {";

export default defineMutants("04-load-balancer/health-checker", [
  {
    name: "fall-off-by-one",
    bug: "needs one failure (or success) more than fall (or rise) before it flips",
    kills: "a target turns unhealthy after fall failures in a row and healthy after rise successes in a row",
    edits: [[THRESHOLD, "if (state.streak > (ok ? this.options.rise : this.options.fall)) {"]],
  },
  {
    name: "streak-never-reset",
    bug: "counts failures since the last transition instead of failures in a row",
    kills: "a target turns unhealthy after fall failures in a row and healthy after rise successes in a row",
    edits: [["      state.streak = 0; // a result that agrees", "      // a result that agrees"]],
  },
  {
    name: "rise-and-fall-swapped",
    bug: "uses rise to go down and fall to come back up",
    kills: "a target turns unhealthy after fall failures in a row and healthy after rise successes in a row",
    edits: [[THRESHOLD, "if (state.streak >= (ok ? this.options.fall : this.options.rise)) {"]],
  },
  {
    name: "onchange-every-result",
    bug: "calls onChange after every probe, not only on transitions",
    kills: "onChange fires once per transition, with the target's id and new state",
    edits: [["    if (ok === state.healthy) {\n      state.streak = 0;", "    if (ok === state.healthy) {\n      this.options.onChange(id, ok);\n      state.streak = 0;"]],
  },
  {
    name: "onchange-old-state",
    bug: "passes the previous state to onChange instead of the new one",
    kills: "onChange fires once per transition, with the target's id and new state",
    edits: [["this.options.onChange(id, ok);", "this.options.onChange(id, !ok);"]],
  },
  {
    name: "3xx-is-failure",
    bug: "counts only 2xx as healthy",
    kills: "a status from 200 to 399 is a success and any other status a failure",
    edits: [[STATUS, "ok = response.status >= 200 && response.status <= 299;"]],
  },
  {
    name: "399-excluded",
    bug: "treats 399 as a failure (< 399 instead of <= 399)",
    kills: "a status from 200 to 399 is a success and any other status a failure",
    edits: [[STATUS, "ok = response.status >= 200 && response.status < 399;"]],
  },
  {
    name: "4xx-is-success",
    bug: "counts every status below 500 as healthy",
    kills: "a status from 200 to 399 is a success and any other status a failure",
    edits: [[STATUS, "ok = response.status >= 200 && response.status < 500;"]],
  },
  {
    name: "follows-redirects",
    bug: "follows redirects, so the probe judges another server's answer",
    kills: "redirects are not followed: a 3xx answer counts as a success",
    edits: [['redirect: "manual", signal', 'redirect: "follow", signal']],
  },
  {
    name: "no-timeout",
    bug: "never times a probe out: a slow reply counts whenever it arrives",
    kills: "a reply slower than timeoutMs is a failure and a quicker one a success",
    edits: [["const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);", "const timer = setTimeout(() => {}, this.options.timeoutMs);"]],
  },
  {
    name: "timeout-is-interval",
    bug: "times probes out after intervalMs instead of timeoutMs",
    kills: "a reply slower than timeoutMs is a failure and a quicker one a success",
    edits: [["const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);", "const timer = setTimeout(() => controller.abort(), this.options.intervalMs);"]],
  },
  {
    name: "first-round-late",
    bug: "waits one interval before the first round instead of probing at start()",
    kills: "rounds start at start() and then every intervalMs, however slow the replies",
    edits: [["    this.running = true;\n    this.round();", "    this.running = true;\n    this.roundTimer = setTimeout(() => this.round(), this.options.intervalMs);"]],
  },
  {
    name: "cadence-drifts",
    bug: "schedules the next round intervalMs after the slowest probe of this one ends",
    kills: "rounds start at start() and then every intervalMs, however slow the replies",
    edits: [[
      "    this.roundTimer = setTimeout(() => this.round(), this.options.intervalMs);\n    for (const target of this.options.targets) void this.probe(target);",
      "    const generation = this.generation;\n    void Promise.all(this.options.targets.map((t) => this.probe(t))).then(() => {\n      if (generation === this.generation) this.roundTimer = setTimeout(() => this.round(), this.options.intervalMs);\n    });",
    ]],
  },
  {
    name: "stop-keeps-round-timer",
    bug: "stop() aborts probes but leaves the next round's timer running",
    kills: "stop() aborts probes in flight and leaves no timer behind",
    edits: [["    clearTimeout(this.roundTimer);\n    this.roundTimer = undefined;\n", ""]],
  },
  {
    name: "stop-does-not-abort",
    bug: "stop() clears the timers but leaves probes in flight",
    kills: "stop() aborts probes in flight and leaves no timer behind",
    edits: [["      probe.controller.abort();\n", ""]],
  },
  {
    name: "stop-keeps-probe-timers",
    bug: "stop() ends the round timer but leaves every probe's timeout timer",
    kills: "stop() aborts probes in flight and leaves no timer behind",
    edits: [["    for (const probe of this.inFlight) {\n      clearTimeout(probe.timer);\n      probe.controller.abort();\n    }\n", ""]],
  },
  {
    name: "timeout-equal-interval-allowed",
    bug: "accepts timeoutMs equal to intervalMs",
    kills: "timeoutMs at or above intervalMs throws a RangeError",
    edits: [["if (timeoutMs >= intervalMs)", "if (timeoutMs > intervalMs)"]],
  },
  {
    name: "accepts-duplicate-targets",
    bug: "the constructor accepts two targets with the same id (the later one replaces the earlier)",
    kills: "a number out of its documented range, or two targets sharing an id, throws a RangeError",
    edits: [["      if (this.states.has(id)) throw new RangeError(`duplicate target id ${id}`);\n", ""]],
  },
  {
    name: "rise-unchecked",
    bug: "the constructor does not check rise, so 0 or a fraction is accepted",
    kills: "a number out of its documented range, or two targets sharing an id, throws a RangeError",
    edits: [["    if (!Number.isInteger(rise) || rise < 1) throw new RangeError(`rise must be an integer >= 1, got ${rise}`);\n", ""]],
  },
  {
    name: "unknown-id-unhealthy",
    bug: "isHealthy answers false for an unknown id instead of throwing RangeError",
    kills: "isHealthy throws a RangeError for an unknown id",
    edits: [["    if (!state) throw new RangeError(`unknown target ${id}`);", "    if (!state) return false;"]],
  },
]);
