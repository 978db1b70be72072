/**
 * One lab run: decide the stages, simulate the system with every stage that is in (full scale,
 * checked), and one cheaper run per stage row with stages 1..k in (what each step bought), the
 * rows on a second thread meanwhile when a core is idle (stage-rows.ts); then assemble the LabReport. The caller
 * must have locked the realm down (boundary/realm.ts).
 */
import { runChecks } from "./checks.ts";
import { coreIdleSince, idleClock, type IdleClock } from "./idle-cores.ts";
import { LAB_CHAPTERS, planStages, type LabSource } from "./components.ts";
import { P } from "./parameters.ts";
import { LAB_REPORT_VERSION, type LabReport, type Metrics, type StageReport } from "./report.ts";
import type { Scenario } from "./scenarios/index.ts";
import { runRowsInWorker } from "./stage-rows.ts";
import { runSystem, type RunResult } from "./system.ts";

export interface LabOptions {
  scenario: Scenario;
  seed: number;
  source: LabSource;
  /** Called with the share of the work done, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Scale of the per-stage rows (default: the parameter table's). */
  rowScale?: number;
  /** Tests only: skip the per-stage rows (their metrics stay empty) and run the checked run at this scale. */
  checksOnly?: { scale: number };
  /** Scale of the full, checked run (default 1; tests only, to keep them cheap). */
  fullScale?: number;
  /** Run the per-stage rows on a second thread while the full run goes on; the report is the same
   *  either way. Default: when a core is idle (idle-cores.ts; on a busy machine the thread only adds the cost of
   *  loading the components twice). */
  rowsOnThread?: boolean;
  /** The machine's idle CPU time when the command started (idle-cores.ts): a longer window than
   *  the components' loading alone to tell whether a core is idle. */
  idleSince?: IdleClock;
}

export async function runLab(options: LabOptions): Promise<LabReport> {
  const { scenario, seed, source } = options;
  const started = options.idleSince ?? idleClock();
  const { plan, components } = await planStages(source);
  const inAt = (k: number) => plan.slice(0, k).map((p) => p.in);
  const builtInDns = plan[0]!.builtIn === true;
  const lastIn = plan.reduce((last, p, i) => (p.in ? i + 1 : last), 1);
  const rowScale = options.rowScale ?? P.stageRowScale;
  const rows = options.checksOnly ? [] : plan.map((p, i) => (p.in && i + 1 < lastIn ? i + 1 : 0)).filter((k) => k > 0);
  // Work estimate: the full run counts as rowScale rows.
  const total = rowScale + rows.length;
  let fullFraction = 0;
  let rowsDone = 0;
  const progress = () => options.onProgress?.(Math.min(1, (fullFraction * rowScale + rowsDone) / total));
  const on = (k: number) => [false, ...inAt(k), ...new Array(12 - k).fill(false)];

  // "A core is idle": at least half a core sat idle while the components loaded (idle-cores.ts).
  const onThread = rows.length > 0 && (options.rowsOnThread ?? coreIdleSince(started));
  const thread = onThread ? runRowsInWorker({ scenario, seed, source, rows, rowScale }, (n) => ((rowsDone = n), progress())) : undefined;
  let full: RunResult;
  let rowMetrics: Map<number, Metrics>;
  try {
    full = await runSystem({ scenario, seed, on: on(12), builtInDns, components, scale: options.checksOnly?.scale ?? options.fullScale ?? 1, onProgress: (f) => ((fullFraction = f), progress()) });
    fullFraction = 1;
    rowMetrics = thread ? await thread.done : new Map();
  } finally {
    thread?.stop();
  }
  for (const [i, k] of (onThread ? [] : rows).entries()) {
    const row = await runSystem({ scenario, seed, on: on(k), builtInDns, components, scale: rowScale, onProgress: (f) => ((rowsDone = i + f), progress()) });
    rowMetrics.set(k, row.metrics);
  }
  const stages: StageReport[] = [];
  for (const [i, p] of plan.entries()) {
    const k = i + 1;
    const stage: StageReport = { chapter: p.chapter, title: p.title, status: p.in ? "in" : "locked", metrics: {} };
    if (!p.in && p.reason) stage.reason = p.reason;
    if (p.builtIn) stage.note = `baseline with the lab's built-in DNS resolver (${p.reason})`;
    if (p.in && k >= lastIn) stage.metrics = full.metrics;
    else if (p.in && rowMetrics.has(k)) {
      stage.metrics = rowMetrics.get(k)!;
      stage.scale = rowScale;
    }
    stages.push(stage);
  }
  const inChapters = new Set(plan.filter((p) => p.in).map((p) => p.chapter));
  const { checks, skipped } = runChecks(full.obs, scenario, inChapters, builtInDns);
  options.onProgress?.(1);
  return {
    version: LAB_REPORT_VERSION,
    scenario: scenario.name,
    seed,
    source: source.kind,
    simulatedSeconds: scenario.durationS,
    requests: full.requests,
    stages,
    checks,
    series: full.series,
    faults: scenario.faults.map((f) => ({ atS: f.atS, label: f.kind === "region-dark" ? `${f.dataCenter} goes dark for ${f.forS} s` : f.kind.replace(/-/g, " ") })),
    stageRowScale: rowScale,
    skippedChecks: skipped,
  };
}

export { LAB_CHAPTERS };
