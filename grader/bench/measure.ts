/** Timing helpers for `npm run bench`: wall time of whole commands, medians, ratios. */
import { spawnSync } from "node:child_process";
import { environmentWithoutRunSettings, repoRoot } from "../kit/settings.ts";

export interface Sample {
  ms: number;
  status: number | null;
}

/** The environment of a clean child: no grading or vitest variables inherited from us. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = environmentWithoutRunSettings();
  return { ...env, NO_COLOR: "1", ...extra };
}

/** Runs `node args…` in the repository and returns its wall time. */
export function timeNode(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Sample {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, env, stdio: "ignore", timeout: 600_000 });
  return { ms: performance.now() - start, status: run.status };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Alternates A and B `times` times (so that machine noise hits both alike); medians of each. */
export function compare(a: () => Sample, b: () => Sample, times: number): { a: number; b: number } {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < times; i++) {
    as.push(a().ms);
    bs.push(b().ms);
  }
  return { a: median(as), b: median(bs) };
}
