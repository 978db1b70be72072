import { defineMutants } from "../../kit/index.ts";

const SMOOTH_BODY = `  let total = 0;
  let best = healthy[0];
  for (const s of healthy) {
    s.current += s.weight;
    total += s.weight;
    if (s.current > best.current) best = s;
  }
  best.current -= total;
  return best;`;

export default defineMutants("04-load-balancer/load-balancer", [
  {
    name: "rr-counts-over-healthy",
    bug: "round-robin counts over the list of healthy backends, so a backend going down shifts the rotation",
    kills: "round-robin picks the next healthy backend after the last pick, in list order",
    edits: [['case "round-robin": chosen = this.nextInOrder(); break;', 'case "round-robin": chosen = healthy[(this.last = (this.last + 1) % healthy.length)]; break;']],
  },
  {
    name: "rr-always-first",
    bug: "round-robin always starts looking from the first backend",
    kills: "round-robin picks the next healthy backend after the last pick, in list order",
    edits: [["const i = (this.last + step) % n;", "const i = (step - 1) % n;"]],
  },
  {
    name: "weighted-in-runs",
    bug: "weighted round-robin sends each backend its weight of picks in a row (a a a a a b c), not interleaved",
    kills: "weights 5, 1, 1 give the smooth sequence a a b a c a a",
    edits: [[SMOOTH_BODY, `  let best = healthy.find((s) => s.current < s.weight);
  if (!best) {
    for (const s of healthy) s.current = 0;
    best = healthy[0];
  }
  best.current += 1;
  return best;`]],
  },
  {
    name: "weighted-ties-to-later",
    bug: "smooth weighted round-robin breaks ties toward the later backend",
    kills: "weights 5, 1, 1 give the smooth sequence a a b a c a a",
    edits: [["if (s.current > best.current) best = s;", "if (s.current >= best.current) best = s;"]],
  },
  {
    name: "weighted-resets-on-up",
    bug: "a backend that comes back up restarts from current weight 0 instead of keeping it",
    kills: "weighted round-robin follows nginx's smooth algorithm through downs and ups",
    edits: [["    this.slot(id).up = true;", "    const slot = this.slot(id);\n    slot.up = true;\n    slot.current = 0;"]],
  },
  {
    name: "weighted-total-counts-down",
    bug: "the winner loses the total weight of every backend, down ones included, not only the healthy ones",
    kills: "weighted round-robin follows nginx's smooth algorithm through downs and ups",
    edits: [[
      "case \"weighted-round-robin\": chosen = smoothWeighted(healthy); break;",
      "case \"weighted-round-robin\": chosen = smoothWeighted(healthy); chosen.current -= this.slots.filter((s) => !s.up).reduce((t, s) => t + s.weight, 0); break;",
    ]],
  },
  {
    name: "weighted-down-keeps-gaining",
    bug: "a down backend keeps adding its weight to its current weight at every pick, so it comes back with a burst",
    kills: "weighted round-robin follows nginx's smooth algorithm through downs and ups",
    edits: [[
      "case \"weighted-round-robin\": chosen = smoothWeighted(healthy); break;",
      "case \"weighted-round-robin\": for (const s of this.slots) if (!s.up) s.current += s.weight; chosen = smoothWeighted(healthy); break;",
    ]],
  },
  {
    name: "weighted-up-again-resets",
    bug: "marking an up backend up again resets its current weight, though it should change nothing",
    kills: "weighted round-robin follows nginx's smooth algorithm through downs and ups",
    edits: [["    this.slot(id).up = true;", "    const slot = this.slot(id);\n    if (slot.up) slot.current = 0;\n    slot.up = true;"]],
  },
  {
    name: "weighted-ignores-weights",
    bug: "weighted round-robin treats every weight as 1",
    kills: "every block of sum-of-weights picks chooses each backend exactly weight times",
    edits: [["    s.current += s.weight;\n    total += s.weight;", "    s.current += 1;\n    total += 1;"]],
  },
  {
    name: "lc-ties-to-later",
    bug: "least-connections breaks ties toward the later backend",
    kills: "least-connections picks the backend with the fewest open connections, ties to the earlier one",
    edits: [["(s.open < best.open ? s : best)", "(s.open <= best.open ? s : best)"]],
  },
  {
    name: "release-below-zero",
    bug: "release takes the open connection count below zero",
    kills: "pick counts an open connection and release never takes it below zero",
    edits: [["slot.open = Math.max(0, slot.open - 1);", "slot.open = slot.open - 1;"]],
  },
  {
    name: "pick-not-counted",
    bug: "pick does not count the connection it hands out",
    kills: "pick counts an open connection and release never takes it below zero",
    edits: [["    chosen.open += 1;\n", ""]],
  },
  {
    name: "generic-error-when-none-healthy",
    bug: "throws a plain Error instead of NoHealthyBackendError when every backend is down",
    kills: "a down backend is never picked, and with none healthy pick throws NoHealthyBackendError",
    edits: [["if (healthy.length === 0) throw new NoHealthyBackendError();", 'if (healthy.length === 0) throw new Error("no healthy backend");']],
  },
  {
    name: "ip-hash-ignores-health",
    bug: "ip-hash hashes over every backend, down ones included",
    kills: "a down backend is never picked, and with none healthy pick throws NoHealthyBackendError",
    edits: [['case "ip-hash": chosen = rendezvous(healthy, clientIp as string); break;', 'case "ip-hash": chosen = rendezvous(this.slots, clientIp as string); break;']],
  },
  {
    name: "ip-hash-without-ip-check",
    bug: "pick() under ip-hash without a client IP hashes the text \"undefined\" instead of throwing",
    kills: "pick() without a client IP under ip-hash throws a TypeError",
    edits: [['if (this.strategy === "ip-hash" && typeof clientIp !== "string") {', 'if (this.strategy === "ip-hash" && clientIp === null) {']],
  },
  {
    name: "ip-hash-rotates",
    bug: "ip-hash ignores the client and rotates like round-robin",
    kills: "ip-hash keeps a client on its backend while the healthy set is unchanged",
    edits: [['case "ip-hash": chosen = rendezvous(healthy, clientIp as string); break;', 'case "ip-hash": chosen = this.nextInOrder(); break;']],
  },
  {
    name: "ip-hash-modulo",
    bug: "ip-hash takes hash(ip) % (number of healthy backends), so one backend going down moves most clients",
    kills: "when a backend goes down under ip-hash only its clients move",
    edits: [['case "ip-hash": chosen = rendezvous(healthy, clientIp as string); break;', 'case "ip-hash": chosen = healthy[hash32(clientIp as string) % healthy.length]; break;']],
  },
  {
    name: "ip-hash-weak-hash",
    bug: "ip-hash scores backends with a weak hash (the sum of character codes), so most clients pile onto a few backends",
    kills: "ip-hash spreads 10 000 random clients within ±35% of the mean",
    edits: [["const score = hash32(`${clientIp}|${s.id}`);", "const score = [...`${clientIp}|${s.id}`].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);"]],
  },
  {
    name: "accepts-duplicate-ids",
    bug: "the constructor does not check that backend ids are unique (the later one shadows the earlier)",
    kills: "a duplicate id or a weight that is not a positive integer throws RangeError",
    edits: [["      if (this.byId.has(id)) throw new RangeError(`duplicate backend id ${id}`);\n", ""]],
  },
  {
    name: "accepts-fractional-weight",
    bug: "the constructor checks weight >= 1 but not that it is an integer, so a weight of 1.5 is accepted",
    kills: "a duplicate id or a weight that is not a positive integer throws RangeError",
    edits: [["if (!Number.isInteger(weight) || weight < 1)", "if (!(weight >= 1))"]],
  },
  {
    name: "active-of-unknown-is-zero",
    bug: "active answers 0 for an unknown id instead of throwing RangeError",
    kills: "an unknown id throws RangeError in release, markDown, markUp and active",
    edits: [["    return this.slot(id).open;", "    return this.byId.get(id)?.open ?? 0;"]],
  },
  {
    name: "starts-last-down",
    bug: "the last backend in the list starts down until the first markUp, so a fresh balancer never sends it traffic",
    kills: "every backend is healthy at first",
    edits: [
      ["this.slots = backends.map(({ id, weight = 1 }) => {", "this.slots = backends.map(({ id, weight = 1 }, i) => {"],
      ["up: true, open: 0", "up: i < backends.length - 1, open: 0"],
    ],
  },
]);
