/**
 * Bench stage "cohort": submissions graded per minute by `npm run cohort -- grade` on a synthetic
 * cohort of 20 (issue 11: ≥ 20 / min), what an instructor waits for after a deadline.
 *
 * The assignment is the cohort end-to-end test's (grader/test/cohort/fixture.ts, whose builders
 * make these folders and git repositories): two exercises, 03-scaling/capacity-plan and
 * 06-cache/ttl-cache, each due on its own deadline; the other settings (runs 100, 5 s per
 * property, 600 s per submission, late policy) are what `cohort init` writes. The class: 8 correct
 * folders, 4 with one bug (a mutant of grader/mutants/), 2 with only the first exercise done,
 * 2 untouched stubs, 1 syntax error, and 3 git repositories (on time; stubs then late solutions;
 * solutions then a worse late commit). No endless loops or crashes: their cost is the time limit
 * one chooses, not the grader's speed (the e2e test covers them). One run of the real command,
 * with its defaults: concurrency = CPU cores, and this machine's sandbox (detected as it does).
 * The rate is 20 over the command's whole wall time (start-up and reports included).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cohortTemplate } from "../cohort/cohort-file.ts";
import { parseCsv } from "../cohort/csv.ts";
import { mutate, type MutantSet } from "../kit/mutants.ts";
import { repoRoot } from "../kit/settings.ts";
import planMutants from "../mutants/03-scaling/capacity-plan.ts";
import ttlMutants from "../mutants/06-cache/ttl-cache.ts";
import { detectIsolation } from "../sandbox/isolation.ts";
import { ASSIGNMENTS, gitRepo, PLAN, SECRET_SEED, solution, stub, TTL, writeExercises } from "../test/cohort/fixture.ts";
import { cleanEnv } from "./measure.ts";

export interface CohortRate {
  students: number;
  ms: number;
  perMinute: number;
  /** The sandbox the command graded in here ("full", "network" or "none"). */
  isolation: string;
  /** Gradebook rows by status (ok, late, error). */
  statuses: Record<string, number>;
  exitCode: number | null;
}

const bug = (set: MutantSet, name: string) => {
  const mutant = set.mutants.find((m) => m.name === name);
  if (!mutant) throw new Error(`cohort bench: ${set.id} has no mutant "${name}"`);
  return mutate(set.id, mutant);
};

/** Writes 20 submissions, the roster and the cohort file under `root`. */
function buildClass(root: string): { cohortFile: string; rosterFile: string; ids: string[] } {
  const full = { [TTL]: solution(TTL), [PLAN]: solution(PLAN) };
  const folders: Record<string, Record<string, string>> = {};
  for (let i = 1; i <= 8; i++) folders[`full-${i}`] = full;
  for (const name of ["expiry-inclusive", "set-keeps-expiry"]) folders[`ttl-${name}`] = { ...full, [TTL]: bug(ttlMutants, name) };
  for (const name of ["forgets-spares", "rounds-to-nearest"]) folders[`plan-${name}`] = { ...full, [PLAN]: bug(planMutants, name) };
  for (let i = 1; i <= 2; i++) folders[`plan-only-${i}`] = { [PLAN]: solution(PLAN) };
  for (let i = 1; i <= 2; i++) folders[`stubs-${i}`] = {};
  folders.syntax = { [PLAN]: solution(PLAN), [TTL]: `${solution(TTL)}\nexport const broken = ;\n` };
  const sub = (id: string) => join(root, "submissions", id);
  for (const [id, files] of Object.entries(folders)) {
    mkdirSync(sub(id), { recursive: true });
    writeExercises(sub(id), files);
  }
  const stubs = { [TTL]: stub(TTL), [PLAN]: stub(PLAN) };
  gitRepo(sub("git-ontime"), [["2025-03-01T10:00:00+01:00", full]]);
  gitRepo(sub("git-late"), [["2025-03-01T10:00:00+01:00", {}], ["2025-03-12T10:00:00+01:00", full]]);
  gitRepo(sub("git-worse"), [["2025-03-02T10:00:00+01:00", full], ["2025-03-11T10:00:00+01:00", stubs]]);
  const ids = [...Object.keys(folders), "git-ontime", "git-late", "git-worse"];
  const rosterFile = join(root, "roster.csv");
  const rows = ids.map((id, i) => `${id},Student ${i + 1},${id}@example.edu,submissions/${id}`);
  writeFileSync(rosterFile, `student_id,name,email,submission\n${rows.join("\n")}\n`);
  const cohortFile = join(root, "cohort.json");
  writeFileSync(cohortFile, JSON.stringify({ ...cohortTemplate("Bench cohort"), assignments: ASSIGNMENTS, secretSeed: SECRET_SEED }, null, 2));
  return { cohortFile, rosterFile, ids };
}

export function cohortRate(): CohortRate {
  const root = mkdtempSync(join(tmpdir(), "ztm-bench-cohort-"));
  try {
    const { cohortFile, rosterFile, ids } = buildClass(root);
    const out = join(root, "out");
    const start = performance.now();
    const run = spawnSync(process.execPath, ["grader/bin/cohort.mjs", "grade", "--cohort", cohortFile, "--roster", rosterFile, "--out", out], {
      cwd: repoRoot, env: cleanEnv(), encoding: "utf8", timeout: 900_000, killSignal: "SIGKILL",
    });
    const ms = performance.now() - start;
    if (run.status !== 0) process.stderr.write(`cohort bench: the command exited ${run.status ?? run.signal}:\n${run.stderr.trim().split("\n").slice(-10).join("\n")}\n`);
    const [header, ...records] = parseCsv(readFileSync(join(out, "gradebook.csv"), "utf8"));
    const statusAt = header!.fields.indexOf("status");
    const statuses: Record<string, number> = {};
    for (const r of records) statuses[r.fields[statusAt]!] = (statuses[r.fields[statusAt]!] ?? 0) + 1;
    if (records.length !== ids.length) throw new Error(`cohort bench: the gradebook has ${records.length} rows, expected ${ids.length}`);
    return { students: ids.length, ms, perMinute: ids.length / (ms / 60_000), isolation: detectIsolation(), statuses, exitCode: run.status };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
