import { defineRules } from "../../kit/rules.ts";

const SMOOTH = "weighted round-robin follows nginx's smooth algorithm through downs and ups";
const EXAMPLE = "weights 5, 1, 1 give the smooth sequence a a b a c a a";

export default defineRules("04-load-balancer/load-balancer", [
  {
    rule: "`backends` in list order (the order every tie-break uses), all healthy at first.",
    property: "every backend is healthy at first",
    mutants: ["starts-last-down"],
  },
  {
    rule: "round-robin: the next healthy backend after the last pick, in list order (the first pick takes the first healthy backend).",
    property: "round-robin picks the next healthy backend after the last pick, in list order",
    mutants: ["rr-counts-over-healthy", "rr-always-first"],
  },
  {
    rule: "Every healthy backend adds its weight to its current weight",
    property: "every block of sum-of-weights picks chooses each backend exactly weight times",
    mutants: ["weighted-ignores-weights"],
  },
  {
    rule: "Weights {a:5, b:1, c:1} pick a a b a c a a.",
    property: EXAMPLE,
    mutants: ["weighted-in-runs"],
  },
  {
    rule: "the highest current weight wins (ties: earlier in the list)",
    property: EXAMPLE,
    mutants: ["weighted-ties-to-later"],
  },
  {
    rule: "and loses the total weight of the healthy backends.",
    property: SMOOTH,
    mutants: ["weighted-total-counts-down"],
  },
  {
    rule: "A down backend takes no part and keeps its current weight until it is up again.",
    property: SMOOTH,
    mutants: ["weighted-resets-on-up", "weighted-down-keeps-gaining"],
  },
  {
    rule: "Marking a down backend down, or an up backend up, changes nothing.",
    property: SMOOTH,
    mutants: ["weighted-up-again-resets"],
  },
  {
    rule: "least-connections: the healthy backend with the fewest open connections (ties: earlier).",
    property: "least-connections picks the backend with the fewest open connections, ties to the earlier one",
    mutants: ["lc-ties-to-later"],
  },
  {
    rule: "Choose a healthy backend, count one open connection on it and return its id.",
    property: "pick counts an open connection and release never takes it below zero",
    mutants: ["pick-not-counted"],
  },
  {
    rule: "One connection to `id` closed: its count goes down by one, never below 0.",
    property: "pick counts an open connection and release never takes it below zero",
    mutants: ["release-below-zero"],
  },
  {
    rule: "Throws `NoHealthyBackendError` when no backend is healthy.",
    property: "a down backend is never picked, and with none healthy pick throws NoHealthyBackendError",
    mutants: ["generic-error-when-none-healthy"],
  },
  {
    rule: "The balancer never sends traffic to a backend marked down",
    property: "a down backend is never picked, and with none healthy pick throws NoHealthyBackendError",
    mutants: ["ip-hash-ignores-health"],
  },
  {
    rule: "Throws `TypeError` when `clientIp` is missing.",
    property: "pick() without a client IP under ip-hash throws a TypeError",
    mutants: ["ip-hash-without-ip-check"],
  },
  {
    rule: "so a client keeps its backend while the healthy set is unchanged",
    property: "ip-hash keeps a client on its backend while the healthy set is unchanged",
    mutants: ["ip-hash-rotates"],
  },
  {
    rule: "and when a backend goes down only its clients move.",
    property: "when a backend goes down under ip-hash only its clients move",
    mutants: ["ip-hash-modulo"],
  },
  {
    rule: "10 000 random clients over 2–10 healthy backends land within ±35% of the mean on each.",
    property: "ip-hash spreads 10 000 random clients within ±35% of the mean",
    mutants: ["ip-hash-weak-hash"],
  },
  {
    rule: "Throws `RangeError` on a duplicate id or a weight that is not a positive integer.",
    property: "a duplicate id or a weight that is not a positive integer throws RangeError",
    mutants: ["accepts-duplicate-ids", "accepts-fractional-weight"],
  },
  {
    rule: "An unknown id throws `RangeError` in every method that takes an id: `release`, `markDown`, `markUp` and `active`.",
    property: "an unknown id throws RangeError in release, markDown, markUp and active",
    mutants: ["active-of-unknown-is-zero"],
  },
]);
