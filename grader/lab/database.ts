/**
 * One data center's database tier: shards (ShardRouter, chapter 12), each a primary and replicas
 * (ReplicationCluster and ReplicaRouter, chapter 05), each node a queue with the capacity of one
 * database node. Writes of `groupCommitS` are committed to the cluster as one log entry (group
 * commit), so an entry stands for every write acknowledged in it.
 */
import { FluidQueue } from "./fluid.ts";
import { first } from "./observations.ts";
import { P } from "./parameters.ts";
import { countDb } from "./reads.ts";
import type { Simulation } from "./system.ts";
import type { Server } from "./topology.ts";
import { connectionMs } from "./web-tier.ts";

interface DbNode {
  id: string;
  queue: FluidQueue;
  up: boolean;
}

export interface Shard {
  name: string;
  nodes: DbNode[];
  primaryId: string;
  cluster?: any;
  router?: any;
  pending: number;
  seq: number;
  acked: Map<string, number>;
}

export class DbTier {
  readonly shards: Shard[] = [];
  private shardRouter?: any;
  private readonly memo = new Map<number, number>();
  private asks = 0;

  constructor(private readonly sim: Simulation, private readonly dc: string) {
    const { on, c } = sim;
    const names = on[12] ? ["shard-1", "shard-2", "shard-3", "shard-4"] : ["shard-1"];
    const celebrity = sim.s.celebrity;
    if (on[12] && celebrity) names.push("shard-5");
    for (const name of names) {
      const ids = on[5] ? [`${dc}-${name}-db-1`, ...Array.from({ length: P.replicas }, (_, i) => `${dc}-${name}-db-${i + 2}`)] : [`${dc}-${name}-db-1`];
      const shard: Shard = { name, nodes: ids.map((id) => ({ id, queue: new FluidQueue(P.dbNodeQps), up: true })), primaryId: ids[0]!, pending: 0, seq: 0, acked: new Map() };
      if (on[5]) {
        shard.cluster = sim.guard("05-replication", "replication-cluster", () => new c.ReplicationCluster(ids, { syncReplicas: P.syncReplicas }), undefined);
        shard.router = sim.guard("05-replication", "replica-router", () => new c.ReplicaRouter(ids[0], ids.slice(1)), undefined);
      }
      this.shards.push(shard);
    }
    if (on[12]) {
      this.shardRouter = sim.guard("12-sharding", "shard-router", () => new c.ShardRouter(names, { strategy: "ring" }), undefined);
      if (this.shardRouter && celebrity) this.pinCelebrity(celebrity.userId);
    }
  }

  private pinCelebrity(userId: number): void {
    const { sim } = this;
    sim.guard("12-sharding", "shard-router", () => this.shardRouter.pin(userId, "shard-5"), undefined);
    const got = sim.guard("12-sharding", "shard-router", () => String(this.shardRouter.shardFor(userId)), "?");
    if (got !== "shard-5") sim.obs.celebrityWrong = first(sim.obs.celebrityWrong, 0, `celebrity user ${userId} was pinned to shard-5 but ShardRouter.shardFor(${userId}) answered ${got}`);
    for (let u = 0; u < 2000; u++) {
      if (u === userId) continue;
      const shard = sim.guard("12-sharding", "shard-router", () => String(this.shardRouter.shardFor(u)), "?");
      if (shard === "shard-5") {
        sim.obs.dedicatedShared = first(sim.obs.dedicatedShared, 0, `user ${u} was routed to shard-5, the celebrity's dedicated shard`);
        break;
      }
    }
    sim.obs.celebrityShard = "shard-5";
  }

  nodeCount(): number {
    return this.shards.reduce((n, s) => n + s.nodes.length, 0);
  }

  private shardOf(user: number, now: number): Shard {
    if (!this.shardRouter) return this.shards[0]!;
    let index = this.memo.get(user);
    if (index === undefined || (++this.asks & 1023) === 0) {
      const name = this.sim.guard("12-sharding", "shard-router", () => String(this.shardRouter.shardFor(user)), "shard-1");
      const found = Math.max(0, this.shards.findIndex((s) => s.name === name));
      if (index !== undefined && index !== found) {
        this.sim.obs.shardDisagreement = first(this.sim.obs.shardDisagreement, now / 1000, `user ${user} was routed to ${this.shards[index]!.name}, later to ${name}, with no shard added or pinned`);
      }
      index = found;
      this.memo.set(user, index);
    }
    return this.shards[index]!;
  }

  private node(shard: Shard, id: string): DbNode | undefined {
    return shard.nodes.find((n) => n.id === id);
  }

  /** A database read for `user`: its latency in ms, or -1 when it fails. */
  read(user: number, server: Server, now: number): number {
    const shard = this.shardOf(user, now);
    let node = shard.nodes[0]!;
    if (shard.router) {
      let id = shard.primaryId;
      try {
        id = shard.router.routeRead();
      } catch (error) {
        this.sim.obs.componentError("05-replication", "replica-router", error, now / 1000);
      }
      node = this.node(shard, id) ?? node;
    }
    return this.query(node, server, now, P.dbQueryMs, false);
  }

