/**
 * The simulated system: clients in two regions → DNS → (GeoRouter) → load balancer over an
 * autoscaled web tier → sessions → cache → database (replicated, sharded), static files through
 * CDN edges, slow jobs through a queue and workers, latency and alerts through the learner's
 * sketch and rule. The learner's components decide; this file supplies time, load and capacity
 * (parameters.ts). A stage that is not in is replaced by what a system without it does
 * (one server, no cache, …); see docs/lab.md.
 */
import { P } from "./parameters.ts";
import { Observations, first } from "./observations.ts";
import { FluidQueue, ReleaseHeap } from "./fluid.ts";
import { rateAt, type Scenario } from "./scenarios/index.ts";
import { World, flushMicrotasks } from "./world.ts";
import type { Components } from "./components.ts";
import type { Metrics, Series } from "./report.ts";
import { DbTier, type Shard } from "./database.ts";

export interface RunOptions {
  scenario: Scenario;
  seed: number;
  /** on[k] for chapter k (1..12). */
  on: boolean[];
  /** Chapter 01 runs the lab's own resolver. */
  builtInDns: boolean;
  components: Components;
  /** Each simulated request stands for this many. */
  scale: number;
  onProgress?: (fraction: number) => void;
}

export interface RunResult {
  metrics: Metrics;
  series: Series;
  obs: Observations;
  requests: number;
}

interface Server {
  id: string;
  index: number;
  dc: DataCenter;
  queue: FluidQueue;
  alive: boolean;
  ready: boolean;
  markedDown: boolean;
  /** When the health checker's `fall`-th failed probe of this (dead) server ended. */
  failAt: number;
  failedProbes: number;
  dbQueries: number;
  dbLatencyMs: number;
  poolWaitMs: number;
  pool?: any;
  poolLive: number;
  sessions?: any;
}

interface DataCenter {
  id: string;
  lat: number;
  lon: number;
  dark: boolean;
  servers: Server[];
  ready: Server[];
  rr: number;
  lb?: any;
  lbGen: number;
  hc?: any;
  autoscaler?: any;
  caches: any[];
  ring?: any;
  ringMemo: Map<number, number>;
  db: DbTier;
  queue?: any;
  workers: number;
  jobsArrived: number;
  workCredit: number;
  toAck: string[];
  log: { timestamp: number; text: string }[];
  lastUtilization?: number;
}

interface Region {
  name: "us" | "eu";
  lat: number;
  lon: number;
  dns?: any;
  dc: number;
  answeredAt: number;
  lookups: number;
  edge?: any;
}

const HOST = "www.example.com";
const ORIGIN = "http://origin.example";
const DC_SPECS = [
  { id: "us-east", lat: 38.9, lon: -77.4 },
  { id: "eu-west", lat: 53.3, lon: -6.3 },
];

export async function runSystem(options: RunOptions): Promise<RunResult> {
  const sim = new Simulation(options);
  return sim.run();
}

class Simulation {
  readonly world: World;
  readonly obs = new Observations();
  readonly on: boolean[];
  readonly c: Components;
  readonly s: Scenario;
  readonly k: number;
  readonly durationMs: number;
  readonly dcs: DataCenter[] = [];
  readonly regions: Region[];
  readonly allServers: Server[] = [];
  readonly releases = new ReleaseHeap();
  readonly bucketMs = P.seriesBucketS * 1000;
  readonly buckets: number;
  // series and totals (simulated units; scaled by k when reported)
  readonly load: Float64Array;
  readonly errs: Float64Array;
  readonly dbq: Float64Array;
  readonly serversSeries: Float64Array;
  readonly workersSeries: Float64Array;
  readonly latencies: Float64Array[];
  readonly latencyCounts: Int32Array;
  sketches: any[] = [];
  alert?: any;
  alertWindow: { req: Int32Array; err: Int32Array } = { req: new Int32Array(60), err: new Int32Array(60) };
  strongSince = -1;
  requests = 0;
  errors = 0;
  dbReads = 0;
  dbWrites = 0;
  resourceSeconds = 0;
  cdnBytes = 0;
  serverSeq = 0;
  // chapter 07
  staticVersion = 1;
  staticUrls: string[] = [];
  urlVersion = new Map<string, number>();
  // chapter 08
  store = new Map<string, unknown>();
  cookies: string[] = [];
  sticky: (Server | undefined)[] = [];
  // chapter 10
  jobSeq = 0;
  jobsDone = new Set<number>();
  jobSentAt = new Map<number, number>();
  // chapter 12
  celebrityShard?: string;

  /** Distinct users read. A coarser row samples 1/k of them, so that each key is read as often
   *  as at full scale and the cache behaves alike. */
  readonly users: number;
  readonly staticFiles: number;

  constructor(readonly o: RunOptions) {
    this.world = new World(o.seed);
    this.on = o.on;
    this.c = o.components;
    this.s = o.scenario;
    this.k = o.scale;
    this.durationMs = o.scenario.durationS * 1000;
    this.users = Math.max(10, Math.ceil(o.scenario.users / o.scale));
    this.staticFiles = Math.max(2, Math.ceil(P.staticFiles / o.scale));
    this.buckets = Math.ceil(this.durationMs / this.bucketMs);
    this.load = new Float64Array(this.buckets);
    this.errs = new Float64Array(this.buckets);
    this.dbq = new Float64Array(this.buckets);
    this.serversSeries = new Float64Array(this.buckets);
    this.workersSeries = new Float64Array(this.buckets);
    this.latencies = Array.from({ length: this.buckets }, () => new Float64Array(1024));
    this.latencyCounts = new Int32Array(this.buckets);
    this.obs.webWaitMaxMs = new Array(this.buckets).fill(0);
    this.regions = [
      { name: "us", lat: 40, lon: -100, dc: 0, answeredAt: -Infinity, lookups: 0 },
      { name: "eu", lat: 50, lon: 10, dc: 0, answeredAt: -Infinity, lookups: 0 },
    ];
  }

