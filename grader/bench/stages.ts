/**
 * Benchmark stages that depend on commands other parts of the course provide. Each runs only
 * when its command exists, so the bench works at every stage of the project; a stage that fails
 * is reported on standard error and left out of the table, and the others still run.
 *
 * - watch: save → result latency of `npm run course -- watch` (watch-latency.ts), ≤ 0.5 s;
 * - cohort: submissions per minute of `npm run cohort -- grade` on 20 students (cohort-rate.ts),
 *   ≥ 20;
 * - docs build: `npm run docs` into a scratch folder, median of 3, ≤ 5 s;
 * - lab: `npm run course -- lab diurnal-day --solutions` (lab-speed.ts), median of 3, ≤ 10 s with
 *   ≥ 1 M simulated requests; reports simulated requests per second.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchRow } from "./cli.ts";
import { cohortRate } from "./cohort-rate.ts";
import { labSpeed } from "./lab-speed.ts";
import { median, timeNode } from "./measure.ts";
import { watchLatency } from "./watch-latency.ts";
import { repoRoot } from "../kit/settings.ts";

/** A row with the stage's raw numbers too (kept in the JSON). */
type StageRow = BenchRow & { samplesMs?: number[]; perMinute?: number; statuses?: Record<string, number>; lab?: object };

/** The optional stages, by the name `--stages` takes. */
export const STAGE_NAMES = ["watch", "cohort", "docs", "lab"] as const;

async function guarded(name: string, rows: BenchRow[], stage: () => Promise<StageRow> | StageRow): Promise<void> {
  try {
    rows.push(await stage());
  } catch (error) {
    process.stderr.write(`bench: the ${name} stage failed, left out: ${(error as Error).stack ?? error}\n`);
  }
}

/** Runs the optional stages whose command exists; `only` (names of STAGE_NAMES) picks some. */
export async function optionalStages(scripts: Record<string, string>, only?: Set<string>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const wanted = (name: string) => !only || only.has(name);
  if (scripts.course && wanted("watch")) {
    await guarded("watch", rows, async () => {
      const { medianMs, samplesMs } = await watchLatency();
      console.error(`watch: save → result latency, ms: ${samplesMs.map(Math.round).join(", ")} · median ${Math.round(medianMs)}`);
      return { what: `watch: save → result (median of ${samplesMs.length})`, ms: medianMs, target: "≤ 0.5 s", ok: medianMs <= 500, samplesMs };
    });
  }
  if (scripts.cohort && wanted("cohort")) {
    await guarded("cohort", rows, () => {
      const r = cohortRate();
      const perMinute = Math.round(r.perMinute * 10) / 10;
      console.error(`cohort: ${r.students} submissions in ${(r.ms / 1000).toFixed(1)} s = ${perMinute} / min (sandbox: ${r.isolation}; ${JSON.stringify(r.statuses)}; exit ${r.exitCode})`);
      return {
        what: `cohort of ${r.students}, sandbox ${r.isolation}: ${perMinute} / min`,
        ms: r.ms, target: "≥ 20 / min", ok: r.perMinute >= 20, perMinute, statuses: r.statuses,
      };
    });
  }
  if (scripts.docs && wanted("docs")) {
    await guarded("docs", rows, () => {
      const out = mkdtempSync(join(tmpdir(), "ztm-bench-docs-"));
      const bin = scripts.docs!.replace(/^node /, "").split(" ")[0]!;
      const ms = median(Array.from({ length: 3 }, () => timeNode([join(repoRoot, bin), "--out", out]).ms));
      rmSync(out, { recursive: true, force: true });
      return { what: "docs build", ms, target: "≤ 5 s", ok: ms <= 5000 };
    });
  }
  if (scripts.course && existsSync(join(repoRoot, "grader", "lab")) && wanted("lab")) {
    await guarded("lab", rows, () => {
      const r = labSpeed();
      const perSecond = Math.round(r.perSecond);
      console.error(`lab: ${r.scenario} --solutions, wall ms: ${r.samplesMs.map(Math.round).join(", ")} · median ${Math.round(r.medianMs)}${r.cpuMs ? ` (CPU ms: ${r.cpuMs.map(Math.round).join(", ")})` : ""}, load ${r.load.join(", ")}; ${r.checkedRequests.toLocaleString("en-US")} requests in the checked run, ${r.simulatedRequests.toLocaleString("en-US")} simulated in all runs = ${perSecond.toLocaleString("en-US")} simulated requests/s; checks ${r.checksPassed}/${r.checks}`);
      return {
        what: `lab ${r.scenario} --solutions: ${(r.simulatedRequests / 1e6).toFixed(2)} M simulated, ${Math.round(perSecond / 1000)} k/s`,
        ms: r.medianMs, target: "≤ 10 s, ≥ 1 M requests", ok: r.medianMs <= 10_000 && r.checkedRequests >= 1_000_000,
        samplesMs: r.samplesMs, lab: r,
      };
    });
  }
  return rows;
}
