/**
 * `npm run grade`: grade exercises, print the learner's report, optionally write JSON.
 * Exit codes: 0 every selected exercise passes, 1 any fails or errors, 2 bad usage.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { journalFile, readJournal } from "../kit/journal.ts";
import { displayPath, implementationFile } from "../kit/load.ts";
import { repoRoot, type RunSettings } from "../kit/settings.ts";
import { loadCourse, ManifestError } from "../manifest/load.ts";
import { messages } from "../messages.ts";
import { parseGradeArgs, usage, UsageError, type GradeArgs } from "./args.ts";
import { collectExercise } from "./collect.ts";
import { painter, renderReport } from "./report-human.ts";
import { REPORT_VERSION, type GradeReport } from "./results.ts";
import { runSuites } from "./run-vitest.ts";
import { selectExercises } from "./select.ts";
import { typecheck, type Diagnostics } from "./typecheck.ts";

/** Budget for one exercise when the run is planned; the watchdogs normally act long before. */
const EXERCISE_BUDGET_MS = 60_000;

function targetOf(args: GradeArgs): { root: string; label: string; flag: string } {
  const t = args.target;
  if (t.kind === "solutions") return { root: join(repoRoot, "solutions"), label: "solutions/", flag: " --solutions" };
  if (t.kind === "mutant") return { root: join(repoRoot, "solutions"), label: `mutant "${t.name}" of solutions/`, flag: ` --mutant ${t.name}` };
  if (t.kind === "submission") {
    const root = join(resolve(t.dir), "exercises");
    if (!existsSync(root)) throw new UsageError(`--submission ${t.dir}: ${root} does not exist (DIR must hold an exercises/ folder)`);
    return { root, label: t.dir, flag: ` --submission ${quote(t.dir)}` };
  }
  return { root: join(repoRoot, "exercises"), label: "exercises/", flag: "" };
}

function quote(text: string): string {
  return /^[\w./:@=+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** Writes a file so that a reader never sees half of it. */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

export async function grade(args: GradeArgs): Promise<{ report: GradeReport; text: string }> {
  const course = loadCourse();
  const selected = selectExercises(course, args.selectors);
  const target = targetOf(args);
  if (args.target.kind === "mutant" && selected.length !== 1) throw new UsageError("--mutant needs exactly one exercise id");
  const journalDir = mkdtempSync(join(tmpdir(), "ztm-journal-"));
  const settings: RunSettings = {
    seed: args.seed ?? Math.floor(Math.random() * 2 ** 31),
    runs: args.runs ?? 100,
    timeoutMs: args.timeoutMs ?? 5000,
    onlyProperty: args.property,
    path: args.path,
    targetRoot: target.root,
    overrides: {},
    journalDir,
    mutant: args.target.kind === "mutant" ? args.target.name : undefined,
  };
  const ids = selected.map((e) => e.id);
  const files = new Map(ids.map((id) => [id, implementationFile(id, settings)]));
  const checking: Promise<Diagnostics> =
    args.typecheck && !settings.mutant ? typecheck([...files.values()].filter((f) => existsSync(f))) : Promise.resolve(new Map());
  const workers = Math.max(1, availableParallelism());
  const deadlineMs = EXERCISE_BUDGET_MS * Math.ceil(ids.length / workers) + 30_000;
  try {
    const run = await runSuites(ids, settings, deadlineMs);
    const diagnostics = await checking;
    const gradeCommand = (id: string) => `npm run grade -- ${id}${target.flag}`;
    const exercises = selected.map((entry) =>
      collectExercise(entry, {
        journal: readJournal(journalFile(journalDir, entry.id)),
        typeErrors: diagnostics.get(files.get(entry.id)!),
        unhandled: run.unhandled.get(entry.id),
        output: run.output.get(entry.id),
        durationMs: run.durations.get(entry.id),
        timeoutMs: settings.timeoutMs,
        onlyProperty: settings.onlyProperty,
        file: displayPath(files.get(entry.id)!),
        replay: (index, seed = settings.seed, path) =>
          `${gradeCommand(entry.id)} --property ${index} --seed ${seed}${path ? ` --path ${quote(path)}` : ""}`,
      }),
    );
    const report: GradeReport = {
      version: REPORT_VERSION,
      seed: settings.seed,
      runs: settings.runs,
      submission: target.label,
      score: exercises.reduce((sum, e) => sum + e.score, 0),
      maxScore: exercises.reduce((sum, e) => sum + e.maxScore, 0),
      exercises,
    };
    const displayFiles = new Map([...files].map(([id, f]) => [id, displayPath(f)]));
    const paint = painter(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
    let text = renderReport(report, displayFiles, gradeCommand, paint);
    if (run.overran) text += `\n${messages.overran(Math.round(deadlineMs / 1000))}`;
    for (const error of run.stray) text += `\n${messages.stray(error)}`;
    for (const problem of diagnostics.get("*") ?? []) text += `\n${messages.typecheckBroken(problem)}`;
    return { report, text };
  } finally {
    rmSync(journalDir, { recursive: true, force: true });
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseGradeArgs(argv);
    if (args.help) {
      console.log(usage);
      return 0;
    }
    const { report, text } = await grade(args);
    console.log(text);
    if (args.json) {
      writeAtomically(args.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(messages.jsonWritten(args.json));
    }
    return report.exercises.every((e) => e.status === "pass") ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ManifestError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