  /** Runs a learner's call; a throw is recorded against its chapter and returns `fallback`. */
  guard<T>(chapter: string, exercise: string, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (error) {
      this.obs.componentError(chapter, exercise, error, this.world.now / 1000);
      return fallback;
    }
  }

  async run(): Promise<RunResult> {
    this.world.install();
    try {
      await this.setUp();
      await this.loop();
      await this.finish();
    } finally {
      this.world.uninstall();
    }
    return this.result();
  }

  // ---------------------------------------------------------------- set-up

  async setUp(): Promise<void> {
    const { on, c, world } = this;
    const dcCount = on[9] ? 2 : 1;
    for (let i = 0; i < dcCount; i++) this.dcs.push(this.makeDc(i));
    world.fetchHandler = (url, init) => this.fetch(url, init);
    if (on[9]) this.geo = this.guard("09-data-centers", "geo-router", () => new c.GeoRouter(DC_SPECS.map(({ id, lat, lon }) => ({ id, lat, lon }))), undefined);
    if (on[11]) this.alert = this.guard("11-observability", "alert-rule", () => new c.AlertRule({ windowMs: P.alertWindowMs, threshold: P.alertThreshold, minRequests: Math.ceil(P.alertMinRequests / P.alertSample), forMs: P.alertForMs }), undefined);
    for (const region of this.regions) {
      if (on[1] && !this.o.builtInDns) {
        region.dns = this.guard("01-single-server", "dns-cache", () => new c.DnsCache({ lookup: (name: string) => this.lookup(region, name) }), undefined);
      }
      if (on[7]) region.edge = this.guard("07-cdn", "edge-cache", () => new c.EdgeCache({ origin: ORIGIN }), undefined);
    }
    if (on[7]) this.makeStaticUrls();
    // Sessions: every user logs in once at the start.
    this.sticky = new Array(P.sessionUsers).fill(undefined);
    if (on[8]) {
      const server = this.dcs[0]!.ready[0]!;
      const manager = this.sessionsOf(server);
      for (let u = 0; u < P.sessionUsers; u++) {
        const i = u;
        manager?.create({ user: u }).then((cookie: string) => (this.cookies[i] = cookie), (e: unknown) => this.obs.componentError("08-stateless-web", "session-manager", e, 0));
      }
      await flushMicrotasks();
    }
    for (const dc of this.dcs) this.rebuildBalancer(dc);
    // Recurring events.
    const every = (periodMs: number, offsetMs: number, fn: () => void, async = true) => {
      const tick = (t: number) => world.at(t, () => {
        fn();
        if (t + periodMs < this.durationMs) tick(t + periodMs);
      }, async);
      tick(offsetMs);
    };
    every(1000, 0, () => this.secondTick());
    every(P.dnsResolveEveryS * 1000, 0, () => this.resolveAll());
    if (on[3]) every(P.autoscaleEveryS * 1000, P.autoscaleEveryS * 1000, () => this.autoscale());
    if (on[10]) every(P.scaleWorkersEveryS * 1000, 0, () => this.scaleWorkers());
    for (const dc of this.dcs) dc.db.schedule(every);
    for (const fault of this.s.faults) world.at(fault.atS * 1000, () => this.fault(fault), true);
  }

  geo?: any;

  makeDc(index: number): DataCenter {
    const spec = DC_SPECS[index]!;
    const { on, c } = this;
    const dc: DataCenter = {
      ...spec, dark: false, servers: [], ready: [], rr: 0, lbGen: 0, caches: [], ringMemo: new Map(),
      db: new DbTier(this, spec.id), workers: 1, jobsArrived: 0, workCredit: 0, toAck: [], log: [],
    };
    const share = on[9] ? (index === 0 ? this.s.usShare : 1 - this.s.usShare) : 1;
    const peak = Math.max(...this.s.load.map(([, r]) => r)) * share;
    let initial = 1;
    if (on[3]) {
      initial = this.guard("03-scaling", "capacity-plan", () => Number(c.serversNeeded({ peakRps: this.s.load[0]![1] * share, perServerRps: P.webServerRps, targetUtilization: P.targetUtilization, failuresTolerated: P.spareServers })), 2);
      if (!Number.isFinite(initial) || initial < 1) initial = 1;
      initial = Math.min(initial, 200);
      dc.autoscaler = this.guard("03-scaling", "autoscaler", () => new c.Autoscaler({ minReplicas: P.minServers, maxReplicas: P.maxServers, targetUtilization: P.targetUtilization, tolerance: P.autoscaleTolerance, scaleDownStabilizationMs: P.scaleDownWindowS * 1000 }), undefined);
    }
    void peak;
    for (let i = 0; i < initial; i++) this.launch(dc, true);
    const cacheNodes = on[6] ? (on[12] ? 4 : 1) : 0;
    for (let i = 0; i < cacheNodes; i++) {
      const cache = this.guard("06-cache", "read-through", () => new c.ReadThroughCache({ load: (key: number) => this.load_(dc, key), ttlMs: P.cacheTtlMs, capacity: Math.max(10, Math.ceil(P.cacheCapacity / this.k)) }), undefined);
      if (cache) dc.caches.push(cache);
    }
    if (on[12] && dc.caches.length > 1) {
      dc.ring = this.guard("12-sharding", "hash-ring", () => {
        const ring = new c.HashRing();
        for (let i = 0; i < dc.caches.length; i++) ring.addNode(`cache-${i + 1}`);
        return ring;
      }, undefined);
    }
    if (on[10]) dc.queue = this.guard("10-message-queue", "message-queue", () => new c.MessageQueue({ visibilityTimeoutMs: P.visibilityTimeoutMs, maxReceives: 5 }), undefined);
    return dc;
  }

