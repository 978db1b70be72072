/**
 * Routing users to database shards by their id, the sharding key. Two strategies: the classic
 * `user_id % n`, exact but reshuffling almost everyone when n changes, and a consistent-hash
 * ring that moves only the users of the shard that came or went. Celebrities (hot keys) can be
 * pinned to a shard of their own.
 *
 * This file must stand alone: write the small ring it needs here (hashing with `node:crypto`).
 */

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/12-sharding/shard-router.ts`);
}

export type ShardStrategy = "modulo" | "ring";

export interface ShardRouterOptions {
  strategy: ShardStrategy;
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
  /**
   * @param shards distinct shard names, at least one (else `RangeError`).
   * @param options.strategy `"modulo"` or `"ring"` (else `RangeError`).
   */
  constructor(shards: string[], { strategy }: ShardRouterOptions) {
    notImplemented("new ShardRouter()");
  }

  /** The shard of `userId`, a non-negative safe integer (else `RangeError`). */
  shardFor(userId: number): string {
    notImplemented("ShardRouter.shardFor");
  }

  /**
   * Gives `userId` the dedicated shard `shard`: from now on it is the only user there.
   * Throws (an `Error`) if `shard` is already pinned to another user, or if it is the last
   * shared shard (the other users need somewhere to go). Pinning a user to the shard it already
   * has changes nothing; pinning a pinned user to another shard moves it (its old shard becomes
   * shared again). An unknown shard or a bad user id throws `RangeError`.
   */
  pin(userId: number, shard: string): void {
    notImplemented("ShardRouter.pin");
  }

  /** Gives `userId`'s dedicated shard back to everyone; a user that is not pinned changes nothing. */
  unpin(userId: number): void {
    notImplemented("ShardRouter.unpin");
  }
}
