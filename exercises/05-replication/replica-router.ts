/**
 * ReplicaRouter: the read/write split in front of a primary database and its read replicas.
 *
 * Writes always go to the primary. Reads are spread over the replicas in turn; a replica that is
 * down, or (for a read-your-writes read) has not yet applied the caller's last write, is skipped.
 * When no replica can serve a read, the primary serves it.
 */

function notImplemented(what: string): never {
  throw new Error(`${what} is not implemented yet: write it in exercises/05-replication/replica-router.ts`);
}

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
  // Your state here: each replica's health and applied LSN, and which replica served the last read.

  /**
   * @param primary  id of the primary (master) database: it takes every write.
   * @param replicas ids of the read replicas, in the order reads rotate through them. Each starts
   *                 healthy, with applied LSN 0.
   */
  constructor(primary: string, replicas: string[]) {
    void primary;
    void replicas;
    notImplemented("new ReplicaRouter()");
  }

  /** The node a write (INSERT, UPDATE, DELETE) goes to: always the primary. */
  routeWrite(): string {
    return notImplemented("routeWrite()");
  }

  /**
   * The node a read goes to. A replica qualifies when it is healthy and, if `minLsn` is given,
   * has applied at least `minLsn`. The read goes to the first qualifying replica after the one
   * that served the previous read, in constructor order, wrapping around (that replica itself
   * comes last). If the previous read went to the primary, or this is the first read, the search
   * starts at the first replica. No replica qualifies → the primary.
   */
  routeRead(options: ReadOptions = {}): string {
    void options;
    return notImplemented("routeRead()");
  }

  /** Marks a replica healthy (`ok = true`) or down (`ok = false`). */
  setHealthy(node: string, ok: boolean): void {
    void node;
    void ok;
    notImplemented("setHealthy()");
  }

  /** Records the highest LSN a replica has applied. */
  setAppliedLsn(node: string, lsn: number): void {
    void node;
    void lsn;
    notImplemented("setAppliedLsn()");
  }
}
