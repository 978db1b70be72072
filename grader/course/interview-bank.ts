/**
 * What the mock interview asks: the prompts (products with their own numbers), the load ladder
 * ("what breaks next, and which component fixes it", one rung per scaling chapter) and the
 * follow-up questions of chapter 13's lesson. Data only; interview.ts runs it.
 */

export interface InterviewPrompt {
  id: string;
  product: string;
  dailyActiveUsers: number;
  requestsPerUserPerDay: number;
  peakFactor: number;
  readsPerWrite: number;
  bytesPerObject: number;
  /** Copies kept of each object. */
  replicationFactor: number;
  /** The course's assumption for one web server, and the utilisation target. */
  webServerRps: number;
  utilisation: number;
}

const p = (id: string, product: string, dau: number, perUser: number, peak: number, rw: number, bytes: number): InterviewPrompt => ({
  id, product, dailyActiveUsers: dau, requestsPerUserPerDay: perUser, peakFactor: peak, readsPerWrite: rw, bytesPerObject: bytes,
  replicationFactor: 3, webServerRps: 1000, utilisation: 0.6,
});

export const PROMPTS: InterviewPrompt[] = [
  p("news-feed", "a social news feed", 10_000_000, 20, 3, 10, 1_000),
  p("url-shortener", "a URL shortener", 5_000_000, 4, 2, 100, 500),
  p("photo-sharing", "a photo-sharing app (metadata only; images on object storage)", 20_000_000, 30, 3, 50, 2_000),
  p("chat", "a chat app", 50_000_000, 40, 2, 1, 200),
  p("ride-hailing", "ride-hailing location updates", 2_000_000, 200, 4, 2, 100),
  p("e-commerce", "an online shop's catalogue and orders", 8_000_000, 25, 5, 20, 3_000),
  p("pastebin", "a pastebin", 1_000_000, 10, 3, 5, 10_000),
  p("leaderboard", "a game leaderboard", 3_000_000, 50, 4, 3, 100),
  p("news-site", "a news website with comments", 30_000_000, 8, 6, 200, 2_000),
  p("video-metadata", "video-streaming metadata and watch history", 40_000_000, 15, 3, 4, 500),
  p("ticketing", "a ticket sale with a flash crowd", 500_000, 60, 20, 30, 1_000),
  p("iot-metrics", "IoT sensor readings", 1_000_000, 1_440, 1.5, 0.1, 100),
  p("notifications", "a push-notification service", 25_000_000, 6, 5, 0.5, 300),
];

export const ESTIMATE_TOLERANCE = 0.1; // ±10%: the point is the order of magnitude and the method

export interface Estimate {
  key: "peakRps" | "storageTBPerYear" | "webServers";
  question: string;
  unit: string;
  answer: number;
  working: string;
}

/** The three estimates of step 1, from the prompt's own numbers (chapter 13's formulas). */
export function estimatesFor(q: InterviewPrompt): Estimate[] {
  const average = q.dailyActiveUsers * q.requestsPerUserPerDay / 86_400;
  const peak = average * q.peakFactor;
  const writesPerSecond = average / (q.readsPerWrite + 1);
  const tb = writesPerSecond * q.bytesPerObject * 31_536_000 * q.replicationFactor / 1e12;
  const servers = Math.ceil(peak / (q.webServerRps * q.utilisation));
  const n = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return [
    {
      key: "peakRps", unit: "req/s", answer: peak,
      question: `Peak requests per second? (${n(q.dailyActiveUsers)} daily users × ${q.requestsPerUserPerDay} requests, peak ${q.peakFactor}× the average)`,
      working: `${n(q.dailyActiveUsers)} × ${q.requestsPerUserPerDay} ÷ 86,400 s = ${n(average)} req/s on average; × ${q.peakFactor} = ${n(peak)} req/s at the peak`,
    },
    {
      key: "storageTBPerYear", unit: "TB", answer: tb,
      question: `Disk for one year of writes, in TB? (${q.readsPerWrite} reads per write, ${n(q.bytesPerObject)} bytes per object, ${q.replicationFactor} copies)`,
      working: `writes = ${n(average)} ÷ ${n(q.readsPerWrite + 1)} = ${n(writesPerSecond)}/s; × ${n(q.bytesPerObject)} B × 31,536,000 s × ${q.replicationFactor} copies = ${n(tb)} TB`,
    },
    {
      key: "webServers", unit: "servers", answer: servers,
      question: `Web servers per region at the peak? (${n(q.webServerRps)} req/s per server, run at ${q.utilisation * 100}% utilisation)`,
      working: `ceil(${n(peak)} ÷ (${n(q.webServerRps)} × ${q.utilisation})) = ${servers} server${servers === 1 ? "" : "s"}`,
    },
  ];
}

export interface Rung {
  users: string;
  breaks: string;
  fix: string;
  /** The chapter concept this rung scores. */
  concept: string;
}

