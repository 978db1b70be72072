import { defineMutants } from "../../kit/index.ts";

export default defineMutants("11-observability/alert-rule", [
  {
    name: "state-does-not-evaluate",
    bug: "state() returns the state of the last record instead of evaluating the rule now",
    kills: "state() evaluates the rule at the time it is called",
    edits: [["  state(): AlertState {\n    this.evaluate();\n", "  state(): AlertState {\n"]],
  },
  {
    name: "window-inclusive",
    bug: "keeps a request in the window while now - t <= windowMs, one millisecond too long",
    kills: "a request counts in the window only while now - t < windowMs",
    edits: [["now - this.requests[this.head].at >= this.options.windowMs", "now - this.requests[this.head].at > this.options.windowMs"]],
  },
  {
    name: "ratio-at-threshold",
    bug: "triggers when the error ratio equals the threshold, not only above it",
    kills: "an error ratio exactly at the threshold does not trigger the rule",
    edits: [["this.errors / inWindow > threshold", "this.errors / inWindow >= threshold"]],
  },
  {
    name: "for-zero-waits",
    bug: "fires only once now - pendingSince > forMs, so forMs = 0 still passes through pending",
    kills: "with forMs = 0 the rule fires at the first evaluation where the condition holds",
    edits: [["now - this.pendingSince >= forMs", "now - this.pendingSince > forMs"]],
  },
  {
    name: "ignores-min-requests",
    bug: "does not require minRequests requests in the window",
    kills: "fewer than minRequests requests in the window never trigger the rule",
    edits: [["inWindow > 0 && inWindow >= minRequests && ", "inWindow > 0 && "]],
  },
  {
    name: "keeps-pending-since",
    bug: "does not forget pendingSince when the condition fails, so a broken streak counts toward forMs",
    kills: "a condition that fails at one evaluation restarts the forMs wait",
    edits: [["      this.pendingSince = null;\n", ""]],
  },
  {
    name: "record-does-not-evaluate",
    bug: "record only stores the request; the rule is evaluated in state() alone",
    kills: "recording a request evaluates the rule, so the wait starts when the errors arrive",
    edits: [["    if (!ok) this.errors += 1;\n    this.evaluate();\n", "    if (!ok) this.errors += 1;\n"]],
  },
  {
    name: "firing-until-window-empties",
    bug: "a firing rule stays firing while the window holds any request, even after the condition stopped holding",
    kills: "the state moves through ok, pending and firing exactly as the rule says",
    edits: [["    if (!holds) {\n      this.pendingSince = null;", "    if (!holds && this.current === \"firing\" && inWindow > 0) return;\n    if (!holds) {\n      this.pendingSince = null;"]],
  },
  {
    name: "error-restarts-wait",
    bug: "every error recorded while the condition holds restarts the forMs wait (pendingSince = the latest error)",
    kills: "the forMs wait runs from the first evaluation at which the condition holds, whatever errors follow",
    edits: [["    if (!ok) this.errors += 1;\n    this.evaluate();\n", "    if (!ok) {\n      this.errors += 1;\n      this.pendingSince = null;\n    }\n    this.evaluate();\n"]],
  },
  {
    name: "starts-pending",
    bug: "a new rule starts pending, and state() only evaluates once a request has been recorded",
    kills: "a new rule is ok until a request arrives, whatever its options",
    edits: [
      ['private current: AlertState = "ok";', 'private current: AlertState = "pending";'],
      ["  state(): AlertState {\n    this.evaluate();\n", "  state(): AlertState {\n    if (this.requests.length === 0) return this.current;\n    this.evaluate();\n"],
    ],
  },
  {
    name: "accepts-threshold-above-one",
    bug: "checks only threshold >= 0, so a threshold above 1 (a percentage, say) is accepted",
    kills: "invalid options throw RangeError",
    edits: [["!(threshold >= 0 && threshold <= 1)", "!(threshold >= 0)"]],
  },
]);
