/**
 * ReplicaRouter: the read/write split in front of a primary database and its read replicas.
 *
 * Writes always go to the primary. Reads are spread over the replicas in turn; a replica that is
 * down, or (for a read-your-writes read) has not yet applied the caller's last write, is skipped.
 * When no replica can serve a read, the primary serves it.
 */

/** Options of one read. */
export interface ReadOptions {
  /**
   * Read-your-writes: the read may only go to a replica that has applied at least this LSN
   * (log sequence number), e.g. the LSN the caller's last write returned. Omitted: any healthy
   * replica will do.
   */
  minLsn?: number;
}

export class ReplicaRouter {
  /** Replica id -> is it healthy? Every replica starts healthy. */
  private readonly healthy = new Map<string, boolean>();
  /** Replica id -> the highest LSN it has applied. Every replica starts at 0. */
  private readonly applied = new Map<string, number>();
  /** Index in `replicas` of the replica that served the previous read; -1 if none or the primary. */
  private lastServed = -1;

  /**
   * @param primary  id of the primary (master) database: it takes every write.
   * @param replicas ids of the read replicas, in the order reads rotate through them. Each starts
   *                 healthy, with applied LSN 0.
   */
  constructor(
    private readonly primary: string,
    private readonly replicas: string[],
  ) {
    for (const id of replicas) {
      this.healthy.set(id, true);
      this.applied.set(id, 0);
    }
  }

  /** The node a write (INSERT, UPDATE, DELETE) goes to: always the primary. */
  routeWrite(): string {
    return this.primary;
  }

  /**
   * The node a read goes to. A replica qualifies when it is healthy and, if `minLsn` is given,
   * has applied at least `minLsn`. The read goes to the first qualifying replica after the one
   * that served the previous read, in constructor order, wrapping around (that replica itself
   * comes last). If the previous read went to the primary, or this is the first read, the search
   * starts at the first replica. No replica qualifies → the primary.
   */
  routeRead(options: ReadOptions = {}): string {
    const n = this.replicas.length;
    // After a primary-served read lastServed is -1, so the scan starts at index 0.
    for (let step = 1; step <= n; step++) {
      const index = (this.lastServed + step) % n;
      const id = this.replicas[index]!;
      if (this.qualifies(id, options.minLsn)) {
        this.lastServed = index;
        return id;
      }
    }
    this.lastServed = -1;
    return this.primary;
  }

  /** Marks a replica healthy (`ok = true`) or down (`ok = false`). */
  setHealthy(node: string, ok: boolean): void {
    this.healthy.set(node, ok);
  }

  /** Records the highest LSN a replica has applied. */
  setAppliedLsn(node: string, lsn: number): void {
    this.applied.set(node, lsn);
  }

  private qualifies(id: string, minLsn: number | undefined): boolean {
    if (!this.healthy.get(id)) return false;
    return minLsn === undefined || (this.applied.get(id) ?? 0) >= minLsn;
  }
}
