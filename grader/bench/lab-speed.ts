/**
 * Bench stage "lab": the scale lab's default scenario with the reference components and every
 * stage in (`npm run course -- lab diurnal-day --solutions`), the run issue 16 asks to finish in
 * under 10 s with at least 1,000,000 simulated requests. The real CLI in a child process, timed
 * from start to exit (start-up and the JSON written included); median of `runs`.
 *
 * Two request counts: the checked run's (every stage in, full scale: the ≥ 1 M target), and all
 * the runs', counting each per-stage row at what it simulated (its requests divided by its scale),
 * the same count the CLI prints. Simulated requests per second = all runs' count / wall time.
 * The machine is shared, so the child's CPU time (Linux: /proc) and the load average are kept
 * beside the wall time: CPU time is what the lab costs when it has a core to itself.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { simulatedRequests, type LabReport } from "../lab/report.ts";
import { median, timeNode } from "./measure.ts";

export interface LabSpeed {
  scenario: string;
  medianMs: number;
  samplesMs: number[];
  /** CPU time (user + system) of each run's child processes; absent off Linux. */
  cpuMs?: number[];
  /** 1-minute load average before each run. */
  load: number[];
  /** Requests of the checked run (every stage in, full scale). */
  checkedRequests: number;
  /** Requests every run of the lab simulated, per-stage rows counted at their own scale. */
  simulatedRequests: number;
  /** simulatedRequests / median wall time. */
  perSecond: number;
  checksPassed: number;
  checks: number;
}

/** CPU time of this process's waited-for children so far (Linux: /proc/self/stat cutime + cstime). */
function childrenCpuMs(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  // Fields after the command name "(…)": state is field 3, cutime 16, cstime 17 (proc(5)).
  const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /s, "").split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]);
  const hz = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;
  return (ticks * 1000) / hz;
}

export function labSpeed(runs = 3, scenario = "diurnal-day"): LabSpeed {
  const dir = mkdtempSync(join(tmpdir(), "ztm-bench-lab-"));
  try {
    const json = join(dir, "lab.json");
    const samplesMs: number[] = [];
    const cpuMs: number[] = [];
    const load: number[] = [];
    let report: LabReport | undefined;
    for (let i = 0; i < runs; i++) {
      load.push(Math.round(loadavg()[0]! * 100) / 100);
      const cpuBefore = childrenCpuMs();
      const { ms, status } = timeNode(["grader/bin/course.mjs", "lab", scenario, "--solutions", "--json", json]);
      const cpuAfter = childrenCpuMs();
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpuMs.push(cpuAfter - cpuBefore);
      if (status !== 0) throw new Error(`lab ${scenario} --solutions exited ${status}: a check failed or the run broke`);
      samplesMs.push(ms);
      report = JSON.parse(readFileSync(json, "utf8")) as LabReport;
    }
    const medianMs = median(samplesMs);
    const simulated = simulatedRequests(report!);
    return {
      scenario, medianMs, samplesMs, load,
      ...(cpuMs.length === runs ? { cpuMs } : {}),
      checkedRequests: report!.requests,
      simulatedRequests: simulated,
      perSecond: simulated / (medianMs / 1000),
      checksPassed: report!.checks.filter((c) => c.status === "pass").length,
      checks: report!.checks.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
