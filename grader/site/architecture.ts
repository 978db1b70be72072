/**
 * The course's architecture, described once: the twelve steps, and every box and arrow with the
 * step it appears at (and the step it gives way to, if any). `diagram.ts` draws any step from
 * this, so the twelve chapter diagrams and the home page's course map can never disagree.
 *
 * Positions are on a grid (col, row) rather than in pixels, so moving a box is a one-number edit;
 * the renderer crops each step's picture to the boxes it shows.
 */

export interface Step {
  /** 1–12: the two-digit prefix of the chapter folder. */
  n: number;
  /** The chapter folder planned for this step; a chapter is matched by its number, not this. */
  folder: string;
  title: string;
  /** What the step adds to the picture, in a few words (used when the chapter is not published). */
  adds: string;
}

export const STEPS: Step[] = [
  { n: 1, folder: "01-single-server", title: "Single server", adds: "one box does everything; DNS finds it" },
  { n: 2, folder: "02-database-tier", title: "Database tier", adds: "the database gets its own server" },
  { n: 3, folder: "03-scaling", title: "Vertical vs horizontal scaling", adds: "a pool of web servers" },
  { n: 4, folder: "04-load-balancer", title: "Load balancer", adds: "one public IP in front of the pool" },
  { n: 5, folder: "05-replication", title: "Database replication", adds: "a master for writes, replicas for reads" },
  { n: 6, folder: "06-cache", title: "Cache", adds: "repeated reads answered from memory" },
  { n: 7, folder: "07-cdn", title: "Content delivery network", adds: "static files served from the edge" },
  { n: 8, folder: "08-stateless-web", title: "Stateless web tier", adds: "sessions move to a shared store" },
  { n: 9, folder: "09-data-centers", title: "Multiple data centers", adds: "GeoDNS and a second region" },
  { n: 10, folder: "10-message-queue", title: "Message queue", adds: "slow work handed to workers" },
  { n: 11, folder: "11-observability", title: "Logging, metrics and automation", adds: "logs, metrics, alerts, CI/CD" },
  { n: 12, folder: "12-sharding", title: "Database sharding", adds: "the data split over shards" },
];

export interface Box {
  id: string;
  label: string;
  /** A second, smaller line. */
  sub?: string;
  col: number;
  row: number;
  /** Size in grid cells (default 1 × 1). */
  cols?: number;
  rows?: number;
  /** "frame": a dashed region drawn behind other boxes (a data center). "stack": a box with copies
   *  drawn behind it (a shard: its primary and its replicas). */
  kind?: "box" | "frame" | "external" | "stack";
  from: number;
  /** Last step that shows it (it is replaced by something else after). */
  until?: number;
}

export interface Arrow {
  from: string;
  to: string;
  label?: string;
  dashed?: boolean;
  /** Draw arrowheads at both ends (a conversation rather than a one-way flow). */
  both?: boolean;
  since: number;
  until?: number;
}

/** Chapter 12's sharding scheme, as its lesson teaches it (a test holds the two together). */
export const SHARDING = { key: "user_id", count: 4 } as const;

/** The shards of step 12, one row of them; each keeps its replicas (drawn as a stack). */
const SHARDS: Box[] = Array.from({ length: SHARDING.count }, (_, i) => ({
  id: `shard${i}`, label: `Shard ${i}`, sub: `id % ${SHARDING.count} = ${i} · + replicas`, col: i, row: 5, kind: "stack" as const, from: 12,
}));

