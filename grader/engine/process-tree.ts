/**
 * Kills every process below this one. Used only when a grading run overruns its whole deadline:
 * vitest's workers are our children, and a worker stuck in an endless loop would otherwise
 * outlive us at 100% CPU (see shared/TOOLCHAIN.md). Linux reads the tree from /proc; elsewhere
 * there is no portable way, and the watchdog inside each worker is the protection.
 */
import { readdirSync, readFileSync } from "node:fs";

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

export function killDescendants(pid = process.pid): void {
  if (process.platform !== "linux") return;
  for (const child of childrenOf(pid)) {
    killDescendants(child);
    try {
      process.kill(child, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
