/**
 * What a run saw that the checks judge: counters and the first instance of each violation, so a
 * failed check can say what happened, when, and where. Filled by the simulation (system.ts),
 * read by checks.ts.
 */
export interface Violation {
  atS: number;
  detail: string;
}

export class Observations {
  /** First error each chapter's component threw: chapter -> "exercise: message". */
  componentErrors = new Map<string, { exercise: string; message: string; atS: number }>();
  // 01
  dnsLookups: number[] = [];
  dnsResolves = 0;
  dnsStale?: Violation;
  // 02
  poolOverMax?: Violation;
  poolAcquires = 0;
  // 03
  maxServers = 0;
  serversAboveMax?: Violation;
  /** Per series bucket: the longest web-tier queue wait of a request that was served, ms. */
  webWaitMaxMs: number[] = [];
  /** Per series bucket: requests that reached a live web server's queue, and those of them that
   *  would wait longer than the scenario's p99 target (timed-out ones included). */
  webQueued: number[] = [];
  webWaitOver: number[] = [];
  /** When a web server died with no health checker (chapter 04 out) to take it out of rotation, s. */
  deadServerKeptFromS?: number;
  /** When a dead primary database was back (restarted, or a replica promoted), s. */
  databaseBackAtS: number[] = [];
  /** Per data center at the end: servers running, the minimum, and the last period's utilization. */
  endOfRun: { dc: string; servers: number; min: number; utilization: number }[] = [];
  // 04
  sentToDownBackend = 0;
  sentToDownFirst?: Violation;
  backendDeaths = 0;
  // 05
  acknowledgedWrites = 0;
  acknowledgedWritesLost = 0;
  lostDetail?: Violation;
  failovers = 0;
  // 06
  cacheReads = 0;
  cacheMisses = 0;
  // 07
  staticRequests = 0;
  cdnAnswers = 0;
  cdnHits = 0;
  staleServed = 0;
  staleFirst?: Violation;
  // 08
  sessionReads = 0;
  /** Session reads (a sample: sessionReadShare of requests) that found no session. */
  failedSessionReads = 0;
  sessionLostFirst?: Violation;
  // 09
  sentToDarkAfterFailover = 0;
  sentToDarkFirst?: Violation;
  darkFaults = 0;
  // 10
  jobsSent = 0;
  jobsProcessed = 0;
  jobsDuplicated = 0;
  duplicateFirst?: Violation;
  jobsUnprocessed = 0;
  // 11
  sketchWorst?: { atS: number; q: number; sketch: number; exact: number; relError: number };
  sketchCompared = 0;
  alertMissed?: Violation;
  alertFalse?: Violation;
  alertEvaluations = 0;
  logLines = 0;
  logMerged = 0;
  logOutOfOrder?: Violation;
  // 12
  celebrityShard?: string;
  celebrityWrong?: Violation;
  dedicatedShared?: Violation;
  shardDisagreement?: Violation;
  ringChecks = 0;

  componentError(chapter: string, exercise: string, error: unknown, atS: number): void {
    if (this.componentErrors.has(chapter)) return;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.componentErrors.set(chapter, { exercise, message, atS });
  }
}

export const first = (v: Violation | undefined, atS: number, detail: string): Violation => v ?? { atS, detail };