/** Load levels and what gives way at each, in the order the chapters fix them. */
export const LADDER: Rung[] = [
  { users: "1,000", concept: "02 database tier", breaks: "web app and database fight over one machine's CPU and memory", fix: "move the database to its own server" },
  { users: "10,000", concept: "04 load balancer", breaks: "one web server is a single point of failure and is running out of CPU", fix: "a load balancer in front of a pool of web servers" },
  { users: "100,000", concept: "05 replication", breaks: "the one database is a single point of failure and reads saturate it", fix: "a master for writes and read replicas" },
  { users: "500,000", concept: "06 cache", breaks: "the same hot rows are read from disk again and again", fix: "a cache tier (Memcached/Redis) in front of the database" },
  { users: "1,000,000", concept: "07 CDN", breaks: "static files eat the web servers' bandwidth and far users wait", fix: "a CDN serving static files from the edge" },
  { users: "2,000,000", concept: "08 stateless web", breaks: "sessions stuck to one server stop autoscaling and failover", fix: "move session state to a shared store" },
  { users: "5,000,000", concept: "09 data centers", breaks: "a whole data center outage takes the site down", fix: "a second data center behind GeoDNS" },
  { users: "10,000,000", concept: "10 message queue", breaks: "slow work (thumbnails, emails) blocks requests", fix: "a message queue and workers" },
  { users: "30,000,000", concept: "12 sharding", breaks: "writes and data outgrow the one master", fix: "shard the database by a key such as user_id" },
];

export interface FollowUp {
  concept: string;
  question: string;
  choices: string[];
  answer: number;
  explanation: string;
}

export const FOLLOW_UPS: FollowUp[] = [
  { concept: "CAP and consistency", question: "A partition splits your replicas. What must you choose between?", choices: ["Answer on both sides and risk stale data, or refuse until it heals", "Latency and throughput", "SQL and NoSQL"], answer: 0, explanation: "In a partition you choose availability (answer, maybe stale) or consistency (refuse). Without a partition you still trade latency for strong consistency." },
  { concept: "L4 vs L7", question: "Route /api/* and /images/* to different pools: which load balancer?", choices: ["Layer 4 (IP and port)", "Layer 7 (reads HTTP)", "DNS round robin"], answer: 1, explanation: "Only a layer-7 balancer (a reverse proxy) reads the path; it must terminate TLS to do it." },
  { concept: "active-active vs active-passive", question: "What does active-passive failover cost that active-active doesn't?", choices: ["An idle standby and a few seconds of switch-over", "Conflict resolution for writes in two places", "Nothing: they are the same"], answer: 0, explanation: "Active-passive keeps a standby idle and needs a switch; active-active uses every node but must handle writes in two places." },
  { concept: "zones vs regions", question: "Replicating synchronously across regions thousands of km apart...", choices: ["adds tens to hundreds of ms to every write", "is free: fibre is fast", "is what zones are for"], answer: 0, explanation: "Zones in a region are milliseconds apart (sync is fine); regions are far apart, so replicate between them asynchronously." },
  { concept: "RPO/RTO", question: "At most 5 s of orders lost, at most 1 h down. Which is the RPO?", choices: ["5 seconds", "1 hour", "Both"], answer: 0, explanation: "RPO is data lost (in time): it bounds replication lag. RTO is time down: it bounds failover." },
  { concept: "push vs pull CDN", question: "Large files that change rarely, with a predictable release: push or pull CDN?", choices: ["Push: upload when they change", "Pull: fetched on the first miss", "Neither"], answer: 0, explanation: "Push suits large, rarely changing files; pull suits many small files and little management." },
  { concept: "refresh-ahead and write-behind", question: "Write-behind caching risks...", choices: ["losing writes not yet flushed if the cache node dies", "stale reads only", "nothing: it is write-through"], answer: 0, explanation: "Write-behind acknowledges before the database has the write; a dead cache node loses the unflushed ones." },
  { concept: "back-pressure", question: "The queue fills faster than workers drain it. The right response?", choices: ["Bound the queue and reject (429/503 with Retry-After) so producers back off", "Let it grow without limit", "Drop the oldest messages silently"], answer: 0, explanation: "A bounded queue keeps memory and latency bounded; producers retry with back-off." },
  { concept: "range and directory sharding", question: "Sharding by timestamp ranges tends to...", choices: ["send all new writes to one hot shard", "spread writes evenly", "make range scans impossible"], answer: 0, explanation: "Sequential keys pile onto the newest range; hash or directory sharding spreads them." },
  { concept: "scatter-gather", question: "A query not keyed by the shard key has latency equal to...", choices: ["the slowest shard's", "the fastest shard's", "one shard's on average"], answer: 0, explanation: "Scatter-gather waits for every shard, so the tail dominates; keep it off hot paths." },
  { concept: "rate limiting", question: "A token bucket of size 10 refilling at 1/s allows...", choices: ["bursts of 10, then 1 request a second", "exactly 1 request a second, no bursts", "10 requests a second forever"], answer: 0, explanation: "The bucket size is the burst; the refill rate is the sustained rate. Over the limit: HTTP 429." },
  { concept: "TLS termination", question: "Terminating TLS at the load balancer...", choices: ["centralises certificates and lets it read HTTP; traffic behind it is plain unless re-encrypted", "is impossible with HTTP/2", "makes the web servers do the handshakes"], answer: 0, explanation: "The balancer does the handshakes and can route by content; re-encrypt inside if the network isn't trusted." },
];
