/**
 * The simulated system: clients in two regions → DNS → (GeoRouter) → load balancer over an
 * autoscaled web tier → sessions → cache → database (replicated, sharded), static files through
 * CDN edges, slow jobs through a queue and workers, latency and alerts through the learner's
 * sketch and rule. The learner's components decide; this file supplies time, load and capacity
 * (parameters.ts). A stage that is not in is replaced by what a system without it does
 * (one server, no cache, …); see docs/lab.md.
 *
 * This file holds the run's state (Simulation) and its set-up and end; the rest lives with what
 * it simulates: topology.ts (data centers, servers, regions), traffic.ts (the main loop, one
 * request), web-tier.ts, sessions.ts, reads.ts and database.ts, regions.ts (DNS, CDN, faults),
 * jobs.ts, telemetry.ts and results.ts.
 */
import type { Components } from "./components.ts";
import type { Shard } from "./database.ts";
import { scaleWorkers } from "./jobs.ts";
import { Observations } from "./observations.ts";
import { P } from "./parameters.ts";
import { applyFault, lookup, makeStaticUrls, resolveAll } from "./regions.ts";
import type { Metrics, Series } from "./report.ts";
import { result } from "./results.ts";
import type { Scenario } from "./scenarios/index.ts";
import { sessionsOf } from "./sessions.ts";
import { checkLogs, secondTick } from "./telemetry.ts";
import { DC_SPECS, ORIGIN, makeDc, type DataCenter, type Region, type Server } from "./topology.ts";
import { loop } from "./traffic.ts";
import { autoscale, networkFetch, rebuildBalancer } from "./web-tier.ts";
import { World, flushMicrotasks } from "./world.ts";

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

export async function runSystem(options: RunOptions): Promise<RunResult> {
  const sim = new Simulation(options);
  return sim.run();
}

export class Simulation {
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
  readonly serversById = new Map<string, Server>();
  /** What a live web server answers a health probe (web-tier.ts networkFetch). */
  readonly healthyResponse = new Response(null, { status: 200 });
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
  maxWorkers = 0;
  alertSeen = 0;
  mergedLog: { timestamp: number; text: string }[] = [];
  // chapter 06: what the cache's load callback saw during the current get (reads.ts)
  missMs = -2;
  missServer?: Server;
  // chapter 09
  geo?: any;
  darkUntil = -1;
  darkDc = -1;
  darkDeadline = Infinity;
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
    this.obs.webQueued = new Array(this.buckets).fill(0);
    this.obs.webWaitOver = new Array(this.buckets).fill(0);
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
      await loop(this);
      await this.finish();
    } finally {
      this.world.uninstall();
    }
    return result(this);
  }

  async setUp(): Promise<void> {
    const { on, c, world } = this;
    const dcCount = on[9] ? 2 : 1;
    for (let i = 0; i < dcCount; i++) this.dcs.push(makeDc(this, i));
    world.fetchHandler = (url, init) => networkFetch(this, url, init);
    if (on[9]) this.geo = this.guard("09-data-centers", "geo-router", () => new c.GeoRouter(DC_SPECS.map(({ id, lat, lon }) => ({ id, lat, lon }))), undefined);
    if (on[11]) this.alert = this.guard("11-observability", "alert-rule", () => new c.AlertRule({ windowMs: P.alertWindowMs, threshold: P.alertThreshold, minRequests: Math.ceil(P.alertMinRequests / P.alertSample), forMs: P.alertForMs }), undefined);
    for (const region of this.regions) {
      if (on[1] && !this.o.builtInDns) {
        region.dns = this.guard("01-single-server", "dns-cache", () => new c.DnsCache({ lookup: (name: string) => lookup(this, region, name) }), undefined);
      }
      if (on[7]) region.edge = this.guard("07-cdn", "edge-cache", () => new c.EdgeCache({ origin: ORIGIN }), undefined);
    }
    if (on[7]) makeStaticUrls(this);
    // Sessions: every user logs in once at the start.
    this.sticky = new Array(P.sessionUsers).fill(undefined);
    if (on[8]) {
      const server = this.dcs[0]!.ready[0]!;
      const manager = sessionsOf(this, server);
      for (let u = 0; u < P.sessionUsers; u++) {
        const i = u;
        manager?.create({ user: u }).then((cookie: string) => (this.cookies[i] = cookie), (e: unknown) => this.obs.componentError("08-stateless-web", "session-manager", e, 0));
      }
      await flushMicrotasks();
    }
    for (const dc of this.dcs) rebuildBalancer(this, dc);
    // Recurring events.
    const every = (periodMs: number, offsetMs: number, fn: () => void, async = true) => {
      const tick = (t: number) => world.at(t, () => {
        fn();
        if (t + periodMs < this.durationMs) tick(t + periodMs);
      }, async);
      tick(offsetMs);
    };
    every(1000, 0, () => secondTick(this));
    every(P.dnsResolveEveryS * 1000, 0, () => resolveAll(this));
    if (on[3]) every(P.autoscaleEveryS * 1000, P.autoscaleEveryS * 1000, () => autoscale(this));
    if (on[10]) every(P.scaleWorkersEveryS * 1000, 0, () => scaleWorkers(this));
    for (const dc of this.dcs) dc.db.schedule(every);
    for (const fault of this.s.faults) world.at(fault.atS * 1000, () => applyFault(this, fault), true);
  }

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
    if (this.on[11]) checkLogs(this);
  }
}

export type { Server, DataCenter, Shard };
