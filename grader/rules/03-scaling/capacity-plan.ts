import { defineRules } from "../../kit/rules.ts";

const COUNT = "the answer is enough servers at the target utilization plus the spares";
const BAD = "bad input throws a RangeError";

export default defineRules("03-scaling/capacity-plan", [
  {
    rule: "k more are spares so the tier still carries the peak with k servers down.",
    property: COUNT,
    mutants: ["forgets-spares"],
  },
  {
    rule: "N servers carry the peak while each runs at the target utilization",
    property: COUNT,
    mutants: ["ignores-utilization"],
  },
  {
    rule: "failuresTolerated + Math.max(1, Math.ceil(peakRps / (perServerRps * targetUtilization)))",
    property: COUNT,
    mutants: ["rounds-to-nearest"],
  },
  {
    rule: "(even zero traffic needs one server)",
    property: "zero traffic still needs one server plus the spares",
    mutants: ["no-minimum-server"],
  },
  {
    rule: "Math.ceil(peakRps / (perServerRps * targetUtilization))",
    property: "a peak that fills whole servers exactly needs no extra server",
    mutants: ["floor-plus-one"],
  },
  {
    rule: "computed exactly as written",
    property: "near a whole number of servers the answer follows the contract's expression in doubles",
    mutants: ["reordered-division"],
  },
  {
    rule: "The share of capacity you plan to use, in (0, 1]",
    property: "edge values are accepted: utilization 1, zero traffic and no spares",
    mutants: ["rejects-full-utilization"],
  },
  { rule: "`targetUtilization` is outside (0, 1]", property: BAD, mutants: ["accepts-zero-utilization"] },
  { rule: "`failuresTolerated` is negative or not an integer", property: BAD, mutants: ["accepts-fractional-spares"] },
  { rule: "or any field is not a finite number.", property: BAD, mutants: ["accepts-non-finite"] },
  { rule: "Throws `RangeError` when `peakRps < 0`,", property: BAD, mutants: ["accepts-negative-peak"] },
  { rule: "`perServerRps <= 0`,", property: BAD, mutants: ["accepts-zero-per-server-rps"] },
]);
