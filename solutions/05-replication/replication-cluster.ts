/**
 * ReplicationCluster: one primary (master) and its replicas, with synchronous shipping to the
 * first `syncReplicas` healthy replicas and a failover promoter.
 *
 * Each node keeps a log of writes. An LSN (log sequence number) is a 1-based position in a log.
 * Every write is stamped with the epoch in which the primary wrote it: the pair (position, epoch)
 * identifies a write, as in Raft, so an equal value written in another epoch is another write.
 */

/** `write` found fewer healthy replicas than `syncReplicas`. Nothing was written. */
export class NotEnoughReplicasError extends Error {
  constructor(message = "not enough healthy replicas to acknowledge the write") {
    super(message);
    this.name = "NotEnoughReplicasError";
  }
}

/** `write` was called while the primary is down. */
export class NoPrimaryError extends Error {
  constructor(message = "the primary is down") {
    super(message);
    this.name = "NoPrimaryError";
  }
}

/** `failover` found no healthy node to promote. */
export class NoCandidateError extends Error {
  constructor(message = "no healthy node to promote") {
    super(message);
    this.name = "NoCandidateError";
  }
}

/** Options of a cluster. */
export interface ClusterOptions {
  /** How many replicas must hold a write before `write` returns (0 = asynchronous replication). */
  syncReplicas: number;
}

/** One write in a log: its value and the epoch of the primary that wrote it. */
interface Entry {
  value: string;
  epoch: number;
}

export class ReplicationCluster {
  private readonly logs = new Map<string, Entry[]>();
  private readonly up = new Set<string>();
  private primaryId: string;
  private currentEpoch = 1;
  private readonly syncReplicas: number;

  /**
   * @param nodeIds every node, in priority order. `nodeIds[0]` is the primary in epoch 1. Every
   *                node starts up, with an empty log.
   * @param options `syncReplicas`: see `ClusterOptions`.
   */
  constructor(
    private readonly nodeIds: string[],
    options: ClusterOptions,
  ) {
    this.syncReplicas = options.syncReplicas;
    for (const id of nodeIds) {
      this.logs.set(id, []);
      this.up.add(id);
    }
    this.primaryId = nodeIds[0]!;
  }

  /**
   * Appends `value` to the primary's log and returns its LSN (the primary's new log length).
   * Before returning, the write is shipped to the first `syncReplicas` healthy replicas in
   * `nodeIds` order, each caught up to the primary's whole log (other replicas get it only from
   * `replicate`).
   * @throws NoPrimaryError if the primary is down (checked first).
   * @throws NotEnoughReplicasError if fewer than `syncReplicas` replicas are healthy; nothing is
   *         written anywhere.
   */
  write(value: string): number {
    if (!this.up.has(this.primaryId)) throw new NoPrimaryError();
    const targets = this.nodeIds.filter((id) => id !== this.primaryId && this.up.has(id));
    if (targets.length < this.syncReplicas) throw new NotEnoughReplicasError();
    const log = this.logOf(this.primaryId);
    log.push({ value, epoch: this.currentEpoch });
    for (const id of targets.slice(0, this.syncReplicas)) this.catchUp(id);
    return log.length;
  }

  /**
   * Catches a healthy replica up: its log becomes a copy of the primary's. Does nothing if the
   * node is down, is the primary, or the primary is down.
   */
  replicate(node: string): void {
    if (node === this.primaryId || !this.up.has(node) || !this.up.has(this.primaryId)) return;
    this.catchUp(node);
  }

  /** Stops a node. It keeps its log (what it had on disk). Does nothing if it is already down. */
  crash(node: string): void {
    this.up.delete(node);
  }

  /**
   * Starts a node that is down (does nothing if it is up). If it is still the primary, it simply
   * resumes with its log. Any other node rejoins as a replica and keeps only the longest prefix of
   * its log made of the same writes as the primary's log (what the primary has on disk, even if it
   * is down), compared by position and epoch; it is not caught up (that is `replicate`'s job).
   */
  restart(node: string): void {
    const mine = this.logOf(node);
    if (this.up.has(node)) return;
    this.up.add(node);
    if (node === this.primaryId) return;
    const primary = this.logOf(this.primaryId);
    // Only one primary writes in an epoch, so an equal epoch at an equal position is the same
    // write, and so is everything before it (Raft's log matching property).
    let keep = 0;
    while (keep < mine.length && keep < primary.length && mine[keep]!.epoch === primary[keep]!.epoch) keep++;
    mine.length = keep;
  }

  /**
   * With the primary down: promotes the healthy node with the longest log (ties go to the one
   * earlier in `nodeIds`), moves to the next epoch and returns the new primary. The old primary
   * stays down; when it restarts it rejoins as a replica.
   * With the primary up: changes nothing and returns the primary.
   * @throws NoCandidateError if the primary is down and no node is healthy.
   */
  failover(): string {
    if (this.up.has(this.primaryId)) return this.primaryId;
    let best: string | undefined;
    for (const id of this.nodeIds) {
      if (!this.up.has(id)) continue;
      if (best === undefined || this.logOf(id).length > this.logOf(best).length) best = id;
    }
    if (best === undefined) throw new NoCandidateError();
    this.primaryId = best;
    this.currentEpoch += 1;
    return best;
  }

  /** The current primary's id, even while it is down. */
  primary(): string {
    return this.primaryId;
  }

  /** The current epoch: 1 at construction, plus one per promotion. */
  epoch(): number {
    return this.currentEpoch;
  }

  /** The node's log as values in LSN order (a down node: what it had on disk). A copy. */
  log(node: string): string[] {
    return this.logOf(node).map((entry) => entry.value);
  }

  private logOf(node: string): Entry[] {
    const log = this.logs.get(node);
    if (log === undefined) throw new RangeError(`unknown node ${node}`);
    return log;
  }

  /** A live replica's log is a prefix of the primary's, so catching up is copying. */
  private catchUp(node: string): void {
    this.logs.set(node, this.logOf(this.primaryId).map((entry) => ({ ...entry })));
  }
}
