/**
 * The per-stage rows of a lab run (stages 1..k in, at the coarser row scale), run on a second
 * thread while the main one runs the full, checked simulation: the rows are independent runs of
 * the same seed, so the report is the same whichever thread ran them, and with a core idle the
 * whole lab takes about as long as its full run (run.ts decides; on a busy machine the thread
 * only adds the cost of loading the components again). The thread locks its own realm down and loads the
 * components itself, through the same boundary (components.ts); only plain data crosses.
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { repoRoot } from "../kit/settings.ts";
import type { LabSource } from "./components.ts";
import type { Metrics } from "./report.ts";
import type { Scenario } from "./scenarios/index.ts";

export interface RowsRequest {
  scenario: Scenario;
  seed: number;
  source: LabSource;
  /** The stage numbers k whose row to run (stages 1..k in). */
  rows: number[];
  rowScale: number;
}

export type RowsMessage =
  | { kind: "progress"; fraction: number }
  | { kind: "row"; k: number; metrics: Metrics }
  | { kind: "failed"; message: string };

/** Runs the rows in this thread; `post` gets each row's metrics as it is done. The caller must
 *  have locked the realm down (boundary/realm.ts). */
export async function runRows(request: RowsRequest, post: (message: RowsMessage) => void): Promise<void> {
  const { planStages } = await import("./components.ts");
  const { runSystem } = await import("./system.ts");
  const { plan, components } = await planStages(request.source);
  const builtInDns = plan[0]!.builtIn === true;
  const on = (k: number) => [false, ...plan.slice(0, k).map((p) => p.in), ...new Array(12 - k).fill(false)];
  for (const k of request.rows) {
    const row = await runSystem({ scenario: request.scenario, seed: request.seed, on: on(k), builtInDns, components, scale: request.rowScale, onProgress: (fraction) => post({ kind: "progress", fraction }) });
    post({ kind: "row", k, metrics: row.metrics });
  }
}

/** Runs the rows on a worker thread (stage-rows-worker.mjs); `onProgress` gets the rows done so
 *  far (fractional). Resolves with each row's metrics by stage number. */
export function runRowsInWorker(request: RowsRequest, onProgress: (rowsDone: number) => void): { done: Promise<Map<number, Metrics>>; stop: () => void } {
  const worker = new Worker(join(repoRoot, "grader", "lab", "stage-rows-worker.mjs"), { workerData: request });
  const metrics = new Map<number, Metrics>();
  const done = new Promise<Map<number, Metrics>>((resolve, reject) => {
    let failed: string | undefined;
    worker.on("message", (message: RowsMessage) => {
      if (message.kind === "row") metrics.set(message.k, message.metrics);
      else if (message.kind === "failed") failed = message.message;
      else onProgress(metrics.size + message.fraction);
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (failed !== undefined || metrics.size < request.rows.length) reject(new Error(`the lab's stage rows failed on their thread (exit ${code}): ${failed ?? "no result"}`));
      else resolve(metrics);
    });
  });
  done.catch(() => {}); // awaited once the full run is done; a failure before then is not unhandled
  return { done, stop: () => void worker.terminate() };
}
