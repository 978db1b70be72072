/**
 * Grades one submission as hostile code and returns its report. Cohort grading and
 * `npm run grade -- --submission DIR` both come through here, so that isolating untrusted code
 * happens in one place. What is and is not contained: docs/security.md.
 *
 * 1. Only DIR/exercises/**.ts is copied into a fresh scratch folder (copy-submission.ts).
 * 2. The grading CLI runs in that machine's best isolation (isolation.ts): on Linux as root, new
 *    mount/network/PID namespaces, a minimal read-only root, caps on memory, processes and file
 *    size, and one unprivileged user per exercise for the learner's code.
 * 3. A wall-clock limit kills the whole run (the PID namespace takes every process with it).
 * 4. The report is the engine's --json file in a folder only root can write; the engine reads
 *    only journal lines signed with keys the learner's code never sees.
 * A process that grades several submissions first has each exercise's reference solution graded
 * once outside (warm-cache.ts): the sandbox reads vitest's module cache but never fills it.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { GradeReport } from "../engine/results.ts";
import { SANDBOX_MODULE_CACHE } from "../engine/run-vitest.ts";
import { environmentWithoutRunSettings, repoRoot } from "../kit/settings.ts";
import { selectExercises } from "../engine/select.ts";
import { loadCourse } from "../manifest/load.ts";
import { capOutput } from "./capped-output.ts";
import { copySubmission } from "./copy-submission.ts";
import { DEFAULT_LIMITS, detectIsolation, isolationWarning, sandboxCommand, type IsolationLevel, type Limits } from "./isolation.ts";
import { warmModuleCache } from "./warm-cache.ts";

export interface SubmissionJob {
  /** Folder holding the submission's exercises/ folder. */
  submissionDir: string;
  /** Exercise ids or chapter prefixes; empty = all. */
  selectors: string[];
  seed: number;
  runs?: number;
  timeoutMs?: number;
  budgetMs?: number;
  /** Wall-clock limit for the whole submission, ms. */
  wallMs?: number;
  /** Keep the seed out of the report and the command line (the cohort's secret seed). */
  seedHidden?: boolean;
  /** Resource caps, instead of DEFAULT_LIMITS (isolation.ts). */
  limits?: Partial<Limits>;
  /** More arguments for the grading CLI (e.g. `--format junit --output /sandbox/out/output`). */
  extraArgs?: string[];
  /** The name the report gives the submission (default: submissionDir). */
  label?: string;
  /** Files the CLI wrote to its out folder that the caller wants back (e.g. "output"). */
  collect?: string[];
}

export interface SubmissionResult {
  report?: GradeReport;
  /** Why there is no report (the grading process crashed, hung, or wrote nothing). */
  error?: string;
  /** The child's last output lines, for diagnosis. */
  log: string;
  /** How the submission was contained; "full" only on Linux as root. */
  isolation: IsolationLevel;
  /** Set when isolation is not "full": say it loudly wherever the result is shown. */
  warning?: string;
  /** The grading CLI's standard output (capped at 1 MB) and exit code. */
  stdout: string;
  exitCode: number | null;
  timedOut: boolean;
  /** The users the learner's code ran as ("full"), for checking that nothing is left running. */
  uids?: [first: number, last: number];
  /** The `collect`ed files, by name. */
  files: Map<string, Buffer>;
}

/** The path the grading CLI inside the sandbox sees for the submission and its out folder. */
export const SANDBOX_OUT = "/sandbox/out";
const OUTPUT_CAP = 1024 ** 2; // Exercism's 1 MB
const UIDS_PER_RUN = 256;

/** A user range of its own for this run (not in /etc/passwd: nobody else owns files as it). */
function uidBase(): number {
  return 1_000_000 + UIDS_PER_RUN * Math.floor(Math.random() * 4_000_000);
}

/**
 * Builds the engine's bundle now, outside, and returns the node arguments that run it as it is,
 * and the bundle's path (launch.mjs's folder for this checkout, where the warm-up's stamp goes too).
 * Inside, the repository is read-only, so grade.mjs (which rebuilds when a source file is newer,
 * as happens when someone edits the tree during a cohort run) must not be the entry point.
 */
async function engineEntry(): Promise<{ args: string[]; bundle: string }> {
  const launcher = await import(pathToFileURL(join(repoRoot, "grader/bin/launch.mjs")).href);
  await launcher.load("grader/engine/cli.ts", "grade");
  const bundle: string = launcher.bundleFile("grade");
  const run = `const { main } = await import(${JSON.stringify(pathToFileURL(bundle).href)}); const code = await main(process.argv.slice(1)); process.stdout.write("", () => process.exit(code));`;
  return { args: ["--input-type=module", "-e", run, "--"], bundle };
}

let gradingsStarted = 0;

/** The exercises a grading will run; none when the selectors are wrong (the engine says why). */
function exerciseIds(selectors: string[]): string[] {
  try {
    return selectExercises(loadCourse(), selectors).map((e) => e.id);
  } catch {
    return [];
  }
}

