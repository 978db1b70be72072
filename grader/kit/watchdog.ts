/**
 * A watchdog thread for synchronous endless loops.
 *
 * A `while (true) {}` in learner code blocks the worker's event loop, so no timer on that thread
 * can fire and vitest's own timeouts never trigger (see shared/TOOLCHAIN.md). This thread shares
 * a small buffer with the worker: the worker arms it with a deadline before each property and
 * disarms it after. If the deadline passes while armed, the thread journals which property hung
 * (through the journal's open descriptor, signed like every line) and kills the worker process;
 * the engine then reports that property as timed out.
 */
import { Worker } from "node:worker_threads";
import type { JournalWriter } from "./journal.ts";

const threadSource = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const { createHmac } = require("node:crypto");
const state = new Int32Array(workerData.buffer, 0, 2);      // [armed, property index]
const deadline = new Float64Array(workerData.buffer, 8, 2); // [deadline, armedAt]
const nap = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  Atomics.wait(nap, 0, 0, 50); // a 50 ms sleep that no busy main thread can delay
  if (Atomics.load(state, 0) === 1 && Date.now() > deadline[0]) {
    const line = { event: "killed", index: state[1], afterMs: Date.now() - deadline[1] };
    const json = JSON.stringify(line);
    const mac = workerData.key ? createHmac("sha256", workerData.key).update(json).digest("hex") + "\\t" : "";
    if (workerData.fd !== undefined) writeSync(workerData.fd, mac + json + "\\n");
    process.kill(process.pid, "SIGKILL");
  }
}`;

/** The real clock, captured before any grader installs fake timers. */
const realNow = Date.now;

export interface Watchdog {
  arm(propertyIndex: number, limitMs: number): void;
  disarm(): void;
}

export function startWatchdog(journal: JournalWriter): Watchdog {
  const buffer = new SharedArrayBuffer(24);
  const state = new Int32Array(buffer, 0, 2);
  const deadline = new Float64Array(buffer, 8, 2);
  const thread = new Worker(threadSource, { eval: true, workerData: { buffer, fd: journal.fd, key: journal.key } });
  thread.unref(); // never keeps the test process alive
  return {
    arm(propertyIndex, limitMs) {
      deadline[1] = realNow();
      deadline[0] = realNow() + limitMs;
      state[1] = propertyIndex;
      Atomics.store(state, 0, 1);
    },
    disarm() {
      Atomics.store(state, 0, 0);
    },
  };
}
