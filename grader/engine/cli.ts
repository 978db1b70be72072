/**
 * `npm run grade`: grade exercises, print the learner's report, optionally write JSON.
 * Exit codes: 0 every selected exercise passes, 1 any fails or errors, 2 bad usage.
 */
import { appendFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeAtomically } from "../kit/files.ts";
import { journalFile, readJournalChecked } from "../kit/journal.ts";
import { displayPath, implementationFile } from "../kit/paths.ts";
import { repoRoot, type RunSettings } from "../kit/settings.ts";
import { allExercises, loadCourse, ManifestError } from "../manifest/load.ts";
import { messages } from "../messages.ts";
import { parseGradeArgs, usage, UsageError, type GradeArgs } from "./args.ts";
import { collectExercise } from "./collect.ts";
import { quote, replayCommand } from "./replay.ts";
import { githubSummary, renderFormat } from "./formats/index.ts";
import { painter, renderReport } from "./report-human.ts";
import { REPORT_VERSION, type ExerciseResult, type GradeReport } from "./results.ts";
import { runSuites } from "./run-vitest.ts";
import { selectExercises } from "./select.ts";
import { propertySource } from "./test-code.ts";
import { typecheck, type Diagnostics } from "./typecheck.ts";
import { sandboxUidBase, writeWorkerSecrets } from "./worker-secrets.ts";

/** Default time budget of one exercise; properties not started by then are not run. */
const EXERCISE_BUDGET_MS = 60_000;

function targetOf(args: GradeArgs): { root: string; label: string; flag: string } {
  const t = args.target;
  if (t.kind === "solutions") return { root: join(repoRoot, "solutions"), label: "solutions/", flag: " --solutions" };
  if (t.kind === "mutant") return { root: join(repoRoot, "solutions"), label: `mutant "${t.name}" of solutions/`, flag: ` --mutant ${t.name}` };
  if (t.kind === "submission") {
    const root = join(resolve(t.dir), "exercises");
    if (!existsSync(root)) throw new UsageError(`--submission ${t.dir}: ${root} does not exist (DIR must hold an exercises/ folder)`);
    // Inside the sandbox DIR is the sandbox's copy; the report names the folder the user gave.
    const shown = process.env.ZTM_SUBMISSION_LABEL || t.dir;
    return { root, label: shown, flag: ` --submission ${quote(shown)}` };
  }
  return { root: join(repoRoot, "exercises"), label: "exercises/", flag: "" };
}

export interface Graded {
  report: GradeReport;
  /** The human report. */
  text: string;
  /** Graded file per exercise, for display. */
  files: Map<string, string>;
  elapsedSeconds: number;
}

