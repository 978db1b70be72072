import { defineMutants } from "../../kit/index.ts";

export default defineMutants("09-data-centers/geo-router", [
  {
    name: "flat-map-distance",
    bug: "measures distance on a flat map of degrees, so the poles and the antimeridian go wrong",
    kills: "route picks the nearest healthy data center by great-circle distance",
    edits: [["  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));", "  return Math.hypot(b.lat - a.lat, b.lon - a.lon) + 0 * h;"]],
  },
  {
    name: "haversine-without-cosines",
    bug: "drops the cos(latitude) factors from the haversine formula, as if meridians were parallel",
    kills: "route picks the nearest healthy data center by great-circle distance",
    edits: [["Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * ", ""]],
  },
  {
    name: "route-ignores-health",
    bug: "route keeps sending users to a failed data center",
    kills: "route picks the nearest healthy data center by great-circle distance",
    edits: [["    for (const dc of this.up()) {\n      const d = greatCircle", "    for (const dc of this.centers) {\n      const d = greatCircle"]],
  },
  {
    name: "split-random-each-call",
    bug: "split draws a fresh weighted random choice on every call, so users are not sticky",
    kills: "split gives the same user the same data center every time",
    edits: [["-Math.log(unitHash(`${userId}\\u0000${dc.id}`)) / dc.weight", "-Math.log(Math.random() || 0.5) / dc.weight"]],
  },
  {
    name: "split-ignores-weights",
    bug: "split spreads users evenly, ignoring the weights",
    kills: "split gives each healthy data center its weight's share of users, within 3 points",
    edits: [["-Math.log(unitHash(`${userId}\\u0000${dc.id}`)) / dc.weight", "-Math.log(unitHash(`${userId}\\u0000${dc.id}`))"]],
  },
  {
    name: "split-weight-times-hash",
    bug: "split scores with hash × weight, which favours heavy data centers more than their weight",
    kills: "split gives each healthy data center its weight's share of users, within 3 points",
    edits: [["-Math.log(unitHash(`${userId}\\u0000${dc.id}`)) / dc.weight", "-unitHash(`${userId}\\u0000${dc.id}`) * dc.weight"]],
  },
  {
    name: "split-modulo",
    bug: "split picks hash(user) modulo the number of healthy data centers, ignoring the weights (and a failure reshuffles everyone)",
    kills: "split gives each healthy data center its weight's share of users, within 3 points",
    edits: [[
      "-Math.log(unitHash(`${userId}\\u0000${dc.id}`)) / dc.weight",
      "Math.floor(unitHash(userId) * 1e9) % this.up().length === this.up().indexOf(dc) ? 0 : 1",
    ]],
  },
  {
    name: "split-ignores-health",
    bug: "split keeps sending users to a failed data center",
    kills: "when a data center fails, split moves only its users, each to a healthy one",
    edits: [["    for (const dc of this.up()) {\n      const score", "    for (const dc of this.centers) {\n      const score"]],
  },
  {
    name: "route-returns-undefined",
    bug: "route returns undefined instead of throwing when every data center has failed",
    kills: "with no healthy data center, route and split throw NoHealthyDataCenterError",
    edits: [["    if (best === undefined) throw new NoHealthyDataCenterError();\n    return best;\n  }\n\n  /**\n   * A sticky", "    return best as string;\n  }\n\n  /**\n   * A sticky"]],
  },
  {
    name: "split-throws-plain-error",
    bug: "split throws a plain Error instead of NoHealthyDataCenterError",
    kills: "with no healthy data center, route and split throw NoHealthyDataCenterError",
    edits: [["    if (best === undefined) throw new NoHealthyDataCenterError();\n    return best;\n  }\n\n  /** Marks", "    if (best === undefined) throw new Error(\"no healthy data center\");\n    return best;\n  }\n\n  /** Marks"]],
  },
  {
    name: "route-remembers-answers",
    bug: "route remembers each location's answer and never forgets it, so the users of a failed data center stay on it",
    kills: "when a data center fails, route moves only the users it served",
    edits: [
      ["  route(location: { lat: number; lon: number }): string {\n", "  private readonly remembered = new Map<string, string>();\n  route(location: { lat: number; lon: number }): string {\n    const key = `${location.lat},${location.lon}`;\n    if (this.remembered.has(key)) return this.remembered.get(key)!;\n"],
      ["        bestDistance = d;\n      }\n    }\n    if (best === undefined) throw new NoHealthyDataCenterError();\n", "        bestDistance = d;\n      }\n    }\n    if (best === undefined) throw new NoHealthyDataCenterError();\n    this.remembered.set(key, best);\n"],
    ],
  },
  {
    name: "split-hash-counts-healthy",
    bug: "split mixes the number of healthy data centers into each user's hash, so a failure reshuffles the users of the others",
    kills: "when a data center fails, split moves only its users, each to a healthy one",
    edits: [["unitHash(`${userId}\\u0000${dc.id}`)", "unitHash(`${userId}\\u0000${dc.id}\\u0000${this.up().length}`)"]],
  },
  {
    name: "set-healthy-accepts-unknown",
    bug: "setHealthy records the health of an id that is not a data center instead of throwing RangeError",
    kills: "setHealthy throws RangeError for an unknown id",
    edits: [["    if (!this.healthy.has(id)) throw new RangeError(`unknown data center ${id}`);\n", ""]],
  },
  {
    name: "accepts-duplicate-ids",
    bug: "the constructor does not check that data center ids are unique (the later one shadows the earlier)",
    kills: "the constructor throws RangeError for a duplicate id or a weight that is not a finite number > 0",
    edits: [["      if (this.healthy.has(dc.id)) throw new RangeError(`duplicate data center id ${dc.id}`);\n", ""]],
  },
  {
    name: "accepts-infinite-weight",
    bug: "the constructor checks weight > 0 but not that it is finite, so a weight of Infinity is accepted",
    kills: "the constructor throws RangeError for a duplicate id or a weight that is not a finite number > 0",
    edits: [["if (!(Number.isFinite(dc.weight) && dc.weight > 0))", "if (!(dc.weight > 0))"]],
  },
  {
    name: "starts-last-down",
    bug: "the last data center in the list starts failed until the first setHealthy(id, true), so a fresh router never sends it users",
    kills: "all data centers start healthy",
    edits: [["      this.healthy.set(dc.id, true);\n", "      this.healthy.set(dc.id, dc !== this.centers.at(-1));\n"]],
  },
]);
