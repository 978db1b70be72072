/**
 * Consistent hashing: nodes and keys are hashed onto the same circle, and a key belongs to the
 * first node point found clockwise from it. Adding or removing a node then moves only the keys
 * next to that node's points (about 1/n of them), instead of nearly all keys as `hash % n` does.
 */

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/12-sharding/hash-ring.ts`);
}

/** Thrown when a key is looked up on a ring with no nodes. */
export class EmptyRingError extends Error {
  constructor(message = "the hash ring has no nodes: add a node first") {
    super(message);
    this.name = "EmptyRingError";
  }
}

export interface HashRingOptions {
  /** Points (virtual nodes) per node on the circle; a positive integer, 160 by default. */
  vnodes?: number;
}

/**
 * A consistent-hash ring with virtual nodes.
 *
 * Each node owns `vnodes` points on the circle, e.g. the hashes of `${id}#0` … `${id}#159`.
 * The hash must mix well (MD5 or SHA-1 from `node:crypto` do; FNV-1a on such similar labels
 * does not): 8 nodes × 160 points must spread 50 000 keys within ±25% of the mean.
 * The ring depends only on the set of nodes, never on the order in which they were added, so
 * adding a node moves keys only onto it and removing one moves only its keys.
 */
export class HashRing {
  constructor({ vnodes = 160 }: HashRingOptions = {}) {
    notImplemented("new HashRing()");
  }

  /** Adds node `id` with its points; adding a node already present changes nothing. */
  addNode(id: string): void {
    notImplemented("HashRing.addNode");
  }

  /** Removes node `id` and its points; removing a node that is absent changes nothing. */
  removeNode(id: string): void {
    notImplemented("HashRing.removeNode");
  }

  /** The node owning `key`: the first point at or after hash(key), wrapping around. `EmptyRingError` if empty. */
  nodeFor(key: string): string {
    notImplemented("HashRing.nodeFor");
  }

  /**
   * `n` distinct nodes for `key` (e.g. its replicas): walking clockwise from the key, the owner
   * of each point, skipping nodes already chosen. The first is `nodeFor(key)`; when `n` exceeds
   * the number of nodes, all of them. `EmptyRingError` if empty.
   */
  nodesFor(key: string, n: number): string[] {
    notImplemented("HashRing.nodesFor");
  }

  /** The node ids on the ring, sorted. */
  get nodes(): string[] {
    return notImplemented("HashRing.nodes");
  }
}
