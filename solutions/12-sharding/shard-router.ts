/**
 * Routing users to database shards by their id, the sharding key. Two strategies: the classic
 * `user_id % n`, exact but reshuffling almost everyone when n changes, and a consistent-hash
 * ring that moves only the users of the shard that came or went. Celebrities (hot keys) can be
 * pinned to a shard of their own.
 */
import { createHash } from "node:crypto";

export type ShardStrategy = "modulo" | "ring";

export interface ShardRouterOptions {
  strategy: ShardStrategy;
}

/** Points per shard on the ring: enough for an even spread (about ±8% per shard). */
const VNODES = 160;

/** A position on the ring in [0, 2^48) from MD5 (well mixed, exact in a double). */
function hash(text: string): number {
  return parseInt(createHash("md5").update(text).digest("hex").slice(0, 12), 16);
}

interface Point {
  position: number;
  shard: string;
}

/** The ring of a set of shards: shard s owns hash(`${s}#${i}`); sorted, ties by name. */
function buildRing(shards: readonly string[]): Point[] {
  const points: Point[] = [];
  for (const shard of shards) {
    for (let i = 0; i < VNODES; i++) points.push({ position: hash(`${shard}#${i}`), shard });
  }
  return points.sort((a, b) => a.position - b.position || (a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : 0));
}

/** The shard of the first point at or after `position`, wrapping around. */
function ownerOf(points: readonly Point[], position: number): string {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (points[mid].position < position) low = mid + 1;
    else high = mid;
  }
  return points[low === points.length ? 0 : low].shard;
}

/**
 * Maps a user id to a shard name.
 *
 * Shards are either shared or dedicated (pinned to one user). A pinned user always goes to its
 * dedicated shard and no other user does; every other user goes to a shared shard:
 * - `modulo`: `shared[userId % shared.length]`, `shared` = the shared shards in constructor order;
 * - `ring`: a consistent-hash ring over the shared shards (key: the decimal user id), so pinning
 *   a shard moves only the users that were on it and unpinning moves users only onto it.
 */
export class ShardRouter {
  private readonly shards: readonly string[];
  private readonly strategy: ShardStrategy;
  /** user id -> its dedicated shard, and the reverse. */
  private readonly shardOfUser = new Map<number, string>();
  private readonly userOfShard = new Map<string, number>();
  /** The shared shards in constructor order, and the ring over them. */
  private shared: string[];
  private ring: Point[];

  /**
   * @param shards distinct shard names, at least one (else `RangeError`).
   * @param options.strategy `"modulo"` or `"ring"` (else `RangeError`).
   */
  constructor(shards: string[], { strategy }: ShardRouterOptions) {
    if (shards.length === 0 || new Set(shards).size !== shards.length) {
      throw new RangeError("shards must be a non-empty list of distinct names");
    }
    if (strategy !== "modulo" && strategy !== "ring") throw new RangeError(`unknown strategy ${String(strategy)}`);
    this.shards = [...shards];
    this.strategy = strategy;
    this.shared = [...shards];
    // Only the ring strategy needs the ring; building it costs 160 hashes per shard.
    this.ring = strategy === "ring" ? buildRing(shards) : [];
  }

  /** The shard of `userId`, a non-negative safe integer (else `RangeError`). */
  shardFor(userId: number): string {
    checkUserId(userId);
    const dedicated = this.shardOfUser.get(userId);
    if (dedicated !== undefined) return dedicated;
    if (this.strategy === "modulo") return this.shared[userId % this.shared.length];
    return ownerOf(this.ring, hash(String(userId)));
  }

  /**
   * Gives `userId` the dedicated shard `shard`: from now on it is the only user there.
   * Throws (an `Error`) if `shard` is already pinned to another user, or if it is the last
   * shared shard (the other users need somewhere to go). Pinning a user to the shard it already
   * has changes nothing; pinning a pinned user to another shard moves it (its old shard becomes
   * shared again). An unknown shard or a bad user id throws `RangeError`.
   */
  pin(userId: number, shard: string): void {
    checkUserId(userId);
    if (!this.shards.includes(shard)) throw new RangeError(`unknown shard ${JSON.stringify(shard)}`);
    const owner = this.userOfShard.get(shard);
    if (owner === userId) return;
    if (owner !== undefined) throw new Error(`shard ${JSON.stringify(shard)} is already dedicated to user ${owner}`);
    const previous = this.shardOfUser.get(userId);
    const sharedAfter = this.shared.length - 1 + (previous === undefined ? 0 : 1);
    if (sharedAfter < 1) throw new Error(`shard ${JSON.stringify(shard)} is the last shared shard: every other user needs it`);
    if (previous !== undefined) this.userOfShard.delete(previous);
    this.shardOfUser.set(userId, shard);
    this.userOfShard.set(shard, userId);
    this.rebuild();
  }

  /** Gives `userId`'s dedicated shard back to everyone; a user that is not pinned changes nothing. */
  unpin(userId: number): void {
    checkUserId(userId);
    const shard = this.shardOfUser.get(userId);
    if (shard === undefined) return;
    this.shardOfUser.delete(userId);
    this.userOfShard.delete(shard);
    this.rebuild();
  }

  /** Recomputes the shared shards (constructor order) and their ring from the pins. */
  private rebuild(): void {
    this.shared = this.shards.filter((shard) => !this.userOfShard.has(shard));
    if (this.strategy === "ring") this.ring = buildRing(this.shared);
  }
}

function checkUserId(userId: number): void {
  if (!Number.isSafeInteger(userId) || userId < 0) {
    throw new RangeError(`a user id must be a non-negative safe integer, got ${userId}`);
  }
}
