import { defineRules } from "../../kit/rules.ts";

export default defineRules("12-sharding/hash-ring", [
  {
    rule: "The ring depends only on the set of nodes, never on the order in which they were added",
    property: "the order in which nodes are added does not change any key's node",
    mutants: ["labels-by-arrival"],
  },
  {
    rule: "so adding a node moves keys only onto it",
    property: "adding a node moves keys only onto the new node",
    mutants: ["modulo-hashing"],
  },
  {
    rule: "and removing one moves only its keys.",
    property: "removing a node moves only the keys it held",
    mutants: ["seven-nodes-get-fewer-points"],
  },
  {
    rule: "Removes node `id` and its points;",
    property: "removing a node moves only the keys it held",
    mutants: ["remove-keeps-points"],
  },
  {
    rule: "`n` distinct nodes for `key` (e.g. its replicas): walking clockwise from the key, the owner of each point, skipping nodes already chosen.",
    property: "nodesFor gives distinct nodes clockwise, starting with nodeFor, and all nodes when n exceeds them",
    mutants: ["nodes-for-repeats"],
  },
  {
    rule: "when `n` exceeds the number of nodes, all of them.",
    property: "nodesFor gives distinct nodes clockwise, starting with nodeFor, and all nodes when n exceeds them",
    mutants: ["nodes-for-leaves-one-out"],
  },
  {
    rule: "The node ids on the ring, sorted.",
    property: "the nodes getter lists the node ids sorted",
    mutants: ["nodes-unsorted"],
  },
  {
    rule: "adding a node already present changes nothing.",
    property: "adding a present node or removing an absent one changes nothing",
    mutants: ["re-add-adds-points"],
  },
  {
    rule: "removing a node that is absent changes nothing.",
    property: "adding a present node or removing an absent one changes nothing",
    mutants: ["remove-absent-drops-a-point"],
  },
  {
    rule: "8 nodes × 160 points must spread 50 000 keys within ±25% of the mean.",
    property: "8 nodes × 160 vnodes spread 50 000 keys within ±25% of the mean in at least 8 of 10 node sets",
    mutants: ["fnv1a-hash"],
  },
  {
    rule: "`EmptyRingError` if empty.",
    property: "an empty ring throws EmptyRingError",
    mutants: ["empty-ring-type-error"],
  },
]);
