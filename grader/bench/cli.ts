/**
 * `npm run bench [-- --runs N] [--out FILE] [--only-stages] [--stages watch,cohort,docs,lab]`: measures, on this machine, what
 * the course promises to be fast, prints a table and writes JSON (default bench-results.json).
 * A benchmark, not a test: nothing here fails the build. Method and the latest results:
 * docs/performance.md.
 *
 * - grade vs floor: `npm run grade -- <id> --solutions` against bare `vitest run` of the same
 *   grader file, for the heaviest exercise of each chapter (ratio of medians, runs alternated);
 * - a whole submission: every exercise of the solutions;
 * - optional stages (watch, cohort, docs, lab) run when their command exists in package.json;
 *   `--stages` picks some of them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../kit/settings.ts";
import { allExercises, loadCourse } from "../manifest/load.ts";
import { cleanEnv, compare, median, timeNode } from "./measure.ts";
import { optionalStages, STAGE_NAMES } from "./stages.ts";

const vitestBin = join(repoRoot, "node_modules/vitest/vitest.mjs");
const gradeBin = join(repoRoot, "grader/bin/grade.mjs");
const floorEnv = (seed: number) => cleanEnv({ ZTM_TARGET_ROOT: join(repoRoot, "solutions"), ZTM_SEED: String(seed) });

export interface BenchRow {
  what: string;
  ms: number;
  floorMs?: number;
  ratio?: number;
  target: string;
  ok?: boolean;
}

function gradeVsFloor(id: string, runs: number): BenchRow {
  const suite = `grader/suites/${id}.test.ts`;
  const { a, b } = compare(
    () => timeNode([gradeBin, id, "--solutions", "--seed", "1"]),
    () => timeNode([vitestBin, "run", suite], floorEnv(1)),
    runs,
  );
  const ratio = a / b;
  return { what: `grade ${id} (cold)`, ms: a, floorMs: b, ratio, target: "ratio ≤ 1.2", ok: ratio <= 1.2 };
}

/** The heaviest exercise of each chapter, by one bare vitest run of each. */
function heaviestPerChapter(): string[] {
  const byChapter = new Map<string, { id: string; ms: number }>();
  for (const { chapter, exercise } of allExercises(loadCourse())) {
    const ms = timeNode([vitestBin, "run", `grader/suites/${exercise.id}.test.ts`], floorEnv(1)).ms;
    if ((byChapter.get(chapter.id)?.ms ?? -1) < ms) byChapter.set(chapter.id, { id: exercise.id, ms });
  }
  return [...byChapter.values()].map((v) => v.id);
}

export async function main(argv: string[]): Promise<number> {
  // `--kill-runs`: how many runs each property needs to reject its mutants (kill-runs.ts).
  if (argv.includes("--kill-runs")) return (await import("./kill-runs.ts")).main(argv.filter((a) => a !== "--kill-runs"));
  const { values } = parseArgs({ args: argv, options: { runs: { type: "string" }, out: { type: "string" }, only: { type: "string" }, "only-stages": { type: "boolean" }, stages: { type: "string" } } });
  const only = values.stages === undefined ? undefined : new Set(values.stages.split(","));
  const unknown = [...(only ?? [])].filter((name) => !(STAGE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`bench: unknown stage ${unknown.join(", ")}; the stages are ${STAGE_NAMES.join(", ")}`);
    return 2;
  }
  const runs = Math.max(5, Number(values.runs ?? 5));
  const rows: BenchRow[] = [];
  // `--only-stages`: skip the grading rows, run only the optional stages (watch, cohort, docs, lab).
  if (!values["only-stages"]) {
    const ids = values.only ? values.only.split(",") : heaviestPerChapter();
    for (const id of ids) rows.push(gradeVsFloor(id, runs));
    const whole = median(Array.from({ length: 5 }, () => timeNode([gradeBin, "--solutions", "--seed", "1"]).ms));
    rows.push({ what: "grade a whole submission (every exercise)", ms: whole, target: "≤ 10 s", ok: whole <= 10_000 });
  }
  const scripts = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts as Record<string, string>;
  rows.push(...(await optionalStages(scripts, only)));

  const table = rows.map((r) =>
    [r.what.padEnd(52), `${(r.ms / 1000).toFixed(2)} s`.padStart(9), r.floorMs ? `${(r.floorMs / 1000).toFixed(2)} s`.padStart(9) : "".padStart(9), r.ratio ? r.ratio.toFixed(2).padStart(6) : "".padStart(6), `${r.target}${r.ok === undefined ? "" : r.ok ? "  ✓" : "  ✗"}`].join("  "),
  );
  console.log([`${"measure".padEnd(52)}  ${"time".padStart(9)}  ${"floor".padStart(9)}  ${"ratio".padStart(6)}  target`, ...table].join("\n"));
  const out = values.out ?? join(repoRoot, "bench-results.json");
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, rows }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
  return 0;
}

