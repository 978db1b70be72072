/**
 * The simulated system's places: data centers with their web servers, client regions, and
 * how a data center is built from the components of the stages that are in.
 */
import { DbTier } from "./database.ts";
import { FluidQueue } from "./fluid.ts";
import { P } from "./parameters.ts";
import { loadFromDatabase } from "./reads.ts";
import type { Simulation } from "./system.ts";
import { launch } from "./web-tier.ts";

export interface Server {
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

export interface DataCenter {
  id: string;
  lat: number;
  lon: number;
  dark: boolean;
  servers: Server[];
  ready: Server[];
  rr: number;
  lb?: any;
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

export interface Region {
  name: "us" | "eu";
  lat: number;
  lon: number;
  dns?: any;
  dc: number;
  answeredAt: number;
  lookups: number;
  edge?: any;
}

export const HOST = "www.example.com";
export const ORIGIN = "http://origin.example";
export const DC_SPECS = [
  { id: "us-east", lat: 38.9, lon: -77.4 },
  { id: "eu-west", lat: 53.3, lon: -6.3 },
];

export function makeDc(sim: Simulation, index: number): DataCenter {
  const spec = DC_SPECS[index]!;
  const { on, c } = sim;
  const dc: DataCenter = {
    ...spec, dark: false, servers: [], ready: [], rr: 0, caches: [], ringMemo: new Map(),
    db: new DbTier(sim, spec.id), workers: 1, jobsArrived: 0, workCredit: 0, toAck: [], log: [],
  };
  const share = on[9] ? (index === 0 ? sim.s.usShare : 1 - sim.s.usShare) : 1;
  const peak = Math.max(...sim.s.load.map(([, r]) => r)) * share;
  let initial = 1;
  if (on[3]) {
    initial = sim.guard("03-scaling", "capacity-plan", () => Number(c.serversNeeded({ peakRps: sim.s.load[0]![1] * share, perServerRps: P.webServerRps, targetUtilization: P.targetUtilization, failuresTolerated: P.spareServers })), 2);
    if (!Number.isFinite(initial) || initial < 1) initial = 1;
    initial = Math.min(initial, 200);
    dc.autoscaler = sim.guard("03-scaling", "autoscaler", () => new c.Autoscaler({ minReplicas: P.minServers, maxReplicas: P.maxServers, targetUtilization: P.targetUtilization, tolerance: P.autoscaleTolerance, scaleDownStabilizationMs: P.scaleDownWindowS * 1000 }), undefined);
  }
  void peak;
  for (let i = 0; i < initial; i++) launch(sim, dc, true);
  const cacheNodes = on[6] ? (on[12] ? 4 : 1) : 0;
  for (let i = 0; i < cacheNodes; i++) {
    const cache = sim.guard("06-cache", "read-through", () => new c.ReadThroughCache({ load: (key: number) => loadFromDatabase(sim, dc, key), ttlMs: P.cacheTtlMs, capacity: Math.max(10, Math.ceil(P.cacheCapacity / sim.k)) }), undefined);
    if (cache) dc.caches.push(cache);
  }
  if (on[12] && dc.caches.length > 1) {
    dc.ring = sim.guard("12-sharding", "hash-ring", () => {
      const ring = new c.HashRing();
      for (let i = 0; i < dc.caches.length; i++) ring.addNode(`cache-${i + 1}`);
      return ring;
    }, undefined);
  }
  if (on[10]) dc.queue = sim.guard("10-message-queue", "message-queue", () => new c.MessageQueue({ visibilityTimeoutMs: P.visibilityTimeoutMs, maxReceives: 5 }), undefined);
  return dc;
}
