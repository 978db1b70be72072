/**
 * Every number the scale lab's simulation supplies: service times, capacities, network delays,
 * component settings and prices. The learner's components make the decisions; these are the
 * physics around them. Each entry names its source: a chapter's lesson, or "lab simplification"
 * for a round number the lab chose. docs/lab.md prints this table (a test keeps the two in sync).
 */
export interface Parameter {
  value: number;
  unit: string;
  source: string;
  what: string;
}

const p = (value: number, unit: string, what: string, source: string): Parameter => ({ value, unit, what, source });

export const PARAMETERS = {
  // Network
  rttSameRegionMs: p(20, "ms", "client to a data center in its own region, round trip", "lab simplification"),
  rttCrossRegionMs: p(150, "ms", "client to a data center on another continent, round trip", "chapter 06 lesson (~150 ms California-Europe); chapter 09 lesson"),
  rttInsideDcMs: p(0.5, "ms", "round trip inside one data center (cache, session store, database)", "chapter 02 lesson; chapter 08 lesson"),
  // DNS
  dnsTtlS: p(60, "s", "TTL of the site's DNS answer", "chapter 09 lesson (TTL around 60 seconds)"),
  dnsResolveEveryS: p(5, "s", "how often each region's resolver is asked for the name", "lab simplification"),
  // Web tier
  webServiceMs: p(10, "ms", "web server work per request, not counting waits", "lab simplification"),
  webServerRps: p(400, "req/s", "what one web server carries at 100% utilization", "chapter 03 lesson (400 rps per server)"),
  targetUtilization: p(0.7, "ratio", "planned and autoscaled utilization of a web server", "chapter 03 lesson (70%)"),
  spareServers: p(1, "servers", "spares capacity-plan adds for failures", "chapter 03 lesson (add spares)"),
  minServers: p(2, "servers", "autoscaler minReplicas", "lab simplification"),
  maxServers: p(40, "servers", "autoscaler maxReplicas", "lab simplification"),
  autoscaleEveryS: p(15, "s", "autoscaler evaluation period", "lab simplification (Kubernetes HPA's default sync period)"),
  scaleDownWindowS: p(300, "s", "autoscaler scale-down stabilization window", "lab simplification (Kubernetes HPA default, 5 minutes)"),
  autoscaleTolerance: p(0.1, "ratio", "autoscaler tolerance band", "lab simplification (Kubernetes HPA default)"),
  serverBootS: p(30, "s", "time from launching a web server to serving", "lab simplification"),
  requestTimeoutMs: p(2000, "ms", "a request that would wait longer in a queue fails (503)", "lab simplification"),
  // Health checks
  healthIntervalMs: p(2000, "ms", "health check interval", "chapter 04 lesson (every 2 s)"),
  healthTimeoutMs: p(1000, "ms", "health probe timeout", "lab simplification"),
  healthFall: p(3, "probes", "failures in a row that mark a backend down", "chapter 04 lesson (fall 3)"),
  healthRise: p(2, "probes", "successes in a row that mark it up", "chapter 04 lesson (rise 2)"),
  // Database
  dbQueryMs: p(10, "ms", "a database read", "chapter 06 lesson (10 ms database read)"),
  dbWriteMs: p(5, "ms", "a database write", "chapter 02 lesson (queries of 5 ms)"),
  dbNodeQps: p(300, "queries/s", "what one database node carries", "lab simplification (a small instance)"),
  connectMs: p(10, "ms", "opening a database connection (no pool: once per query)", "chapter 02 lesson (5 to 30 ms)"),
  dbRestartS: p(300, "s", "without replication, time until a person restores a dead database", "lab simplification"),
  poolMax: p(10, "connections", "connection pool size per web server", "chapter 02 lesson (Little's law: 10 busy connections)"),
  dbMaxConnections: p(97, "connections", "connections a database accepts from applications", "chapter 02 lesson (max_connections 100, 3 reserved)"),
  acquireTimeoutMs: p(1000, "ms", "pool acquire timeout", "lab simplification"),
  replicas: p(2, "nodes", "read replicas of each primary", "lab simplification"),
  syncReplicas: p(1, "replicas", "replicas that must hold a write before it is acknowledged", "chapter 05 lesson (semi-synchronous replication)"),
  groupCommitS: p(10, "s", "writes of ten seconds are committed as one log entry", "lab simplification (group commit)"),
  replicateEveryS: p(20, "s", "asynchronous replicas catch up this often", "lab simplification (lag of seconds under load: chapter 05 lesson)"),
  failoverAfterS: p(10, "s", "time to detect a dead primary and promote", "lab simplification"),
  shards: p(4, "shards", "database shards once chapter 12 is in", "lab simplification"),
  // Cache
  cacheMs: p(1, "ms", "a cache read", "chapter 06 lesson (1 ms cache read)"),
  cacheTtlMs: p(600_000, "ms", "read-through cache TTL", "lab simplification"),
  cacheCapacity: p(50_000, "entries", "read-through cache capacity per cache node", "lab simplification"),
  cacheMinReadCut: p(0.8, "ratio", "share of database reads the cache must remove", "chapter 06 lesson (95-98% hit ratios in its examples; the lab asks for 80%)"),
  // CDN
  staticShare: p(0.1, "ratio", "share of requests that are static files", "lab simplification"),
  staticFiles: p(50, "files", "distinct static files", "lab simplification"),
  staticKb: p(200, "KB", "size of one static file", "lab simplification"),
  cdnMs: p(20, "ms", "a CDN edge answer (near the user)", "chapter 07 lesson (tens of milliseconds)"),
  cdnMinHitRatio: p(0.9, "ratio", "CDN hit ratio the check asks for", "lab simplification"),
  // Sessions
  sessionReadShare: p(0.01, "ratio", "share of requests whose session the lab reads through SessionManager", "lab simplification (every request carries a cookie; the lab checks a sample)"),
  sessionUsers: p(500, "users", "logged-in users", "lab simplification"),
  sessionTtlMs: p(3_600_000, "ms", "idle session lifetime", "lab simplification"),
  // Data centers
  dcDetectS: p(30, "s", "time for the geo health check to mark a dark data center down", "lab simplification"),
  // Message queue
  jobShare: p(0.5, "ratio", "share of writes that start a slow job", "lab simplification"),
  jobMs: p(200, "ms", "one slow job", "chapter 13 lesson (the 200 ms job)"),
  workerJobsPerS: p(5, "jobs/s", "what one worker processes", "chapter 10 lesson (5 jobs/s per worker)"),
  drainWithinS: p(60, "s", "the backlog must drain within this", "chapter 10 lesson (T = 60 s)"),
  maxWorkers: p(40, "workers", "most workers", "lab simplification"),
  scaleWorkersEveryS: p(10, "s", "worker scaler period", "lab simplification"),
  visibilityTimeoutMs: p(30_000, "ms", "queue visibility timeout", "lab simplification"),
  // Observability
  sketchAccuracy: p(0.01, "ratio", "LatencySketch relative accuracy", "chapter 11 lesson (1%)"),
  alertWindowMs: p(60_000, "ms", "alert rule window", "lab simplification"),
  alertThreshold: p(0.05, "ratio", "alert error ratio threshold", "lab simplification"),
  alertForMs: p(30_000, "ms", "alert rule 'for' duration", "lab simplification"),
  alertMinRequests: p(100, "requests", "alert rule minimum requests in window", "lab simplification"),
  alertSample: p(10, "requests", "the alert rule is fed one request in this many", "lab simplification (a sampled metrics pipeline)"),
  // Prices
  serverHourUsd: p(0.1, "USD/h", "one web server, worker or database node per hour", "chapter 13 lesson ($0.10 per server-hour)"),
  cdnGbUsd: p(0.085, "USD/GB", "CDN egress", "chapter 07 lesson (CloudFront $0.085 per GB, first 10 TB)"),
  cacheNodeHourUsd: p(0.1, "USD/h", "one cache node per hour", "chapter 13 lesson ($0.10 per server-hour)"),
  // Run
  seriesBucketS: p(60, "s", "width of one point of the time series", "lab simplification"),
  stageRowScale: p(20, "requests", "each simulated request of a per-stage row stands for this many", "lab simplification (keeps the whole run under 10 s)"),
} as const satisfies Record<string, Parameter>;

export type ParameterName = keyof typeof PARAMETERS;

/** The value of one parameter. */
export const P = Object.fromEntries(Object.entries(PARAMETERS).map(([k, v]) => [k, v.value])) as Record<ParameterName, number>;
