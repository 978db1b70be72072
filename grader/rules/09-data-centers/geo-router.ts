import { defineRules } from "../../kit/rules.ts";

export default defineRules("09-data-centers/geo-router", [
  {
    rule: "All data centers start healthy.",
    property: "all data centers start healthy",
    mutants: ["starts-last-down"],
  },
  {
    rule: "The id of the healthy data center nearest to `location` (degrees) by great-circle distance.",
    property: "route picks the nearest healthy data center by great-circle distance",
    mutants: ["flat-map-distance", "haversine-without-cosines", "route-ignores-health"],
  },
  {
    rule: "When one data center fails, only the users it served move, for `route` and for `split`.",
    property: "when a data center fails, route moves only the users it served",
    mutants: ["route-remembers-answers"],
  },
  {
    rule: "the same user always gets the same answer while the healthy set is unchanged;",
    property: "split gives the same user the same data center every time",
    mutants: ["split-random-each-call"],
  },
  {
    rule: "Over 20 000 users, each healthy data center receives within 3 percentage points of weight / (total healthy weight) of them;",
    property: "split gives each healthy data center its weight's share of users, within 3 points",
    mutants: ["split-ignores-weights", "split-weight-times-hash", "split-modulo"],
  },
  {
    rule: "and when a data center fails, only the users it served move (each to a healthy data center).",
    property: "when a data center fails, split moves only its users, each to a healthy one",
    mutants: ["split-hash-counts-healthy", "split-ignores-health"],
  },
  {
    rule: "@throws NoHealthyDataCenterError when no data center is healthy.",
    property: "with no healthy data center, route and split throw NoHealthyDataCenterError",
    mutants: ["route-returns-undefined", "split-throws-plain-error"],
  },
  {
    rule: "Throws RangeError for an unknown id.",
    property: "setHealthy throws RangeError for an unknown id",
    mutants: ["set-healthy-accepts-unknown"],
  },
  {
    rule: "Throws RangeError for a duplicate id or a weight that is not a finite number > 0.",
    property: "the constructor throws RangeError for a duplicate id or a weight that is not a finite number > 0",
    mutants: ["accepts-duplicate-ids", "accepts-infinite-weight"],
  },
]);
