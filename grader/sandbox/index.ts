/**
 * Grades one submission in a separate process and returns its report. Cohort grading and
 * `grade --submission` go through here, so that isolating untrusted code happens in one place.
 *
 * This first version only separates processes (a crash or hang of the child cannot stop the
 * caller); issue 9 hardens it (network namespace, resource limits, scratch copies).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GradeReport } from "../engine/results.ts";
import { repoRoot } from "../kit/settings.ts";

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
}

export interface SubmissionResult {
  report?: GradeReport;
  /** Why there is no report (the grading process crashed, hung, or wrote nothing). */
  error?: string;
  /** The child's last output lines, for diagnosis. */
  log: string;
}

export function gradeSubmission(job: SubmissionJob): Promise<SubmissionResult> {
  const scratch = mkdtempSync(join(tmpdir(), "ztm-grade-"));
  const jsonFile = join(scratch, "report.json");
  const args = [join(repoRoot, "grader/bin/grade.mjs"), ...job.selectors, "--submission", job.submissionDir, "--seed", String(job.seed), "--json", jsonFile];
  if (job.runs) args.push("--runs", String(job.runs));
  if (job.timeoutMs) args.push("--timeout", String(job.timeoutMs));
  if (job.budgetMs) args.push("--budget", String(job.budgetMs));
  return new Promise((resolve) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ZTM_") && !k.startsWith("VITEST")));
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...env, NO_COLOR: "1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL"); // the whole process group: vitest and its workers
      } catch {}
    }, job.wallMs ?? 600_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      let report: GradeReport | undefined;
      try {
        report = JSON.parse(readFileSync(jsonFile, "utf8"));
      } catch {}
      rmSync(scratch, { recursive: true, force: true });
      const error = report ? undefined : `grading did not produce a report (exit ${code ?? signal})`;
      resolve({ report, error, log });
    });
  });
}
