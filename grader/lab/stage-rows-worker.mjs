// The thread that runs a lab's per-stage rows (stage-rows.ts). Plain JavaScript: Node 20 runs no
// TypeScript, so the rows' module is bundled and loaded the way the CLI is (bin/launch.mjs).
import { parentPort, workerData } from "node:worker_threads";
import { load } from "../bin/launch.mjs";

const { runRowsThread } = await load("grader/lab/stage-rows-thread.ts", "lab-stage-rows");
await runRowsThread(workerData, (message) => parentPort.postMessage(message));
