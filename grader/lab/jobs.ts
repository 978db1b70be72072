/**
 * Slow work (chapter 10): jobs sent to the learner's MessageQueue, workers sized by
 * workersNeeded that receive and acknowledge them.
 */
import { first } from "./observations.ts";
import { P } from "./parameters.ts";
import type { Simulation } from "./system.ts";
import type { DataCenter } from "./topology.ts";

export function enqueue(sim: Simulation, dc: DataCenter, now: number): void {
  const id = ++sim.jobSeq;
  sim.obs.jobsSent++;
  dc.jobsArrived++;
  sim.jobSentAt.set(id, now);
  try {
    // The body is the job's number: a primitive crosses the membrane as it is, where an object
    // would be copied (and remembered as a handle) on each of a run's ~60,000 sends.
    dc.queue.send(id);
  } catch (error) {
    sim.obs.componentError("10-message-queue", "message-queue", error, now / 1000);
  }
}

export function scaleWorkers(sim: Simulation): void {
  for (const dc of sim.dcs) {
    if (!dc.queue) continue;
    const depth = sim.guard("10-message-queue", "message-queue", () => Number(dc.queue.depth), 0);
    const arrivalPerSec = (dc.jobsArrived * sim.k) / P.scaleWorkersEveryS;
    dc.jobsArrived = 0;
    const n = sim.guard("10-message-queue", "worker-scaler", () => Number(sim.c.workersNeeded({ depth: depth * sim.k, arrivalPerSec, perWorkerPerSec: P.workerJobsPerS, drainWithinSec: P.drainWithinS, min: 1, max: P.maxWorkers })), dc.workers);
    dc.workers = Number.isFinite(n) ? Math.max(0, Math.min(n, 1000)) : dc.workers;
  }
}

/** Workers take what they can do sim second, then ack what they finished from last second's
 *  batch (a job takes up to a second: its ack arrives after the next pull). */
export function workTick(sim: Simulation, dc: DataCenter): void {
  const finished = dc.toAck.splice(0);
  dc.workCredit += (dc.workers * P.workerJobsPerS) / sim.k;
  const take = Math.floor(dc.workCredit);
  try {
    if (take >= 1) receiveJobs(sim, dc, take);
  } finally {
    for (const handle of finished) if (dc.queue) sim.guard("10-message-queue", "message-queue", () => dc.queue.ack(handle), undefined);
  }
}

export function receiveJobs(sim: Simulation, dc: DataCenter, take: number): void {
  const got = sim.guard("10-message-queue", "message-queue", () => dc.queue.receive(take), []) as any[];
  dc.workCredit -= take;
  for (const message of got ?? []) {
    const id = Number(message?.body);
    if (sim.jobsDone.has(id)) {
      // Recorded once; then the lab stops using sim queue (jobs run inline), since a queue that
      // redelivers everything would make the rest of the run grow without bound.
      dc.queue = undefined;
      for (const [job] of sim.jobSentAt) sim.jobsDone.add(job);
      sim.obs.jobsDuplicated++;
      sim.obs.duplicateFirst = first(sim.obs.duplicateFirst, sim.world.now / 1000, `job ${id} was handed to a worker again while the first worker was still on it (receive count ${message?.receiveCount})`);
    } else {
      sim.jobsDone.add(id);
      sim.obs.jobsProcessed++;
    }
    dc.toAck.push(message?.receiptHandle);
    if (!dc.queue) return;
  }
}
