import { defineRules } from "../../kit/rules.ts";

export default defineRules("11-observability/alert-rule", [
  {
    rule: "Evaluates the rule now and returns its state.",
    property: "state() evaluates the rule at the time it is called",
    mutants: ["state-does-not-evaluate"],
  },
  {
    rule: "a request recorded at t counts while `now - t < windowMs`.",
    property: "a request counts in the window only while now - t < windowMs",
    mutants: ["window-inclusive"],
  },
  {
    rule: "Error ratio in [0, 1] that the window must exceed (strictly) for the condition to hold.",
    property: "an error ratio exactly at the threshold does not trigger the rule",
    mutants: ["ratio-at-threshold"],
  },
  {
    rule: "0 fires at once.",
    property: "with forMs = 0 the rule fires at the first evaluation where the condition holds",
    mutants: ["for-zero-waits"],
  },
  {
    rule: "The condition needs at least this many requests in the window (a non-negative integer).",
    property: "fewer than minRequests requests in the window never trigger the rule",
    mutants: ["ignores-min-requests"],
  },
  {
    rule: "`ok` when the condition does not hold (this also forgets when it started to hold);",
    property: "a condition that fails at one evaluation restarts the forMs wait",
    mutants: ["keeps-pending-since"],
  },
  {
    rule: "Records one request answered now (`ok = false` for an error), then evaluates the rule.",
    property: "recording a request evaluates the rule, so the wait starts when the errors arrive",
    mutants: ["record-does-not-evaluate"],
  },
  {
    rule: "`pending` from the first evaluation at which it holds (`pendingSince` = that time);",
    property: "the forMs wait runs from the first evaluation at which the condition holds, whatever errors follow",
    mutants: ["error-restarts-wait"],
  },
  {
    // The whole model: a firing rule whose condition stops holding goes back to ok. No specific
    // property watches a firing rule resolve; the model-based one does.
    rule: "The state is then - `ok` when the condition does not hold",
    property: "the state moves through ok, pending and firing exactly as the rule says",
    mutants: ["firing-until-window-empties"],
  },
  {
    rule: "Before any evaluation the state is `ok`.",
    property: "a new rule is ok until a request arrives, whatever its options",
    mutants: ["starts-pending"],
  },
  {
    rule: "Invalid options throw `RangeError`.",
    property: "invalid options throw RangeError",
    mutants: ["accepts-threshold-above-one"],
  },
]);