export async function gradeSubmission(job: SubmissionJob): Promise<SubmissionResult> {
  const level = detectIsolation();
  const limits = { ...DEFAULT_LIMITS, ...job.limits };
  const scratch = mkdtempSync(join(tmpdir(), "ztm-sandbox-"));
  try {
    const source = join(job.submissionDir, "exercises");
    mkdirSync(join(scratch, "submission"));
    if (existsSync(source)) copySubmission(source, join(scratch, "submission", "exercises"));
    else mkdirSync(join(scratch, "submission", "exercises"));
    chmodSync(scratch, 0o711);
    for (const sub of ["submission", "out", "root"]) mkdirSync(join(scratch, sub), { recursive: true });
    chmodSync(join(scratch, "submission"), 0o755);
    chmodSync(join(scratch, "out"), 0o700);
    const { args: entry, bundle } = await engineEntry();
    // From the second grading of this process on (a cohort, a test): a warm-up costs about as
    // much as four gradings save, so a process that grades one submission (Gradescope, Exercism,
    // `npm run grade -- --submission`) does not pay for it.
    if (level === "full" && gradingsStarted++ > 0) await warmModuleCache(exerciseIds(job.selectors), entry, join(dirname(bundle), "module-cache.json"));

    const inside = level === "full" ? { submission: "/sandbox/submission", out: SANDBOX_OUT, home: "/tmp" } : { submission: join(scratch, "submission"), out: join(scratch, "out"), home: join(scratch, "out") };
    const args = [...entry, ...job.selectors, "--submission", inside.submission, "--json", join(inside.out, "report.json")];
    if (!job.seedHidden) args.push("--seed", String(job.seed));
    if (job.runs) args.push("--runs", String(job.runs));
    if (job.timeoutMs) args.push("--timeout", String(job.timeoutMs));
    if (job.budgetMs) args.push("--budget", String(job.budgetMs));
    args.push(...(job.extraArgs ?? []).map((arg) => arg.replaceAll(SANDBOX_OUT, inside.out)));

    const base = uidBase();
    const env: Record<string, string> = {
      PATH: "/usr/local/bin:/usr/bin:/bin",
      HOME: inside.home,
      TMPDIR: level === "full" ? "/tmp" : tmpdir(),
      NO_COLOR: "1",
      ZTM_SANDBOX_INSIDE: "1", // the CLI inside must grade, not start another sandbox
      ZTM_SUBMISSION_LABEL: job.label ?? job.submissionDir,
      ZTM_SANDBOX_SUBMISSION: inside.submission, // shown as the label in messages (kit/paths.ts)
    };
    if (level === "full") {
      env.ZTM_SANDBOX_UID = String(base);
      env.ZTM_MODULE_CACHE = SANDBOX_MODULE_CACHE; // mounted by enter-root.sh
    }
    if (job.seedHidden) {
      // Never on a command line, nor in the engine's environment (which /proc/<pid>/environ
      // shows for the life of the process): a root-only file the engine deletes once read.
      writeFileSync(join(scratch, "out", "seed"), String(job.seed), { mode: 0o600 });
      args.push("--seed-file", join(inside.out, "seed"));
    }
    const { command, args: commandArgs } = sandboxCommand(level, { scratch, repo: repoRoot.replace(/\/$/, ""), nodeArgs: args, env, limits });

    const run = await new Promise<{ code: number | null; signal: string | null; timedOut: boolean; stdout: string; stderr: string }>((resolve) => {
      const childEnv = level === "none" ? { ...environmentWithoutRunSettings(), ...env } : { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" };
      const child = spawn(command, commandArgs, { cwd: repoRoot, env: childEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      const stdout = capOutput(child.stdout, OUTPUT_CAP);
      const stderr = capOutput(child.stderr, OUTPUT_CAP);
      const killGroup = () => {
        try {
          process.kill(-child.pid!, "SIGKILL"); // the process group; in "full", PID 1 of the namespace with it
        } catch {}
      };
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup();
      }, job.wallMs ?? 600_000);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        killGroup(); // whatever the run left in its group ("network", "none")
        resolve({ code, signal, timedOut, stdout: stdout.text(), stderr: stderr.text() });
      });
    });

    let report: GradeReport | undefined;
    try {
      report = JSON.parse(readFileSync(join(scratch, "out", "report.json"), "utf8"));
    } catch {}
    const files = new Map<string, Buffer>();
    for (const name of job.collect ?? []) {
      const file = join(scratch, "out", name);
      if (existsSync(file)) files.set(name, readFileSync(file));
    }
    const log = (run.stdout + run.stderr).slice(-4000);
    const error = run.timedOut
      ? `grading exceeded its wall-clock limit of ${Math.round((job.wallMs ?? 600_000) / 1000)} s and was stopped`
      : report
        ? undefined
        : `grading did not produce a report (exit ${run.code ?? run.signal})`;
    return {
      report: run.timedOut ? undefined : report,
      error,
      log,
      isolation: level,
      warning: isolationWarning[level],
      stdout: run.stdout,
      exitCode: run.code,
      timedOut: run.timedOut,
      uids: level === "full" ? [base, base + UIDS_PER_RUN - 1] : undefined,
      files,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
