import { defineMutants } from "../../kit/index.ts";

export default defineMutants("12-sharding/hash-ring", [
  {
    name: "labels-by-arrival",
    bug: "labels a node's points with its arrival number, so the ring depends on the order of additions",
    kills: "the order in which nodes are added does not change any key's node",
    edits: [["position: hash(`${id}#${i}`)", "position: hash(`${this.members.size}#${i}`)"]],
  },
  {
    name: "modulo-hashing",
    bug: "starts at point hash(key) % (number of points) instead of the first point at or after hash(key), so adding a node reshuffles everything",
    kills: "adding a node moves keys only onto the new node",
    edits: [["    return low === this.points.length ? 0 : low;", "    return low * 0 + (position % this.points.length);"]],
  },
  {
    name: "remove-keeps-points",
    bug: "removeNode forgets the node but leaves its points on the ring",
    kills: "removing a node moves only the keys it held",
    edits: [["    this.points = this.points.filter((point) => point.node !== id);\n", ""]],
  },
  {
    name: "seven-nodes-get-fewer-points",
    bug: "removeNode rebuilds the remaining nodes' points, one fewer each when 7 nodes remain (as `hashring` gives 39 instead of 40), so keys move between the others",
    kills: "removing a node moves only the keys it held",
    edits: [
      [
        "    this.points = this.points.filter((point) => point.node !== id);\n",
        "    const per = this.members.size === 7 ? this.vnodes - 1 : this.vnodes;\n    this.points = [...this.members]\n      .flatMap((node) => Array.from({ length: per }, (_, i) => ({ position: hash(`${node}#${i}`), node })))\n      .sort((a, b) => a.position - b.position || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));\n",
      ],
    ],
  },
  {
    name: "nodes-for-repeats",
    bug: "nodesFor returns the owners of the next n points, repeating nodes",
    kills: "nodesFor gives distinct nodes clockwise, starting with nodeFor, and all nodes when n exceeds them",
    edits: [["      if (!seen.has(node)) {", "      if (seen.size >= 0) {"]],
  },
  {
    name: "nodes-unsorted",
    bug: "the nodes getter lists the ids in the order they were added",
    kills: "the nodes getter lists the node ids sorted",
    edits: [["    return [...this.members].sort();", "    return [...this.members];"]],
  },
  {
    name: "re-add-adds-points",
    bug: "adding a node that is already present gives it another set of points",
    kills: "adding a present node or removing an absent one changes nothing",
    edits: [
      [
        "    if (this.members.has(id)) return;\n    this.members.add(id);\n    for (let i = 0; i < this.vnodes; i++)",
        "    const from = this.points.filter((point) => point.node === id).length;\n    this.members.add(id);\n    for (let i = from; i < from + this.vnodes; i++)",
      ],
    ],
  },
  {
    name: "remove-absent-drops-a-point",
    bug: "removing a node that is absent drops the last point of the ring",
    kills: "adding a present node or removing an absent one changes nothing",
    edits: [["    if (!this.members.delete(id)) return;", "    if (!this.members.delete(id)) {\n      this.points.pop();\n      return;\n    }"]],
  },
  {
    name: "nodes-for-leaves-one-out",
    bug: "nodesFor never returns every node: when n reaches the number of nodes it stops one short",
    kills: "nodesFor gives distinct nodes clockwise, starting with nodeFor, and all nodes when n exceeds them",
    edits: [["chosen.length < n;", "chosen.length < Math.min(n, Math.max(1, this.members.size - 1));"]],
  },
  {
    name: "fnv1a-hash",
    bug: "hashes with 32-bit FNV-1a, which leaves labels as alike as `a#1` and `a#2` close together on the ring",
    kills: "8 nodes × 160 vnodes spread 50 000 keys within ±25% of the mean in at least 8 of 10 node sets",
    edits: [
      [
        '  return parseInt(createHash("md5").update(text).digest("hex").slice(0, 12), 16);',
        "  let h = 0x811c9dc5;\n  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;\n  return h + 0 * createHash.length;",
      ],
    ],
  },
  {
    name: "empty-ring-type-error",
    bug: "an empty ring is not checked, so lookups crash with a TypeError or return nothing",
    kills: "an empty ring throws EmptyRingError",
    edits: [["    if (this.points.length === 0) throw new EmptyRingError();\n", ""]],
  },
]);
