/**
 * `npm run bench -- --kill-runs [--only id,id] [--seeds N] [--max-runs N] [--solution-seeds N]
 * [--jobs N] [--out FILE]`: how many runs each property needs to reject its mutants, so that run
 * counts buy confidence without waste. For every property it gives its current runs, the
 * solution's time at seed 1 (in a warm worker shared with other exercises, so a little below
 * what grading in a fresh fork takes), and, over seeds 1…N (default 30), the largest and the
 * median run at which each mutant naming it died, and any seed at which the mutant survived the
 * property as it is configured. JSON goes to --out (default kill-runs.json).
 * - `--max-runs N`: mutants may run up to N runs (never fewer than configured), to show where a
 *   survivor would have died;
 * - `--solution-seeds N`: also grades the solution at seeds 1…N and lists any seed it fails at;
 * - `--jobs N`: measuring workers (default 2).
 *
 * Graders use vitest's fake timers, which only work inside a vitest worker; so `main` starts
 * vitest on this very file (one project per job, each measuring a share of the exercises), and
 * the worker half below measures and writes JSON that `main` merges, prints and saves.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { test } from "vitest";
import type { GraderDef } from "../kit/define.ts";
import { loadImplementation } from "../kit/load.ts";
import { materialize, type MutantSet } from "../kit/mutants.ts";
import { runProperty, type PropertyDef } from "../kit/run-property.ts";
import { boundedShrinking } from "../kit/shrink-budget.ts";
import { repoRoot, type RunSettings } from "../kit/settings.ts";
import { allExercises, loadCourse } from "../manifest/load.ts";
import { median } from "./measure.ts";

interface Job {
  ids: string[];
  seeds: number;
  maxRuns: number;
  solutionSeeds: number;
  out: string;
}

interface MutantKills {
  name: string;
  /** Per seed 1…N: the run at which the property failed, null when the mutant survived, or
   *  "timeout" / "error" when it failed without a run number (time limit, or property not built). */
  kills: (number | null | "timeout" | "error")[];
  max: number;
  median: number;
  /** Seeds at which the mutant survived the property's configured runs. */
  survivedAt: number[];
}

export interface PropertyKills {
  exercise: string;
  index: number;
  title: string;
  /** Runs as configured (the run's default of 100 when the property sets none). */
  runs: number;
  solutionMs: number;
  solutionFailsAt: number[];
  mutants: MutantKills[];
  /** Largest kill run over every mutant and seed (0 when no mutant names the property). */
  maxKill: number;
}

const DEFAULT_RUNS = 100;
const settings = (targetRoot: string, seed: number, overrides: Record<string, string> = {}): RunSettings =>
  ({ seed, runs: DEFAULT_RUNS, timeoutMs: 20_000, budgetMs: 600_000, targetRoot, overrides });
const seedsUpTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The property with a shrink budget of 0: only the run that fails first matters here. */
function firstFailureOnly(def: PropertyDef<unknown>, runs: number): PropertyDef<unknown> {
  return { ...def, make: (module) => boundedShrinking(def.make(module), 0).property, runs };
}

/** Worker half: measures the job's exercises, one property at a time. */
async function measure(job: Job): Promise<PropertyKills[]> {
  const rows: PropertyKills[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "ztm-kill-runs-"));
  process.env.ZTM_SELFTEST = "1"; // graders then register no vitest tests of their own
  for (const id of job.ids) {
    const grader = (await import(join(repoRoot, "grader/suites", `${id}.test.ts`))).default as GraderDef;
    const { mutants } = (await import(join(repoRoot, "grader/mutants", `${id}.ts`))).default as MutantSet;
    const solution = settings(join(repoRoot, "solutions"), 1);
    const loaded = await loadImplementation(id, solution);
    if (!loaded.ok) throw new Error(loaded.reason);
    const modules = new Map<string, { module: unknown; file: string; settings: (seed: number) => RunSettings }>();
    for (const mutant of mutants) {
      const file = materialize(id, mutant, scratch);
      const at = (seed: number) => settings(join(repoRoot, "exercises"), seed, { [id]: file });
      const m = await loadImplementation(id, at(1));
      if (!m.ok) throw new Error(m.reason);
      modules.set(mutant.name, { module: m.module, file, settings: at });
    }
    for (const property of grader.properties) {
      const started = performance.now();
      const first = await runProperty(property, loaded.module, solution, loaded.file);
      const solutionMs = Math.round(performance.now() - started);
      const solutionFailsAt = first.status === "pass" ? [] : [1];
      for (const seed of seedsUpTo(job.solutionSeeds).slice(1)) {
        const outcome = await runProperty(property, loaded.module, settings(join(repoRoot, "solutions"), seed), loaded.file);
        if (outcome.status !== "pass") solutionFailsAt.push(seed);
      }
      const killers: MutantKills[] = [];
      const runs = property.runs ?? DEFAULT_RUNS;
      const longer = firstFailureOnly(property, runs === 1 ? 1 : Math.max(runs, job.maxRuns));
      for (const mutant of mutants.filter((m) => m.kills === property.title)) {
        const { module, file, settings: at } = modules.get(mutant.name)!;
        const kills: MutantKills["kills"] = [];
        for (const seed of seedsUpTo(job.seeds)) {
          const outcome = await runProperty(longer, module, at(seed), file);
          const f = outcome.failure;
          kills.push(outcome.status === "pass" ? null : (f?.numRuns ?? (f?.kind === "timeout" ? "timeout" : "error")));
        }
        // A kill without a run number (a timeout, a property that throws while built) counts as run 1.
        const numbers = kills.filter((k) => k !== null).map((k) => (typeof k === "number" ? k : 1));
        const survivedAt = kills.flatMap((k, i) => (k === null || (typeof k === "number" && k > runs) ? [i + 1] : []));
        killers.push({ name: mutant.name, kills, max: Math.max(0, ...numbers), median: numbers.length ? median(numbers) : 0, survivedAt });
      }
      const maxKill = Math.max(0, ...killers.map((k) => k.max));
      rows.push({ exercise: id, index: property.index, title: property.title, runs, solutionMs, solutionFailsAt, mutants: killers, maxKill });
    }
    console.log(`kill-runs: ${id} measured`);
  }
  rmSync(scratch, { recursive: true, force: true });
  return rows;
}

