/**
 * Sessions (chapter 08): a SessionManager per web server over one shared store; without the
 * stage, sessions live in a server's memory and die with it.
 */
import { first } from "./observations.ts";
import { P } from "./parameters.ts";
import { read } from "./reads.ts";
import type { Simulation } from "./system.ts";
import type { Server } from "./topology.ts";

export function sessionsOf(sim: Simulation, server: Server): any {
  if (!sim.on[8]) return undefined;
  if (!server.sessions) {
    const store = {
      get: (id: string) => Promise.resolve(sim.store.get(id)),
      set: (id: string, value: unknown) => {
        sim.store.set(id, value);
        return Promise.resolve();
      },
      delete: (id: string) => {
        sim.store.delete(id);
        return Promise.resolve();
      },
    };
    server.sessions = sim.guard("08-stateless-web", "session-manager", () => new sim.c.SessionManager({ store, secret: "lab-secret", ttlMs: P.sessionTtlMs }), undefined);
  }
  return server.sessions;
}

export function session(sim: Simulation, server: Server, now: number): void {
  const user = Math.floor(sim.world.random() * P.sessionUsers);
  sim.obs.sessionReads++;
  if (!sim.on[8]) {
    // Sessions in the web server's memory, users stuck to their server (sticky sessions).
    const home = sim.sticky[user];
    if (home && (!home.alive || !home.dc.servers.includes(home))) {
      sim.obs.failedSessionReads++;
      sim.sticky[user] = server;
    } else if (!home) sim.sticky[user] = server;
    return;
  }
  const manager = sessionsOf(sim, server);
  const cookie = sim.cookies[user];
  if (!manager || cookie === undefined) return;
  let promise: any;
  try {
    promise = manager.read(cookie);
  } catch (error) {
    return sim.obs.componentError("08-stateless-web", "session-manager", error, now / 1000);
  }
  promise?.then((data: unknown) => {
    if (data === null || data === undefined) {
      sim.obs.failedSessionReads++;
      sim.obs.sessionLostFirst = first(sim.obs.sessionLostFirst, now / 1000, `user ${user} was logged out on ${server.id}: SessionManager.read answered null for a live session`);
      manager.create({ user }).then((c: string) => (sim.cookies[user] = c), () => {});
    }
  }, (e: unknown) => sim.obs.componentError("08-stateless-web", "session-manager", e, now / 1000));
}
