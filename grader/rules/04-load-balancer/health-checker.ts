import { defineRules } from "../../kit/rules.ts";

const FLIP = "a target turns unhealthy after fall failures in a row and healthy after rise successes in a row";
const ON_CHANGE = "onChange fires once per transition, with the target's id and new state";
const STATUS = "a status from 200 to 399 is a success and any other status a failure";
const TIMEOUT = "a reply slower than timeoutMs is a failure and a quicker one a success";
const CADENCE = "rounds start at start() and then every intervalMs, however slow the replies";
const STOP = "stop() aborts probes in flight and leaves no timer behind";

export default defineRules("04-load-balancer/health-checker", [
  {
    rule: "flip it healthy or unhealthy only after `rise` / `fall` results in a row",
    property: FLIP,
    mutants: ["fall-off-by-one", "streak-never-reset"],
  },
  {
    rule: "Consecutive successes that make an unhealthy target healthy.",
    property: FLIP,
    mutants: ["rise-and-fall-swapped"],
  },
  {
    rule: "Called once per transition (never when the state stays the same).",
    property: ON_CHANGE,
    mutants: ["onchange-every-result", "onchange-old-state"],
  },
  {
    rule: "Success: a status 200–399 received before `timeoutMs`; anything else (network error, other status, timeout) is a failure.",
    property: STATUS,
    mutants: ["3xx-is-failure", "399-excluded", "4xx-is-success"],
  },
  {
    rule: "(redirects not followed)",
    property: "redirects are not followed: a 3xx answer counts as a success",
    mutants: ["follows-redirects"],
  },
  {
    rule: "A probe without a status after this long is a failure.",
    property: TIMEOUT,
    mutants: ["no-timeout", "timeout-is-interval"],
  },
  {
    rule: "Probe every target now, then every `intervalMs`",
    property: CADENCE,
    mutants: ["first-round-late"],
  },
  {
    rule: "Round k of probes starts at (time of `start()`) + k × intervalMs.",
    property: CADENCE,
    mutants: ["cadence-drifts"],
  },
  {
    rule: "Stop probing: abort every probe in flight and clear every timer.",
    property: STOP,
    mutants: ["stop-keeps-round-timer", "stop-does-not-abort", "stop-keeps-probe-timers"],
  },
  {
    rule: "Throws `RangeError` when `timeoutMs >= intervalMs`",
    property: "timeoutMs at or above intervalMs throws a RangeError",
    mutants: ["timeout-equal-interval-allowed"],
  },
  {
    rule: "when a number breaks the ranges documented on `HealthCheckerOptions`, or when two targets share an id.",
    property: "a number out of its documented range, or two targets sharing an id, throws a RangeError",
    mutants: ["accepts-duplicate-targets", "rise-unchecked"],
  },
  {
    rule: "Whether `id` is healthy now. Throws `RangeError` for an unknown id.",
    property: "isHealthy throws a RangeError for an unknown id",
    mutants: ["unknown-id-unhealthy"],
  },
]);