  launch(dc: DataCenter, immediately: boolean): Server {
    const index = this.allServers.length;
    const server: Server = {
      id: `${dc.id}-web-${++this.serverSeq}`, index, dc, queue: new FluidQueue(P.webServerRps), alive: true, ready: immediately,
      markedDown: false, failAt: Infinity, failedProbes: 0, dbQueries: 0, dbLatencyMs: 0, poolWaitMs: 0, poolLive: 0,
    };
    this.allServers.push(server);
    dc.servers.push(server);
    if (immediately) dc.ready.push(server);
    else {
      this.world.at(this.world.now + P.serverBootS * 1000, () => {
        if (!server.alive || !dc.servers.includes(server)) return;
        server.ready = true;
        dc.ready.push(server);
        dc.log.push({ timestamp: this.world.now, text: `${server.id} ready` });
        this.rebuildBalancer(dc);
      }, true);
    }
    if (this.on[2]) {
      server.pool = this.guard("02-database-tier", "connection-pool", () => new this.c.ConnectionPool({
        create: () => {
          server.poolLive++;
          if (server.poolLive > P.poolMax && !this.obs.poolOverMax) {
            this.obs.poolOverMax = { atS: this.world.now / 1000, detail: `${server.id} had ${server.poolLive} connections open with max ${P.poolMax}` };
          }
          return Promise.resolve({ server: server.id });
        },
        destroy: () => {
          server.poolLive--;
        },
        max: P.poolMax,
        acquireTimeoutMs: P.acquireTimeoutMs,
      }), undefined);
    }
    return server;
  }

  sessionsOf(server: Server): any {
    if (!this.on[8]) return undefined;
    if (!server.sessions) {
      const store = {
        get: (id: string) => Promise.resolve(this.store.get(id)),
        set: (id: string, value: unknown) => {
          this.store.set(id, value);
          return Promise.resolve();
        },
        delete: (id: string) => {
          this.store.delete(id);
          return Promise.resolve();
        },
      };
      server.sessions = this.guard("08-stateless-web", "session-manager", () => new this.c.SessionManager({ store, secret: "lab-secret", ttlMs: P.sessionTtlMs }), undefined);
    }
    return server.sessions;
  }

  /** A new load balancer and health checker over the ready servers (both take a fixed list). */
  rebuildBalancer(dc: DataCenter): void {
    if (!this.on[4]) return;
    dc.hc && this.guard("04-load-balancer", "health-checker", () => dc.hc.stop(), undefined);
    const targets = dc.ready.filter((s) => !s.markedDown);
    dc.lbGen++;
    for (const s of dc.ready) {
      s.failedProbes = 0;
      s.failAt = Infinity;
    }
    dc.lb = this.guard("04-load-balancer", "load-balancer", () => new this.c.LoadBalancer(targets.map((s) => ({ id: s.id })), "round-robin"), undefined);
    if (targets.length === 0) return;
    dc.hc = this.guard("04-load-balancer", "health-checker", () => new this.c.HealthChecker({
      targets: targets.map((s) => ({ id: s.id, url: `http://${s.id}.internal/health` })),
      intervalMs: P.healthIntervalMs,
      timeoutMs: P.healthTimeoutMs,
      rise: P.healthRise,
      fall: P.healthFall,
      onChange: (id: string, healthy: boolean) => this.healthChanged(dc, id, healthy),
    }), undefined);
    dc.hc && this.guard("04-load-balancer", "health-checker", () => dc.hc.start(), undefined);
  }

  healthChanged(dc: DataCenter, id: string, healthy: boolean): void {
    const server = dc.servers.find((s) => s.id === id);
    if (!server) return;
    server.markedDown = !healthy;
    dc.log.push({ timestamp: this.world.now, text: `health: ${id} ${healthy ? "up" : "down"}` });
    this.guard("04-load-balancer", "load-balancer", () => (healthy ? dc.lb.markUp(id) : dc.lb.markDown(id)), undefined);
  }

