/**
 * Consistent hashing: nodes and keys are hashed onto the same circle, and a key belongs to the
 * first node point found clockwise from it. Adding or removing a node then moves only the keys
 * next to that node's points (about 1/n of them), instead of nearly all keys as `hash % n` does.
 */
import { createHash } from "node:crypto";

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

interface Point {
  position: number;
  node: string;
}

/**
 * A position on the circle [0, 2^48). MD5 mixes well: labels as alike as "a#1" and "a#2" land
 * far apart, which is what spreads a node's points evenly. 48 bits are exact in a double.
 */
function hash(text: string): number {
  return parseInt(createHash("md5").update(text).digest("hex").slice(0, 12), 16);
}

/**
 * A consistent-hash ring with virtual nodes.
 *
 * Node `id` owns the points hash(`${id}#${i}`) for i in [0, vnodes). The ring depends only on
 * the set of nodes, never on the order in which they were added.
 */
export class HashRing {
  private readonly vnodes: number;
  private readonly members = new Set<string>();
  /** Sorted by position, then node id, so that even a shared position has one fixed owner. */
  private points: Point[] = [];

  constructor({ vnodes = 160 }: HashRingOptions = {}) {
    if (!Number.isInteger(vnodes) || vnodes < 1) throw new RangeError(`vnodes must be a positive integer, got ${vnodes}`);
    this.vnodes = vnodes;
  }

  /** Adds node `id` with its points; adding a node already present changes nothing. */
  addNode(id: string): void {
    if (this.members.has(id)) return;
    this.members.add(id);
    for (let i = 0; i < this.vnodes; i++) this.points.push({ position: hash(`${id}#${i}`), node: id });
    this.points.sort((a, b) => a.position - b.position || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  }

  /** Removes node `id` and its points; removing a node that is absent changes nothing. */
  removeNode(id: string): void {
    if (!this.members.delete(id)) return;
    this.points = this.points.filter((point) => point.node !== id);
  }

  /** The node owning `key`: the first point at or after hash(key), wrapping around. `EmptyRingError` if empty. */
  nodeFor(key: string): string {
    return this.points[this.firstPointFor(key)].node;
  }

  /**
   * `n` distinct nodes for `key` (e.g. its replicas): walking clockwise from the key, the owner
   * of each point, skipping nodes already chosen. The first is `nodeFor(key)`; when `n` exceeds
   * the number of nodes, all of them. `EmptyRingError` if empty.
   */
  nodesFor(key: string, n: number): string[] {
    const start = this.firstPointFor(key);
    const chosen: string[] = [];
    const seen = new Set<string>();
    for (let step = 0; step < this.points.length && chosen.length < n; step++) {
      const node = this.points[(start + step) % this.points.length].node;
      if (!seen.has(node)) {
        seen.add(node);
        chosen.push(node);
      }
    }
    return chosen;
  }

  /** The node ids on the ring, sorted. */
  get nodes(): string[] {
    return [...this.members].sort();
  }

  /** Index of the first point at or after hash(key), wrapping to 0 past the last point. */
  private firstPointFor(key: string): number {
    if (this.points.length === 0) throw new EmptyRingError();
    const position = hash(key);
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.points[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low === this.points.length ? 0 : low;
  }
}