// Inside the vitest worker that `main` starts: one test that does the measuring.
if (process.env.VITEST && process.env.ZTM_KILL_RUNS) {
  const job = JSON.parse(process.env.ZTM_KILL_RUNS) as Job;
  test(`kill runs of ${job.ids.length} exercises`, async () => writeFileSync(job.out, JSON.stringify(await measure(job))), 0);
}

function format(rows: PropertyKills[], seeds: number): string {
  const header = `${"exercise".padEnd(38)} ${"P".padStart(2)} ${"runs".padStart(4)} ${"sol ms".padStart(6)} ${"max".padStart(4)} ${"≥3×".padStart(4)}  mutants (max/median kill run over ${seeds} seeds)`;
  const lines = rows.map((r) => {
    const mutants = r.mutants.map((m) => `${m.name} ${m.max}/${m.median}${m.survivedAt.length ? ` SURVIVED at seeds ${m.survivedAt.join(",")}` : ""}`);
    const fails = r.solutionFailsAt.length ? `  SOLUTION FAILS at seeds ${r.solutionFailsAt.join(",")}` : "";
    const suggest = r.runs === 1 ? "-" : String(Math.max(5, 3 * r.maxKill));
    return `${r.exercise.padEnd(38)} ${String(r.index).padStart(2)} ${String(r.runs).padStart(4)} ${String(r.solutionMs).padStart(6)} ${String(r.maxKill).padStart(4)} ${suggest.padStart(4)}  ${mutants.join("; ") || "(no mutant)"}${fails}`;
  });
  return [header, ...lines].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { only: { type: "string" }, seeds: { type: "string" }, "max-runs": { type: "string" }, "solution-seeds": { type: "string" }, jobs: { type: "string" }, out: { type: "string" } },
  });
  const ids = values.only ? values.only.split(",") : allExercises(loadCourse()).map(({ exercise }) => exercise.id);
  const jobs = Math.max(1, Math.min(ids.length, Number(values.jobs ?? 2)));
  const seeds = Number(values.seeds ?? 30);
  const maxRuns = Number(values["max-runs"] ?? 0);
  const solutionSeeds = Number(values["solution-seeds"] ?? 1);
  const scratch = mkdtempSync(join(tmpdir(), "ztm-kill-runs-out-"));
  // Round-robin shares, so that each job gets some of every chapter (heavy ones are spread out).
  const shares: Job[] = Array.from({ length: jobs }, (_, j) =>
    ({ ids: ids.filter((_, i) => i % jobs === j), seeds, maxRuns, solutionSeeds, out: join(scratch, `job-${j}.json`) }));

  const { startVitest } = await import("vitest/node");
  // The dot reporter shows the workers' progress lines, and the error of a worker that failed.
  const vitest = await startVitest("test", [], { config: false, root: repoRoot, watch: false, reporters: ["dot"], passWithNoTests: false }, {
    test: {
      projects: shares.map((job, j) => ({
        test: {
          name: `kill-runs-${j}`,
          root: repoRoot,
          include: ["grader/bench/kill-runs.ts"],
          pool: "forks" as const,
          env: { ZTM_SELFTEST: "1", ZTM_KILL_RUNS: JSON.stringify(job) },
        },
      })),
    },
  });
  await vitest.close();
  let rows: PropertyKills[];
  try {
    rows = shares.flatMap((job) => JSON.parse(readFileSync(job.out, "utf8")) as PropertyKills[]);
  } catch {
    console.error("kill-runs: a measuring worker failed; see the errors above.");
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  rows.sort((a, b) => ids.indexOf(a.exercise) - ids.indexOf(b.exercise) || a.index - b.index);
  console.log(format(rows, seeds));
  const out = values.out ?? join(repoRoot, "kill-runs.json");
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, seeds, maxRuns, solutionSeeds, rows }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
  return 0;
}