  /** The network as fetch sees it: health probes of web servers, and the static origin. */
  fetch(url: string, init: RequestInit | undefined): Promise<Response> {
    const world = this.world;
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(new DOMException("The operation was aborted.", "AbortError"));
      signal?.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")));
      if (url.startsWith(ORIGIN)) {
        const path = url.slice(ORIGIN.length);
        const file = Number(/\/static\/f(\d+)\.js/.exec(path)?.[1] ?? -1);
        world.at(world.now + P.rttCrossRegionMs / 2, () => {
          resolve(new Response(`f${file}@v${this.staticVersion}`, { status: 200, headers: { "cache-control": "public, max-age=31536000" } }));
        }, true);
        return;
      }
      const host = /^https?:\/\/([^/]+)\.internal\//.exec(url)?.[1];
      const server = this.allServers.find((s) => s.id === host);
      if (!server) return reject(new TypeError("fetch failed"));
      const dead = !server.alive || server.dc.dark;
      if (dead) {
        // A dead server never answers: the probe times out. Count it toward `fall`.
        server.failedProbes++;
        if (server.failedProbes === P.healthFall) server.failAt = world.now + P.healthTimeoutMs;
        return;
      }
      server.failedProbes = 0;
      world.at(world.now + P.rttInsideDcMs, () => resolve(new Response(null, { status: 200 })), true);
    });
  }

  // ---------------------------------------------------------------- DNS and data centers

  /** The authoritative answer for a region: its nearest healthy data center (GeoRouter), else the first. */
  answer(region: Region): number {
    if (!this.geo) return 0;
    const id = this.guard("09-data-centers", "geo-router", () => this.geo.route({ lat: region.lat, lon: region.lon }), "us-east");
    const index = DC_SPECS.findIndex((d) => d.id === id);
    return index >= 0 && index < this.dcs.length ? index : 0;
  }

  lookup(region: Region, _name: string): Promise<{ address: string; ttlSeconds: number }> {
    region.lookups++;
    region.answeredAt = this.world.now;
    return Promise.resolve({ address: `10.${this.answer(region)}.0.1`, ttlSeconds: P.dnsTtlS });
  }

  resolveAll(): void {
    for (const region of this.regions) {
      if (!region.dns) {
        region.dc = this.answer(region);
        continue;
      }
      const before = region.lookups;
      this.obs.dnsResolves++;
      const promise = this.guard("01-single-server", "dns-cache", () => region.dns.resolve(HOST), undefined);
      if (region.lookups === before && this.world.now >= region.answeredAt + P.dnsTtlS * 1000 && !this.obs.dnsStale) {
        this.obs.dnsStale = { atS: this.world.now / 1000, detail: `region ${region.name} was answered from the cache ${((this.world.now - region.answeredAt) / 1000).toFixed(1)} s after the lookup, past the ${P.dnsTtlS} s TTL` };
      }
      promise?.then((address: string) => {
        const dc = Number(/^10\.(\d+)\./.exec(String(address))?.[1] ?? 0);
        region.dc = dc < this.dcs.length ? dc : 0;
      }, (e: unknown) => this.obs.componentError("01-single-server", "dns-cache", e, this.world.now / 1000));
    }
  }

  fault(fault: Scenario["faults"][number]): void {
    const now = this.world.now;
    const dc0 = this.dcs[0]!;
    dc0.log.push({ timestamp: now, text: `fault: ${fault.kind}` });
    if (fault.kind === "server-dies") {
      const victim = dc0.ready.find((s) => s.alive);
      if (victim) {
        victim.alive = false;
        this.obs.backendDeaths++;
      }
    } else if (fault.kind === "primary-dies") {
      dc0.db.primaryDies(now);
    } else if (fault.kind === "deploy") {
      this.staticVersion++;
      if (this.on[7]) this.makeStaticUrls();
    } else if (fault.kind === "region-dark") {
      const index = DC_SPECS.findIndex((d) => d.id === fault.dataCenter);
      const dc = this.dcs[index];
      if (!dc) return;
      this.obs.darkFaults++;
      dc.dark = true;
      this.world.at(now + P.dcDetectS * 1000, () => this.geo && this.guard("09-data-centers", "geo-router", () => this.geo.setHealthy(dc.id, false), undefined), true);
      this.darkUntil = now + fault.forS * 1000;
      this.darkDc = index;
      this.world.at(now + fault.forS * 1000, () => (dc.dark = false), true);
      this.world.at(now + (fault.forS + P.dcDetectS) * 1000, () => this.geo && this.guard("09-data-centers", "geo-router", () => this.geo.setHealthy(dc.id, true), undefined), true);
      this.darkDeadline = now + (P.dcDetectS + P.dnsTtlS + P.dnsResolveEveryS + 1) * 1000;
    }
  }

  darkUntil = -1;
  darkDc = -1;
  darkDeadline = Infinity;

  makeStaticUrls(): void {
    for (let i = 0; i < this.staticFiles; i++) {
      const url = this.guard("07-cdn", "cdn-client", () => String(this.c.versionedUrl(`/static/f${i}.js`, `f${i}@v${this.staticVersion}`)), `/static/f${i}.js`);
      this.staticUrls[i] = url;
      this.urlVersion.set(url, this.staticVersion);
    }
  }

  // ---------------------------------------------------------------- the main loop

  async loop(): Promise<void> {
    const { world, s } = this;
    const random = world.random;
    let t = 0;
    const next = () => {
      const rate = rateAt(s, t / 1000) / this.k;
      t += (-Math.log(1 - random()) / rate) * 1000;
      return t;
    };
    let arrival = next();
    let progressAt = 0;
    while (true) {
      const eventAt = world.nextEventTime();
      if (arrival >= this.durationMs && eventAt >= this.durationMs) break;
      if (eventAt <= arrival) {
        await world.runNext();
        if (world.now >= progressAt) {
          this.o.onProgress?.(world.now / this.durationMs);
          progressAt = world.now + 60_000;
        }
        continue;
      }
      world.now = arrival;
      while (this.releases.peekTime() <= arrival) this.release(this.releases.pop());
      this.request(arrival);
      arrival = next();
    }
  }

  release(packed: number): void {
    const server = this.allServers[packed >> 12]!;
    if ((server.dc.lbGen & 4095) !== (packed & 4095)) return; // picked from an earlier balancer
    try {
      server.dc.lb.release(server.id);
    } catch (error) {
      this.obs.componentError("04-load-balancer", "load-balancer", error, this.world.now / 1000);
    }
  }

  /** One request arriving at `now` (ms). */
  request(now: number): void {
    const { world, k, on } = this;
    const random = world.random;
    const bucket = Math.min(this.buckets - 1, Math.floor(now / this.bucketMs));
    this.requests++;
    this.load[bucket]! += 1;
    const region = this.regions[random() < this.s.usShare ? 0 : 1]!;
    if (random() < P.staticShare) {
      this.obs.staticRequests++;
      if (on[7] && region.edge) return this.staticFromCdn(region, now, bucket);
    }
    const dcIndex = region.dc;
    const dc = this.dcs[dcIndex]!;
    if (dc.dark) {
      if (this.darkDc === dcIndex && now > this.darkDeadline && now < this.darkUntil) {
        this.obs.sentToDarkAfterFailover++;
        this.obs.sentToDarkFirst = first(this.obs.sentToDarkFirst, now / 1000, `region ${region.name}'s requests still went to ${dc.id}, dark since the fault`);
      }
      return this.fail(bucket, now);
    }
    const server = this.pick(dc, region);
    if (!server) return this.fail(bucket, now);
    if (!server.alive) {
      if (now > server.failAt) {
        this.obs.sentToDownBackend++;
        this.obs.sentToDownFirst = first(this.obs.sentToDownFirst, now / 1000, `${server.id} got a request ${((now - server.failAt) / 1000).toFixed(1)} s after ${P.healthFall} failed health checks in a row (fall = ${P.healthFall})`);
      }
      return this.fail(bucket, now, P.requestTimeoutMs);
    }
    const wait = server.queue.waitMs(now);
    if (wait > P.requestTimeoutMs) return this.fail(bucket, now);
    if (wait > this.obs.webWaitMaxMs[bucket]!) this.obs.webWaitMaxMs[bucket] = wait;
    let latency = (dcIndex === (region.name === "us" ? 0 : 1) ? P.rttSameRegionMs : P.rttCrossRegionMs) + wait + P.webServiceMs;
    let work = k;
    let ok = true;
    if (random() < P.sessionReadShare) this.session(server, now);
    if (random() < this.s.writeShare) {
      const user = this.user(random);
      const ms = dc.db.write(user, server, now);
      if (ms < 0) ok = false;
      else {
        latency += ms;
        if (random() < P.jobShare) {
          if (on[10] && dc.queue) this.enqueue(dc, now);
          else {
            latency += P.jobMs;
            work += (k * P.jobMs) / P.webServiceMs;
          }
        }
      }
    } else {
      const user = this.user(random);
      const ms = this.read(dc, server, user, now);
      if (ms < 0) ok = false;
      else latency += ms;
    }
    server.queue.add(work);
    if (!ok) return this.fail(bucket, now);
    this.served(bucket, latency);
  }

  user(random: () => number): number {
    const celeb = this.s.celebrity;
    if (celeb && random() < celeb.share) return celeb.userId;
    const u = random();
    return Math.floor(this.users * u * u * u * u);
  }

  pick(dc: DataCenter, _region: Region): Server | undefined {
    if (this.on[4] && dc.lb) {
      let id: string;
      try {
        id = dc.lb.pick();
      } catch (error) {
        if (!(error instanceof Error && error.name === "NoHealthyBackendError")) this.obs.componentError("04-load-balancer", "load-balancer", error, this.world.now / 1000);
        return undefined;
      }
      const ready = dc.ready;
      for (let i = 0; i < ready.length; i++) if (ready[i]!.id === id) return ready[i];
      return this.lookupServer(id);
    }
    // Without a load balancer: DNS round-robin over the servers, dead ones included.
    if (dc.ready.length === 0) return undefined;
    dc.rr = (dc.rr + 1) % dc.ready.length;
    return dc.ready[dc.rr];
  }

  lookupServer(id: string): Server | undefined {
    return this.allServers.find((s) => s.id === id);
  }

  read(dc: DataCenter, server: Server, user: number, now: number): number {
    this.obs.cacheReads++;
    if (dc.caches.length === 0) return this.dbRead(dc, server, user, now);
    let node = 0;
    if (dc.ring) {
      let memo = dc.ringMemo.get(user);
      if (memo === undefined || (++this.obs.ringChecks & 1023) === 0) {
        const name = this.guard("12-sharding", "hash-ring", () => String(dc.ring.nodeFor(String(user))), "cache-1");
        const index = Math.max(0, Number(name.slice(6)) - 1) % dc.caches.length;
        if (memo !== undefined && memo !== index && !this.obs.shardDisagreement) {
          this.obs.shardDisagreement = { atS: now / 1000, detail: `hash ring put key ${user} on cache-${memo + 1}, then on ${name}, with no node added or removed` };
        }
        memo = index;
        dc.ringMemo.set(user, index);
      }
      node = memo;
    }
    this.missMs = -2;
    this.missServer = server;
    try {
      dc.caches[node].get(user);
    } catch (error) {
      this.obs.componentError("06-cache", "read-through", error, now / 1000);
      return -1;
    }
    const missMs = this.missMs;
    if (missMs === -2) return P.rttInsideDcMs + P.cacheMs; // a hit, or joined a load in flight
    this.obs.cacheMisses++;
    if (missMs < 0) {
      this.guard("06-cache", "read-through", () => dc.caches[node].invalidate(user), undefined);
      return -1;
    }
    return P.rttInsideDcMs + P.cacheMs + missMs;
  }

  missMs = -2;
  missServer?: Server;

  /** The cache's `load`: one database read. */
  load_(dc: DataCenter, key: number): Promise<number> {
    const server = this.missServer ?? dc.ready[0]!;
    this.missMs = this.dbRead(dc, server, key, this.world.now);
    return Promise.resolve(this.missMs < 0 ? -1 : key);
  }

  dbRead(dc: DataCenter, server: Server, user: number, now: number): number {
    const ms = dc.db.read(user, server, now);
    return ms;
  }

  /** Counts one query; `latencyMs` is its time on the database (what holds a connection). */
  countDb(server: Server, latencyMs: number, write: boolean): void {
    const bucket = Math.min(this.buckets - 1, Math.floor(this.world.now / this.bucketMs));
    this.dbq[bucket]! += 1;
    if (write) this.dbWrites++;
    else this.dbReads++;
    server.dbQueries++;
    server.dbLatencyMs += latencyMs;
  }

  /** Extra latency of a database query on `server`: a new connection without a pool, or a wait for one. */
  connectionMs(server: Server): number {
    return this.on[2] && server.pool ? Math.min(server.poolWaitMs, P.acquireTimeoutMs) : P.connectMs;
  }

  session(server: Server, now: number): void {
    const user = Math.floor(this.world.random() * P.sessionUsers);
    this.obs.sessionReads++;
    if (!this.on[8]) {
      // Sessions in the web server's memory, users stuck to their server (sticky sessions).
      const home = this.sticky[user];
      if (home && (!home.alive || !home.dc.servers.includes(home))) {
        this.obs.sessionsLost++;
        this.sticky[user] = server;
      } else if (!home) this.sticky[user] = server;
      return;
    }
    const manager = this.sessionsOf(server);
    const cookie = this.cookies[user];
    if (!manager || cookie === undefined) return;
    let promise: any;
    try {
      promise = manager.read(cookie);
    } catch (error) {
      return this.obs.componentError("08-stateless-web", "session-manager", error, now / 1000);
    }
    promise?.then((data: unknown) => {
      if (data === null || data === undefined) {
        this.obs.sessionsLost++;
        this.obs.sessionLostFirst = first(this.obs.sessionLostFirst, now / 1000, `user ${user} was logged out on ${server.id}: SessionManager.read answered null for a live session`);
        manager.create({ user }).then((c: string) => (this.cookies[user] = c), () => {});
      }
    }, (e: unknown) => this.obs.componentError("08-stateless-web", "session-manager", e, now / 1000));
  }

  staticFromCdn(region: Region, now: number, bucket: number): void {
    const u = this.world.random();
    const file = Math.floor(this.staticFiles * u * u);
    const url = this.staticUrls[file]!;
    const expected = this.urlVersion.get(url);
    let promise: any;
    try {
      promise = region.edge.get(url);
    } catch (error) {
      this.obs.componentError("07-cdn", "edge-cache", error, now / 1000);
      return this.fail(bucket, now);
    }
    this.cdnBytes += P.staticKb * this.k;
    promise.then((response: any) => {
      this.obs.cdnAnswers++;
      const hit = response?.cache === "HIT";
      if (hit) this.obs.cdnHits++;
      const body = String(response?.body ?? "");
      if (response?.status === 200 && body !== `f${file}@v${expected}` && !body.endsWith(`@v${this.staticVersion}`)) {
        this.obs.staleServed++;
        this.obs.staleFirst = first(this.obs.staleFirst, now / 1000, `${url} was answered with the old file "${body}" (expected version ${expected})`);
      }
      this.served(bucket, P.cdnMs + (hit ? 0 : P.rttCrossRegionMs));
    }, (e: unknown) => {
      this.obs.componentError("07-cdn", "edge-cache", e, now / 1000);
      this.fail(bucket, now);
    });
  }

  enqueue(dc: DataCenter, now: number): void {
    const id = ++this.jobSeq;
    this.obs.jobsSent++;
    dc.jobsArrived++;
    this.jobSentAt.set(id, now);
    try {
      dc.queue.send({ job: id });
    } catch (error) {
      this.obs.componentError("10-message-queue", "message-queue", error, now / 1000);
    }
  }

  served(bucket: number, latency: number): void {
    const n = this.latencyCounts[bucket]!;
    let array = this.latencies[bucket]!;
    if (n === array.length) {
      const bigger = new Float64Array(n * 2);
      bigger.set(array);
      this.latencies[bucket] = array = bigger;
    }
    array[n] = latency;
    this.latencyCounts[bucket] = n + 1;
    this.alertRecord(true);
  }

  fail(bucket: number, now: number, _latency = 0): void {
    this.errors++;
    this.errs[bucket]! += 1;
    this.alertWindow.err[Math.floor(now / 1000) % 60]! += 1;
    this.alertRecord(false);
  }

  alertSeen = 0;

  alertRecord(ok: boolean): void {
    this.alertWindow.req[Math.floor(this.world.now / 1000) % 60]! += 1;
    // The rule sees one request in `alertSample` (a sampled metrics pipeline), its minimum scaled alike.
    if (!this.alert || ++this.alertSeen % P.alertSample !== 0) return;
    try {
      this.alert.record(ok);
    } catch (error) {
      this.obs.componentError("11-observability", "alert-rule", error, this.world.now / 1000);
    }
  }

  // ---------------------------------------------------------------- periodic work

  secondTick(): void {
    const now = this.world.now;
    const second = Math.floor(now / 1000);
    const bucket = Math.min(this.buckets - 1, Math.floor(now / this.bucketMs));
    let servers = 0;
    let workers = 0;
    for (const dc of this.dcs) {
      const running = dc.servers.length;
      servers += running;
      workers += this.on[10] ? dc.workers : 0;
      this.resourceSeconds += running + (this.on[10] ? dc.workers : 0) + dc.db.nodeCount() + dc.caches.length;
      if (this.on[2]) this.poolTick(dc);
      if (this.on[10] && dc.queue) this.workTick(dc);
    }
    if (servers > this.obs.maxServers) this.obs.maxServers = servers;
    if (servers > this.serversSeries[bucket]!) this.serversSeries[bucket] = servers;
    if (workers > this.workersSeries[bucket]!) this.workersSeries[bucket] = workers;
    if (this.maxWorkers < workers) this.maxWorkers = workers;
    this.alertTick(second);
  }

  maxWorkers = 0;

  /** Little's law on each server's last second of queries: that many connections asked of its pool. */
  poolTick(dc: DataCenter): void {
    for (const server of dc.ready) {
      const pool = server.pool;
      if (!pool || !server.alive) continue;
      const meanMs = server.dbQueries > 0 ? server.dbLatencyMs / server.dbQueries : 0;
      const need = Math.ceil((server.dbQueries * this.k * meanMs) / 1000);
      server.poolWaitMs = need > P.poolMax ? meanMs * (need / P.poolMax - 1) : 0;
      server.dbQueries = 0;
      server.dbLatencyMs = 0;
      const ask = Math.min(need, P.poolMax + 2);
      const held: unknown[] = [];
      for (let i = 0; i < ask; i++) {
        this.obs.poolAcquires++;
        const p = this.guard("02-database-tier", "connection-pool", () => pool.acquire(), undefined);
        p?.then((conn: unknown) => held.push(conn), () => {});
      }
      if (ask === 0) continue;
      const releaseAll = () => {
        for (const conn of held.splice(0)) this.guard("02-database-tier", "connection-pool", () => pool.release(conn), undefined);
      };
      // Each release hands connections to the acquires still waiting; they are released a
      // millisecond later in turn (a flush of promises lies between two events).
      for (let ms = 1; ms <= 3; ms++) this.world.at(this.world.now + ms, releaseAll, true);
      this.world.at(this.world.now + P.acquireTimeoutMs + 1, releaseAll, true);
    }
  }

  alertTick(second: number): void {
    const slot = (second + 1) % 60; // the oldest second of the window: forget it
    let req = 0;
    let err = 0;
    for (let i = 0; i < 60; i++) {
      if (i === slot) continue;
      req += this.alertWindow.req[i]!;
      err += this.alertWindow.err[i]!;
    }
    this.alertWindow.req[slot] = 0;
    this.alertWindow.err[slot] = 0;
    if (!this.alert) return;
    const now = this.world.now;
    const strong = req >= P.alertMinRequests * 1.5 && err / req > P.alertThreshold * 1.5;
    if (strong && this.strongSince < 0) this.strongSince = now;
    if (!strong) this.strongSince = -1;
    const state = this.guard("11-observability", "alert-rule", () => String(this.alert.state()), "ok");
    this.obs.alertEvaluations++;
    if (this.strongSince >= 0 && now - this.strongSince >= P.alertForMs + 5000 && state !== "firing" && !this.obs.alertMissed) {
      this.obs.alertMissed = { atS: now / 1000, detail: `${err} of ${req} requests in the last minute failed (over ${P.alertThreshold * 100}%) for ${((now - this.strongSince) / 1000).toFixed(0)} s, but the rule was "${state}"` };
    }
    if (err === 0 && req >= P.alertMinRequests && state === "firing" && !this.obs.alertFalse) {
      this.obs.alertFalse = { atS: now / 1000, detail: `no request failed in the last minute, but the rule was firing` };
    }
  }

  autoscale(): void {
    const periodS = P.autoscaleEveryS;
    for (const dc of this.dcs) {
      if (!dc.autoscaler || dc.dark) continue;
      // Servers the health checker found dead are replaced (terminated) first.
      const dead = dc.servers.filter((s) => !s.alive && s.markedDown);
      if (dead.length > 0) {
        dc.servers = dc.servers.filter((s) => !dead.includes(s));
        dc.ready = dc.ready.filter((s) => !dead.includes(s));
        this.rebuildBalancer(dc);
      }
      let work = 0;
      for (const s of dc.ready) work += s.queue.takeWork();
      const utilization = dc.ready.length > 0 ? work / (dc.ready.length * P.webServerRps * periodS) : 1;
      const current = dc.servers.length;
      const wanted = this.guard("03-scaling", "autoscaler", () => Number(dc.autoscaler.recommend({ currentReplicas: current, utilization })), current);
      dc.lastUtilization = utilization;
      const desired = Number.isFinite(wanted) ? Math.max(0, Math.min(wanted, 1000)) : current;
      if (desired > P.maxServers && !this.obs.serversAboveMax) {
        this.obs.serversAboveMax = { atS: this.world.now / 1000, detail: `the autoscaler asked for ${desired} servers in ${dc.id}, above maxReplicas ${P.maxServers}` };
      }
      if (desired > current) {
        for (let i = current; i < desired; i++) this.launch(dc, false);
        dc.log.push({ timestamp: this.world.now, text: `autoscaler: ${current} -> ${desired}` });
      } else if (desired < current && desired >= 1) {
        const gone = dc.servers.slice(desired);
        dc.servers = dc.servers.slice(0, desired);
        dc.ready = dc.ready.filter((s) => !gone.includes(s));
        for (const s of gone) s.pool && this.guard("02-database-tier", "connection-pool", () => s.pool.close(), undefined);
        dc.log.push({ timestamp: this.world.now, text: `autoscaler: ${current} -> ${desired}` });
        this.rebuildBalancer(dc);
      }
    }
  }

  scaleWorkers(): void {
    for (const dc of this.dcs) {
      if (!dc.queue) continue;
      const depth = this.guard("10-message-queue", "message-queue", () => Number(dc.queue.depth), 0);
      const arrivalPerSec = (dc.jobsArrived * this.k) / P.scaleWorkersEveryS;
      dc.jobsArrived = 0;
      const n = this.guard("10-message-queue", "worker-scaler", () => Number(this.c.workersNeeded({ depth: depth * this.k, arrivalPerSec, perWorkerPerSec: P.workerJobsPerS, drainWithinSec: P.drainWithinS, min: 1, max: P.maxWorkers })), dc.workers);
      dc.workers = Number.isFinite(n) ? Math.max(0, Math.min(n, 1000)) : dc.workers;
    }
  }

  /** Workers take what they can do this second, then ack what they finished from last second's
   *  batch (a job takes up to a second: its ack arrives after the next pull). */
  workTick(dc: DataCenter): void {
    const finished = dc.toAck.splice(0);
    dc.workCredit += (dc.workers * P.workerJobsPerS) / this.k;
    const take = Math.floor(dc.workCredit);
    try {
      if (take >= 1) this.take(dc, take);
    } finally {
      for (const handle of finished) if (dc.queue) this.guard("10-message-queue", "message-queue", () => dc.queue.ack(handle), undefined);
    }
  }

  take(dc: DataCenter, take: number): void {
    const got = this.guard("10-message-queue", "message-queue", () => dc.queue.receive(take), []) as any[];
    dc.workCredit -= take;
    for (const message of got ?? []) {
      const id = Number(message?.body?.job);
      if (this.jobsDone.has(id)) {
        // Recorded once; then the lab stops using this queue (jobs run inline), since a queue that
        // redelivers everything would make the rest of the run grow without bound.
        dc.queue = undefined;
        for (const [job] of this.jobSentAt) this.jobsDone.add(job);
        this.obs.jobsDuplicated++;
        this.obs.duplicateFirst = first(this.obs.duplicateFirst, this.world.now / 1000, `job ${id} was handed to a worker again while the first worker was still on it (receive count ${message?.receiveCount})`);
      } else {
        this.jobsDone.add(id);
        this.obs.jobsProcessed++;
      }
      dc.toAck.push(message?.receiptHandle);
      if (!dc.queue) return;
    }
  }

  // ---------------------------------------------------------------- the end

  async finish(): Promise<void> {
    await flushMicrotasks();
    for (const dc of this.dcs) {
      dc.hc && this.guard("04-load-balancer", "health-checker", () => dc.hc.stop(), undefined);
      dc.db.finish();
      this.obs.endOfRun.push({ dc: dc.id, servers: dc.servers.length, min: P.minServers, utilization: dc.lastUtilization ?? 1 });
    }
    // Jobs sent more than the drain window before the end must have been processed.
    for (const [id, at] of this.jobSentAt) if (!this.jobsDone.has(id) && at < this.durationMs - (P.drainWithinS + P.scaleWorkersEveryS) * 1000) this.obs.jobsUnprocessed++;
    this.obs.dnsLookups = this.regions.map((r) => r.lookups);
    if (this.on[11]) this.checkLogs();
  }

  checkLogs(): void {
    const streams = this.dcs.map((dc) => dc.log.map((l) => ({ timestamp: l.timestamp, text: `${dc.id}: ${l.text}` })));
    this.obs.logLines = streams.reduce((n, s) => n + s.length, 0);
    const merged = this.guard("11-observability", "log-merge", () => [...this.c.mergeLogs(streams)], []) as { timestamp: number; text: string }[];
    this.obs.logMerged = merged.length;
    for (let i = 1; i < merged.length; i++) {
      if (merged[i]!.timestamp < merged[i - 1]!.timestamp) {
        this.obs.logOutOfOrder = { atS: merged[i]!.timestamp / 1000, detail: `"${merged[i]!.text}" came after "${merged[i - 1]!.text}", which is later` };
        break;
      }
    }
    this.mergedLog = merged;
  }

  mergedLog: { timestamp: number; text: string }[] = [];

  result(): RunResult {
    const { k } = this;
    const durS = this.s.durationS;
    const p99Series: number[] = [];
    const all: number[] = [];
    let sketchTotal: any;
    const useSketch = this.on[11];
    if (useSketch) sketchTotal = this.guard("11-observability", "latency-sketch", () => new this.c.LatencySketch(P.sketchAccuracy), undefined);
    for (let b = 0; b < this.buckets; b++) {
      const values = this.latencies[b]!.subarray(0, this.latencyCounts[b]!).slice().sort();
      const exact = (q: number) => values[Math.floor(q * (values.length - 1))]!;
      if (values.length === 0) {
        p99Series.push(0);
        continue;
      }
      if (useSketch && sketchTotal) {
        const sketch = this.guard("11-observability", "latency-sketch", () => {
          const sk = new this.c.LatencySketch(P.sketchAccuracy);
          for (let i = 0; i < values.length; i++) sk.record(values[i]!);
          return sk;
        }, undefined);
        if (sketch) {
          for (const q of [0.5, 0.9, 0.99]) {
            const answer = this.guard("11-observability", "latency-sketch", () => Number(sketch.quantile(q)), NaN);
            const truth = exact(q);
            const relError = Math.abs(answer - truth) / truth;
            this.obs.sketchCompared++;
            if (!(relError <= (this.obs.sketchWorst?.relError ?? -1))) this.obs.sketchWorst = { atS: (b * this.bucketMs) / 1000, q, sketch: answer, exact: truth, relError: Number.isNaN(relError) ? Infinity : relError };
          }
          p99Series.push(this.guard("11-observability", "latency-sketch", () => Number(sketch.quantile(0.99)), exact(0.99)));
          this.guard("11-observability", "latency-sketch", () => sketchTotal.merge(sketch), undefined);
        } else p99Series.push(exact(0.99));
      } else p99Series.push(exact(0.99));
      for (let i = 0; i < values.length; i++) all.push(values[i]!);
    }
    let p50: number | undefined;
    let p99: number | undefined;
    if (useSketch && sketchTotal && all.length > 0) {
      p50 = this.guard("11-observability", "latency-sketch", () => Number(sketchTotal.quantile(0.5)), undefined);
      p99 = this.guard("11-observability", "latency-sketch", () => Number(sketchTotal.quantile(0.99)), undefined);
    } else if (all.length > 0) {
      const sorted = Float64Array.from(all).sort();
      p50 = sorted[Math.floor(0.5 * (sorted.length - 1))];
      p99 = sorted[Math.floor(0.99 * (sorted.length - 1))];
    }
    const round = (x: number | undefined, d = 1) => (x === undefined || !Number.isFinite(x) ? undefined : Math.round(x * 10 ** d) / 10 ** d);
    const cdnGbPerHour = ((this.cdnBytes / 1e6) * 3600) / durS;
    const metrics: Metrics = {
      requests: this.requests * k,
      errors: this.errors * k,
      availability: round(1 - this.errors / Math.max(1, this.requests), 5),
      p50Ms: round(p50),
      p99Ms: round(p99),
      dbQueriesPerSecond: round(((this.dbReads + this.dbWrites) * k) / durS),
      cacheHitRatio: this.on[6] ? round(1 - this.obs.cacheMisses / Math.max(1, this.obs.cacheReads), 4) : undefined,
      cdnHitRatio: this.on[7] ? round(this.obs.cdnHits / Math.max(1, this.obs.cdnAnswers), 4) : undefined,
      maxServers: this.obs.maxServers,
      maxWorkers: this.on[10] ? this.maxWorkers : undefined,
      acknowledgedWritesLost: this.obs.acknowledgedWritesLost * k,
      sessionsLost: this.obs.sessionsLost,
      costPerHourUsd: round((this.resourceSeconds / durS) * P.serverHourUsd + cdnGbPerHour * P.cdnGbUsd, 2),
    };
    for (const key of Object.keys(metrics) as (keyof Metrics)[]) if (metrics[key] === undefined) delete metrics[key];
    const perS = (a: Float64Array) => Array.from(a, (x) => round((x * k) / P.seriesBucketS, 2)!);
    const series: Series = {
      bucketS: P.seriesBucketS,
      load: perS(this.load),
      errors: perS(this.errs),
      p99Ms: p99Series.map((x) => round(x)!),
      dbQps: perS(this.dbq),
      servers: Array.from(this.serversSeries),
      workers: Array.from(this.workersSeries),
    };
    return { metrics, series, obs: this.obs, requests: this.requests * k };
  }
}

export type { Simulation };
export type { Server, DataCenter, Shard };
