/**
 * ReplicationCluster: one primary (master) and its replicas, with synchronous shipping to the
 * first `syncReplicas` healthy replicas and a failover promoter.
 *
 * Each node keeps a log of writes. An LSN (log sequence number) is a 1-based position in a log.
 * Every write is stamped with the epoch in which the primary wrote it: the pair (position, epoch)
 * identifies a write, as in Raft, so an equal value written in another epoch is another write.
 */

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/05-replication/replication-cluster.ts`);
}

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

export class ReplicationCluster {
  // Your state here. Suggestion: per node, a log of { value, epoch } entries and an up/down flag;
  // plus the current primary and the current epoch.

  /**
   * @param nodeIds every node, in priority order. `nodeIds[0]` is the primary in epoch 1. Every
   *                node starts up, with an empty log.
   * @param options `syncReplicas`: see `ClusterOptions`.
   */
  constructor(nodeIds: string[], options: ClusterOptions) {
    void nodeIds;
    void options;
    notImplemented("new ReplicationCluster()");
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
    void value;
    return notImplemented("write()");
  }

  /**
   * Catches a healthy replica up: its log becomes a copy of the primary's. Does nothing if the
   * node is down, is the primary, or the primary is down.
   */
  replicate(node: string): void {
    void node;
    notImplemented("replicate()");
  }

  /** Stops a node. It keeps its log (what it had on disk). Does nothing if it is already down. */
  crash(node: string): void {
    void node;
    notImplemented("crash()");
  }

  /**
   * Starts a node that is down (does nothing if it is up). If it is still the primary, it simply
   * resumes with its log. Any other node rejoins as a replica and keeps only the longest prefix of
   * its log made of the same writes as the primary's log (what the primary has on disk, even if it
   * is down), compared by position and epoch; it is not caught up (that is `replicate`'s job).
   */
  restart(node: string): void {
    void node;
    notImplemented("restart()");
  }

  /**
   * With the primary down: promotes the healthy node with the longest log (ties go to the one
   * earlier in `nodeIds`), moves to the next epoch and returns the new primary. The old primary
   * stays down; when it restarts it rejoins as a replica.
   * With the primary up: changes nothing and returns the primary.
   * @throws NoCandidateError if the primary is down and no node is healthy.
   */
  failover(): string {
    return notImplemented("failover()");
  }

  /** The current primary's id, even while it is down. */
  primary(): string {
    return notImplemented("primary()");
  }

  /** The current epoch: 1 at construction, plus one per promotion. */
  epoch(): number {
    return notImplemented("epoch()");
  }

  /** The node's log as values in LSN order (a down node: what it had on disk). A copy. */
  log(node: string): string[] {
    void node;
    return notImplemented("log()");
  }
}