// A box id may appear twice with disjoint step ranges (the data centers grow at step 12 to make
// room for the shards): arrows name the id, and whichever box is shown at a step is used.
export const BOXES: Box[] = [
  { id: "user", label: "User", sub: "browser · mobile app", col: 2, row: 0, kind: "external", from: 1 },
  { id: "dns", label: "DNS", sub: "name → IP", col: 0, row: 0, kind: "external", from: 1, until: 8 },
  { id: "geodns", label: "GeoDNS", sub: "nearest region's IP", col: 0, row: 0, kind: "external", from: 9 },
  { id: "cdn", label: "CDN", sub: "images · CSS · JS", col: 4, row: 0, kind: "external", from: 7 },
  { id: "dc1", label: "Data center 1", col: 0, row: 1, cols: 4, rows: 4, kind: "frame", from: 9, until: 11 },
  { id: "dc1", label: "Data center 1", col: 0, row: 1, cols: 5, rows: 5, kind: "frame", from: 12 },
  { id: "tools", label: "Logs · metrics", sub: "alerts · CI/CD", col: 0, row: 1, from: 11 },
  { id: "lb", label: "Load balancer", sub: "public IP", col: 2, row: 1, from: 4 },
  { id: "server", label: "Web server", sub: "app + database + cache", col: 2, row: 2, from: 1, until: 1 },
  { id: "web", label: "Web server", sub: "app only", col: 2, row: 2, from: 2, until: 2 },
  { id: "webs", label: "Web servers", sub: "a pool, private IPs", col: 2, row: 2, from: 3 },
  { id: "cache", label: "Cache", sub: "in memory, TTL", col: 0, row: 2, from: 6 },
  { id: "sessions", label: "Session store", sub: "shared, NoSQL", col: 0, row: 3, from: 8 },
  { id: "queue", label: "Message queue", sub: "durable", col: 3, row: 3, from: 10 },
  { id: "workers", label: "Workers", sub: "scale on queue depth", col: 3, row: 4, from: 10 },
  { id: "db", label: "Database", col: 2, row: 4, from: 2, until: 4 },
  { id: "master", label: "Master DB", sub: "writes", col: 1, row: 4, from: 5, until: 11 },
  { id: "replicas", label: "Replica DBs", sub: "reads · copies of master", col: 2, row: 4, from: 5, until: 11 },
  { id: "router", label: "Shard router", sub: `${SHARDING.key} % ${SHARDING.count} → shard`, col: 2, row: 4, from: 12 },
  ...SHARDS,
  { id: "celebrity", label: "Celebrity shard", sub: "one hot user, pinned", col: 4, row: 5, kind: "stack", from: 12 },
  { id: "nosql", label: "NoSQL store", sub: "feeds · activity logs", col: 4, row: 2, from: 12 },
  { id: "dc2", label: "Data center 2", sub: "the same stack in another region", col: 0, row: 5.35, cols: 4, from: 9, until: 11 },
  { id: "dc2", label: "Data center 2", sub: "the same stack in another region", col: 0, row: 6.35, cols: 5, from: 12 },
];

export const ARROWS: Arrow[] = [
  { from: "user", to: "dns", label: "lookup", since: 1, until: 8 },
  { from: "user", to: "geodns", label: "lookup", since: 9 },
  { from: "user", to: "cdn", label: "static files", since: 7 },
  { from: "user", to: "server", label: "HTTP", both: true, since: 1, until: 1 },
  { from: "user", to: "web", label: "HTTP", both: true, since: 2, until: 2 },
  { from: "user", to: "webs", label: "HTTP", both: true, since: 3, until: 3 },
  { from: "user", to: "lb", label: "HTTPS", both: true, since: 4 },
  { from: "lb", to: "webs", since: 4 },
  { from: "web", to: "db", label: "SQL", since: 2, until: 2 },
  { from: "webs", to: "db", label: "SQL", since: 3, until: 4 },
  { from: "webs", to: "master", label: "writes", since: 5, until: 11 },
  { from: "webs", to: "replicas", label: "reads", since: 5, until: 11 },
  { from: "master", to: "replicas", dashed: true, since: 5, until: 11 },
  { from: "webs", to: "cache", label: "get / set", both: true, since: 6 },
  { from: "webs", to: "sessions", label: "session", both: true, since: 8 },
  { from: "webs", to: "queue", label: "jobs", since: 10 },
  { from: "queue", to: "workers", since: 10 },
  { from: "webs", to: "tools", label: "logs", dashed: true, since: 11 },
  { from: "webs", to: "router", label: "by sharding key", since: 12 },
  ...SHARDS.map((s): Arrow => ({ from: "router", to: s.id, since: 12 })),
  { from: "router", to: "celebrity", since: 12 },
  { from: "webs", to: "nosql", label: "non-relational", both: true, since: 12 },
  { from: "dc1", to: "dc2", label: "async replication", dashed: true, since: 9 },
];

/** The boxes and arrows shown at step `n`. */
export function architectureAt(n: number): { boxes: Box[]; arrows: Arrow[] } {
  const boxes = BOXES.filter((b) => b.from <= n && (b.until === undefined || n <= b.until));
  const shown = new Set(boxes.map((b) => b.id));
  const arrows = ARROWS.filter((a) => a.since <= n && (a.until === undefined || n <= a.until) && shown.has(a.from) && shown.has(a.to));
  return { boxes, arrows };
}
