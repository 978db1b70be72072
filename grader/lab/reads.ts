/**
 * A read on its way to the data (chapters 06, 12): the cache node the HashRing names, the
 * learner's ReadThroughCache, and on a miss the database tier (database.ts).
 */
import { P } from "./parameters.ts";
import type { Simulation } from "./system.ts";
import type { DataCenter, Server } from "./topology.ts";

export function read(sim: Simulation, dc: DataCenter, server: Server, user: number, now: number): number {
  sim.obs.cacheReads++;
  if (dc.caches.length === 0) return dbRead(sim, dc, server, user, now);
  let node = 0;
  if (dc.ring) {
    let memo = dc.ringMemo.get(user);
    if (memo === undefined || (++sim.obs.ringChecks & 1023) === 0) {
      const name = sim.guard("12-sharding", "hash-ring", () => String(dc.ring.nodeFor(String(user))), "cache-1");
      const index = Math.max(0, Number(name.slice(6)) - 1) % dc.caches.length;
      if (memo !== undefined && memo !== index && !sim.obs.shardDisagreement) {
        sim.obs.shardDisagreement = { atS: now / 1000, detail: `hash ring put key ${user} on cache-${memo + 1}, then on ${name}, with no node added or removed` };
      }
      memo = index;
      dc.ringMemo.set(user, index);
    }
    node = memo;
  }
  sim.missMs = -2;
  sim.missServer = server;
  try {
    dc.caches[node].get(user);
  } catch (error) {
    sim.obs.componentError("06-cache", "read-through", error, now / 1000);
    return -1;
  }
  const missMs = sim.missMs;
  if (missMs === -2) return P.rttInsideDcMs + P.cacheMs; // a hit, or joined a load in flight
  sim.obs.cacheMisses++;
  if (missMs < 0) {
    sim.guard("06-cache", "read-through", () => dc.caches[node].invalidate(user), undefined);
    return -1;
  }
  return P.rttInsideDcMs + P.cacheMs + missMs;
}

/** The cache's `load`: one database read. */
export function loadFromDatabase(sim: Simulation, dc: DataCenter, key: number): Promise<number> {
  const server = sim.missServer ?? dc.ready[0]!;
  sim.missMs = dbRead(sim, dc, server, key, sim.world.now);
  return Promise.resolve(sim.missMs < 0 ? -1 : key);
}

export function dbRead(sim: Simulation, dc: DataCenter, server: Server, user: number, now: number): number {
  const ms = dc.db.read(user, server, now);
  return ms;
}

/** Counts one query; `latencyMs` is its time on the database (what holds a connection). */
export function countDb(sim: Simulation, server: Server, latencyMs: number, write: boolean): void {
  const bucket = Math.min(sim.buckets - 1, Math.floor(sim.world.now / sim.bucketMs));
  sim.dbq[bucket]! += 1;
  if (write) sim.dbWrites++;
  else sim.dbReads++;
  server.dbQueries++;
  server.dbLatencyMs += latencyMs;
}