export async function grade(args: GradeArgs): Promise<Graded> {
  const started = performance.now();
  const course = loadCourse();
  const selected = selectExercises(course, args.selectors);
  const target = targetOf(args);
  if (args.target.kind === "mutant" && selected.length !== 1) throw new UsageError("--mutant needs exactly one exercise id");
  const journalDir = mkdtempSync(join(tmpdir(), "ztm-journal-"));
  const settings: RunSettings = {
    seed: args.seed ?? Math.floor(Math.random() * 2 ** 31),
    runs: args.runs ?? 100,
    timeoutMs: args.timeoutMs ?? 10_000,
    budgetMs: args.budgetMs ?? EXERCISE_BUDGET_MS,
    onlyProperty: args.property,
    path: args.path,
    targetRoot: target.root,
    overrides: {},
    journalDir,
    mutant: args.target.kind === "mutant" ? args.target.name : undefined,
  };
  const ids = selected.map((e) => e.id);
  const uidBase = sandboxUidBase();
  const secrets = uidBase === undefined ? undefined : writeWorkerSecrets(ids, settings.seed, uidBase);
  settings.secretsDir = secrets?.dir;
  const files = new Map(ids.map((id) => [id, implementationFile(id, settings)]));
  const checking: Promise<Diagnostics> =
    args.typecheck && !settings.mutant ? typecheck([...files.values()].filter((f) => existsSync(f))) : Promise.resolve(new Map());
  const workers = Math.max(1, args.workers ?? availableParallelism());
  const deadlineMs = settings.budgetMs * Math.ceil(ids.length / workers) + 30_000;
  try {
    // Several exercises outside the sandbox: workers run file after file, then whatever a
    // neighbour may have caused is graded again in a worker of its own and that result counts.
    // The sandbox keeps one worker per file: each drops to its exercise's own user.
    const shareWorkers = !secrets && ids.length > 1;
    const run = await runSuites(ids, settings, deadlineMs, { shareWorkers, workers: args.workers });
    const diagnostics = await checking;
    const gradeCommand = (id: string) => `npm run grade -- ${id}${target.flag}`;
    const collect = (entry: (typeof selected)[number]) =>
      collectExercise(entry, {
        ...journalOf(journalFile(journalDir, entry.id), secrets?.keys.get(entry.id)),
        typeErrors: diagnostics.get(files.get(entry.id)!),
        unhandled: run.unhandled.get(entry.id),
        output: run.output.get(entry.id),
        durationMs: run.durations.get(entry.id),
        timeoutMs: settings.timeoutMs,
        onlyProperty: settings.onlyProperty,
        file: displayPath(files.get(entry.id)!),
        replay: (index, seed = settings.seed, path) =>
          args.seedHidden ? undefined : replayCommand(gradeCommand(entry.id), index, seed, path),
      });
    let exercises = selected.map(collect);
    const again = shareWorkers ? exercises.filter((e) => mayBeANeighboursDoing(e, journalFile(journalDir, e.id))).map((e) => e.id) : [];
    if (again.length > 0) {
      for (const id of again) rmSync(journalFile(journalDir, id), { force: true });
      const isolated = await runSuites(again, settings, deadlineMs, { workers: args.workers });
      for (const id of again) {
        for (const key of ["output", "unhandled", "durations"] as const) {
          run[key].delete(id);
          const value = isolated[key].get(id);
          if (value !== undefined) (run[key] as Map<string, unknown>).set(id, value);
        }
      }
      run.overran ||= isolated.overran;
      run.stray.push(...isolated.stray);
      exercises = selected.map((entry) => (again.includes(entry.id) ? collect(entry) : exercises.find((e) => e.id === entry.id)!));
    }
    if (args.seedHidden) {
      // The failure's own seed and path would let a student replay the grading run.
      for (const property of exercises.flatMap((e) => e.properties)) {
        if (property.failure) property.failure = { ...property.failure, seed: undefined, path: undefined };
      }
    }
    const report: GradeReport = {
      version: REPORT_VERSION,
      seed: args.seedHidden ? null : settings.seed,
      runs: settings.runs,
      submission: target.label,
      score: exercises.reduce((sum, e) => sum + e.score, 0),
      maxScore: exercises.reduce((sum, e) => sum + e.maxScore, 0),
      exercises,
    };
    const displayFiles = new Map([...files].map(([id, f]) => [id, displayPath(f)]));
    const paint = painter(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
    const replay = args.property === undefined ? undefined : { property: args.property, path: args.path };
    let text = renderReport(report, displayFiles, gradeCommand, paint, replay);
    if (run.overran) text += `\n${messages.overran(Math.round(deadlineMs / 1000))}`;
    for (const error of run.stray.filter((e) => !(isWorkerDeath(e) && exercises.some(diedInItsWorker)))) text += `\n${messages.stray(error)}`;
    for (const problem of diagnostics.get("*") ?? []) text += `\n${messages.typecheckBroken(problem)}`;
    return { report, text, files: displayFiles, elapsedSeconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(journalDir, { recursive: true, force: true });
    if (secrets) rmSync(secrets.dir, { recursive: true, force: true });
  }
}

/** vitest's own error when a worker exits mid-run: what the watchdog's kill of an endless loop,
 *  or an out-of-memory crash, looks like from the pool. */
const isWorkerDeath = (error: string) => /\[vitest-pool\]: Worker \w+ emitted error/.test(error);

/** The report already explains a worker's death: a timeout, a crash, or an error (a load that
 *  never finished). Then vitest's pool error would only repeat it, without saying where. */
function diedInItsWorker(result: ExerciseResult): boolean {
  return result.status === "error" || result.properties.some((p) => p.failure?.kind === "timeout" || p.failure?.kind === "crash");
}

/**
 * After a run in shared workers: could this result be caused by an earlier exercise in the same
 * worker? Yes when it is an error (an escaped error may be a neighbour's leftover timer), a
 * property timed out or crashed (a neighbour's busy timer, a full heap), or the built-ins had
 * changed when its grader started (kit/intrinsics.ts). A plain failure in an undisturbed worker
 * is what a worker of its own would give too (same seed), so a stub is not graded twice.
 */
function mayBeANeighboursDoing(result: ExerciseResult, journal: string): boolean {
  if (result.status === "pass") return false;
  if (result.status === "error") return true;
  if (result.properties.some((p) => p.failure?.kind === "timeout" || p.failure?.kind === "crash")) return true;
  return readJournalChecked(journal).lines.some((line) => line.event === "disturbed");
}

/** An exercise's journal; in a sandbox only its signed lines count, the rest are forgeries. */
function journalOf(file: string, key: string | undefined) {
  const { lines, forged } = readJournalChecked(file, key);
  return { journal: lines, forgedLines: forged };
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseGradeArgs(argv);
    delete process.env.ZTM_GRADING_SEED; // never handed on to the graded code's processes
    // In a "full" sandbox, whatever the engine writes (vitest's compiled copies of the graders,
    // journals, the report) is root's alone: the learner's user reads none of it.
    if (process.env.ZTM_SANDBOX_INSIDE && sandboxUidBase() !== undefined) process.umask(0o077);
    if (args.help) {
      console.log(usage);
      return 0;
    }
    if (args.target.kind === "submission" && !process.env.ZTM_SANDBOX_INSIDE) {
      // Someone else's code: graded in the sandbox (grader/sandbox/, docs/security.md), once
      // the usage is known to be right (exit 2 here, not a failed run there).
      selectExercises(loadCourse(), args.selectors);
      targetOf(args);
      const { gradeSubmissionFromCli } = await import("../sandbox/cli-bridge.ts");
      return await gradeSubmissionFromCli({ ...args, target: args.target });
    }
    const graded = await grade(args);
    const context = {
      report: graded.report,
      human: graded.text,
      files: graded.files,
      testCode: propertySource,
      elapsedSeconds: graded.elapsedSeconds,
      visibility: args.visibility,
      courseIds: allExercises(loadCourse()).map(({ exercise }) => exercise.id),
    };
    const rendered = renderFormat(args.format, context);
    if (args.output) writeAtomically(args.output, rendered);
    else process.stdout.write(rendered);
    if (args.format === "github" && process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubSummary(context));
    if (args.json) writeAtomically(args.json, renderFormat("json", context));
    if (args.output || args.json) console.error(messages.jsonWritten([args.output, args.json].filter(Boolean).join(" and ")));
    return graded.report.exercises.every((e) => e.status === "pass") ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ManifestError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