  /** A write for `user`: acknowledged (latency in ms) or -1. */
  write(user: number, server: Server, now: number): number {
    const shard = this.shardOf(user, now);
    const primary = this.node(shard, shard.primaryId);
    if (!primary) return -1;
    const ms = this.query(primary, server, now, P.dbWriteMs + (shard.cluster ? P.rttInsideDcMs : 0), true);
    if (ms >= 0) shard.pending++;
    return ms;
  }

  private query(node: DbNode, server: Server, now: number, serviceMs: number, write: boolean): number {
    if (!node.up) return -1;
    const wait = node.queue.waitMs(now);
    if (wait > P.requestTimeoutMs) return -1;
    node.queue.add(this.sim.k);
    const onDatabase = P.rttInsideDcMs + wait + serviceMs;
    countDb(this.sim, server, onDatabase, write);
    return onDatabase + connectionMs(this.sim, server);
  }

  schedule(every: (periodMs: number, offsetMs: number, fn: () => void, async?: boolean) => void): void {
    if (!this.sim.on[5]) return;
    every(P.groupCommitS * 1000, P.groupCommitS * 1000, () => this.shards.forEach((s) => this.commit(s)), false);
    every(P.replicateEveryS * 1000, 5000, () => this.shards.forEach((s) => this.replicate(s)), false);
  }

  private commit(shard: Shard): void {
    if (shard.pending === 0 || !shard.cluster) return;
    const value = `${this.dc}/${shard.name}#${++shard.seq}`;
    const count = shard.pending;
    shard.pending = 0;
    try {
      shard.cluster.write(value);
      shard.acked.set(value, count);
      this.sim.obs.acknowledgedWrites += count;
    } catch {
      // Refused by the cluster (no primary, too few replicas): those writes failed.
      this.sim.errors += count;
    }
  }

  private replicate(shard: Shard): void {
    const { cluster, router } = shard;
    if (!cluster) return;
    for (const node of shard.nodes) {
      if (node.id === shard.primaryId || !node.up) continue;
      this.sim.guard("05-replication", "replication-cluster", () => cluster.replicate(node.id), undefined);
      const lsn = this.sim.guard("05-replication", "replication-cluster", () => cluster.log(node.id).length, 0);
      router && this.sim.guard("05-replication", "replica-router", () => router.setAppliedLsn(node.id, lsn), undefined);
    }
  }

  primaryDies(now: number): void {
    const { sim } = this;
    const shard = this.shards[0]!;
    const primary = this.node(shard, shard.primaryId)!;
    primary.up = false;
    if (!shard.cluster) {
      sim.world.at(now + P.dbRestartS * 1000, () => {
        primary.up = true;
        sim.obs.databaseBackAtS.push(sim.world.now / 1000);
      }, false);
      return;
    }
    sim.guard("05-replication", "replication-cluster", () => shard.cluster.crash(primary.id), undefined);
    // Writes not yet committed were never acknowledged by the cluster: they fail.
    sim.errors += shard.pending;
    shard.pending = 0;
    sim.world.at(now + P.failoverAfterS * 1000, () => {
      const promoted = sim.guard("05-replication", "replication-cluster", () => String(shard.cluster.failover()), primary.id);
      sim.obs.failovers++;
      sim.obs.databaseBackAtS.push(sim.world.now / 1000);
      shard.primaryId = promoted;
      const replicas = shard.nodes.filter((n) => n.up && n.id !== promoted).map((n) => n.id);
      shard.router = sim.guard("05-replication", "replica-router", () => new sim.c.ReplicaRouter(promoted, replicas), undefined);
      this.replicate(shard);
      this.finish(false);
    }, false);
  }

  /** Counts acknowledged writes missing from each shard's current primary. */
  finish(final = true): void {
    const { sim } = this;
    for (const shard of this.shards) {
      if (!shard.cluster) continue;
      const log = sim.guard("05-replication", "replication-cluster", () => shard.cluster.log(shard.cluster.primary()) as string[], []);
      const kept = new Set(log);
      let lost = 0;
      let example = "";
      for (const [value, count] of shard.acked) {
        if (kept.has(value)) continue;
        lost += count;
        example ||= value;
        shard.acked.delete(value); // counted once
      }
      if (lost > 0) {
        sim.obs.acknowledgedWritesLost += lost;
        sim.obs.lostDetail = first(sim.obs.lostDetail, sim.world.now / 1000, `after the failover to ${shard.primaryId}, ${lost} acknowledged writes of ${shard.name} (e.g. log entry ${example}) were missing from the new primary's log`);
      }
    }
    void final;
  }
}
