/**
 * One data center's web tier (chapters 02-04): servers launched and booted, their connection
 * pools, the load balancer and health checker over them (health probes through the virtual
 * network), and the autoscaler's periodic decision.
 */
import { FluidQueue } from "./fluid.ts";
import { first } from "./observations.ts";
import { P } from "./parameters.ts";
import type { Simulation } from "./system.ts";
import { ORIGIN, type DataCenter, type Region, type Server } from "./topology.ts";

export function launch(sim: Simulation, dc: DataCenter, immediately: boolean): Server {
  const index = sim.allServers.length;
  const server: Server = {
    id: `${dc.id}-web-${++sim.serverSeq}`, index, dc, queue: new FluidQueue(P.webServerRps), alive: true, ready: immediately,
    markedDown: false, failAt: Infinity, failedProbes: 0, dbQueries: 0, dbLatencyMs: 0, poolWaitMs: 0, poolLive: 0,
  };
  sim.allServers.push(server);
  sim.serversById.set(server.id, server);
  dc.servers.push(server);
  if (immediately) dc.ready.push(server);
  else {
    sim.world.at(sim.world.now + P.serverBootS * 1000, () => {
      if (!server.alive || !dc.servers.includes(server)) return;
      server.ready = true;
      dc.ready.push(server);
      dc.log.push({ timestamp: sim.world.now, text: `${server.id} ready` });
      rebuildBalancer(sim, dc);
    }, true);
  }
  if (sim.on[2]) {
    server.pool = sim.guard("02-database-tier", "connection-pool", () => new sim.c.ConnectionPool({
      create: () => {
        server.poolLive++;
        if (server.poolLive > P.poolMax && !sim.obs.poolOverMax) {
          sim.obs.poolOverMax = { atS: sim.world.now / 1000, detail: `${server.id} had ${server.poolLive} connections open with max ${P.poolMax}` };
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

/**
 * A new load balancer and health checker over the ready servers (both take a fixed list). Like a
 * freshly configured balancer, the new checker starts every server healthy and finds the
 * unreachable ones again after `fall` probes. Only servers marked down that are dead (about to be
 * terminated: autoscale) stay out. A server marked down because its data center was dark must
 * come back in: left out, no checker would ever see it recover, and a data center whose servers
 * were all marked down when its balancer was rebuilt stayed without a server for good.
 */
export function rebuildBalancer(sim: Simulation, dc: DataCenter): void {
  if (!sim.on[4]) return;
  dc.hc && sim.guard("04-load-balancer", "health-checker", () => dc.hc.stop(), undefined);
  const targets = dc.ready.filter((s) => !(s.markedDown && !s.alive));
  for (const s of dc.ready) {
    s.failedProbes = 0;
    s.failAt = Infinity;
  }
  for (const s of targets) s.markedDown = false;
  dc.lb = sim.guard("04-load-balancer", "load-balancer", () => new sim.c.LoadBalancer(targets.map((s) => ({ id: s.id })), "round-robin"), undefined);
  if (targets.length === 0) return;
  dc.hc = sim.guard("04-load-balancer", "health-checker", () => new sim.c.HealthChecker({
    targets: targets.map((s) => ({ id: s.id, url: `http://${s.id}.internal/health` })),
    intervalMs: P.healthIntervalMs,
    timeoutMs: P.healthTimeoutMs,
    rise: P.healthRise,
    fall: P.healthFall,
    onChange: (id: string, healthy: boolean) => healthChanged(sim, dc, id, healthy),
  }), undefined);
  dc.hc && sim.guard("04-load-balancer", "health-checker", () => dc.hc.start(), undefined);
}

export function healthChanged(sim: Simulation, dc: DataCenter, id: string, healthy: boolean): void {
  const server = dc.servers.find((s) => s.id === id);
  if (!server) return;
  server.markedDown = !healthy;
  dc.log.push({ timestamp: sim.world.now, text: `health: ${id} ${healthy ? "up" : "down"}` });
  sim.guard("04-load-balancer", "load-balancer", () => (healthy ? dc.lb.markUp(id) : dc.lb.markDown(id)), undefined);
}

/** The network as fetch sees it: health probes of web servers, and the static origin. */
export function networkFetch(sim: Simulation, url: string, init: RequestInit | undefined): Promise<Response> {
  const world = sim.world;
  const signal = init?.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortError());
  if (url.startsWith(ORIGIN)) {
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener("abort", () => reject(abortError()));
      const path = url.slice(ORIGIN.length);
      const file = Number(/\/static\/f(\d+)\.js/.exec(path)?.[1] ?? -1);
      world.at(world.now + P.rttCrossRegionMs / 2, () => {
        resolve(new Response(`f${file}@v${sim.staticVersion}`, { status: 200, headers: { "cache-control": "public, max-age=31536000" } }));
      }, true);
    });
  }
  const host = /^https?:\/\/([^/]+)\.internal\//.exec(url)?.[1];
  const server = host === undefined ? undefined : sim.serversById.get(host);
  if (!server) return Promise.reject(new TypeError("fetch failed"));
  if (!server.alive || server.dc.dark) {
    // A dead server never answers: the probe times out (its abort rejects). Count it toward `fall`.
    server.failedProbes++;
    if (server.failedProbes === P.healthFall) server.failAt = world.now + P.healthTimeoutMs;
    return new Promise<Response>((_, reject) => signal?.addEventListener("abort", () => reject(abortError())));
  }
  server.failedProbes = 0;
  // A live server answers within the round trip, long before any probe timeout (timers fire
  // after 1 ms at the soonest), so an abort can only come from a checker being stopped: it is
  // seen when the answer arrives instead of through a listener on every probe. Every answer is
  // the same empty 200, so one Response serves the whole run (a null body is never used up).
  return new Promise<Response>((resolve, reject) => {
    world.at(world.now + P.rttInsideDcMs, () => (signal?.aborted ? reject(abortError()) : resolve(sim.healthyResponse)), true);
  });
}

const abortError = () => new DOMException("The operation was aborted.", "AbortError");

export function pick(sim: Simulation, dc: DataCenter, _region: Region): Server | undefined {
  if (sim.on[4] && dc.lb) {
    let id: string;
    try {
      id = dc.lb.pick();
    } catch (error) {
      if (!(error instanceof Error && error.name === "NoHealthyBackendError")) sim.obs.componentError("04-load-balancer", "load-balancer", error, sim.world.now / 1000);
      return undefined;
    }
    const ready = dc.ready;
    for (let i = 0; i < ready.length; i++) if (ready[i]!.id === id) return ready[i];
    return lookupServer(sim, id);
  }
  // Without a load balancer: DNS round-robin over the servers, dead ones included.
  if (dc.ready.length === 0) return undefined;
  dc.rr = (dc.rr + 1) % dc.ready.length;
  return dc.ready[dc.rr];
}

export function lookupServer(sim: Simulation, id: string): Server | undefined {
  return sim.serversById.get(id);
}

/** Extra latency of a database query on `server`: a new connection without a pool, or a wait for one. */
export function connectionMs(sim: Simulation, server: Server): number {
  return sim.on[2] && server.pool ? Math.min(server.poolWaitMs, P.acquireTimeoutMs) : P.connectMs;
}

export function autoscale(sim: Simulation): void {
  const periodS = P.autoscaleEveryS;
  for (const dc of sim.dcs) {
    if (!dc.autoscaler || dc.dark) continue;
    // Servers the health checker found dead are replaced (terminated) first.
    const dead = dc.servers.filter((s) => !s.alive && s.markedDown);
    if (dead.length > 0) {
      dc.servers = dc.servers.filter((s) => !dead.includes(s));
      dc.ready = dc.ready.filter((s) => !dead.includes(s));
      rebuildBalancer(sim, dc);
    }
    let work = 0;
    for (const s of dc.ready) work += s.queue.takeWork();
    const utilization = dc.ready.length > 0 ? work / (dc.ready.length * P.webServerRps * periodS) : 1;
    const current = dc.servers.length;
    const wanted = sim.guard("03-scaling", "autoscaler", () => Number(dc.autoscaler.recommend({ currentReplicas: current, utilization })), current);
    dc.lastUtilization = utilization;
    const desired = Number.isFinite(wanted) ? Math.max(0, Math.min(wanted, 1000)) : current;
    if (desired > P.maxServers && !sim.obs.serversAboveMax) {
      sim.obs.serversAboveMax = { atS: sim.world.now / 1000, detail: `the autoscaler asked for ${desired} servers in ${dc.id}, above maxReplicas ${P.maxServers}` };
    }
    if (desired > current) {
      for (let i = current; i < desired; i++) launch(sim, dc, false);
      dc.log.push({ timestamp: sim.world.now, text: `autoscaler: ${current} -> ${desired}` });
    } else if (desired < current && desired >= 1) {
      const gone = dc.servers.slice(desired);
      dc.servers = dc.servers.slice(0, desired);
      dc.ready = dc.ready.filter((s) => !gone.includes(s));
      for (const s of gone) s.pool && sim.guard("02-database-tier", "connection-pool", () => s.pool.close(), undefined);
      dc.log.push({ timestamp: sim.world.now, text: `autoscaler: ${current} -> ${desired}` });
      rebuildBalancer(sim, dc);
    }
  }
}

/** Little's law on each server's last second of queries: that many connections asked of its pool. */
export function poolTick(sim: Simulation, dc: DataCenter): void {
  for (const server of dc.ready) {
    const pool = server.pool;
    if (!pool || !server.alive) continue;
    const meanMs = server.dbQueries > 0 ? server.dbLatencyMs / server.dbQueries : 0;
    const need = Math.ceil((server.dbQueries * sim.k * meanMs) / 1000);
    server.poolWaitMs = need > P.poolMax ? meanMs * (need / P.poolMax - 1) : 0;
    server.dbQueries = 0;
    server.dbLatencyMs = 0;
    const ask = Math.min(need, P.poolMax + 2);
    const held: unknown[] = [];
    for (let i = 0; i < ask; i++) {
      sim.obs.poolAcquires++;
      const p = sim.guard("02-database-tier", "connection-pool", () => pool.acquire(), undefined);
      p?.then((conn: unknown) => held.push(conn), () => {});
    }
    if (ask === 0) continue;
    const releaseAll = () => {
      for (const conn of held.splice(0)) sim.guard("02-database-tier", "connection-pool", () => pool.release(conn), undefined);
    };
    // Each release hands connections to the acquires still waiting; they are released a
    // millisecond later in turn (a flush of promises lies between two events).
    for (let ms = 1; ms <= 3; ms++) sim.world.at(sim.world.now + ms, releaseAll, true);
    sim.world.at(sim.world.now + P.acquireTimeoutMs + 1, releaseAll, true);
  }
}
