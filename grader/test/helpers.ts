/** Helpers for the engine's end-to-end tests: build submissions on disk and run the real CLI. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { GradeReport } from "../engine/results.ts";
import { environmentWithoutRunSettings, repoRoot } from "../kit/settings.ts";

/** A submission folder whose exercises/ starts as a copy of the stubs, with some files replaced. */
export function makeSubmission(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ztm-submission-"));
  cpSync(join(repoRoot, "exercises"), join(dir, "exercises"), { recursive: true });
  for (const [id, source] of Object.entries(files)) {
    const file = join(dir, "exercises", `${id}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
  }
  return dir;
}

export const solutionOf = (id: string) => readFileSync(join(repoRoot, "solutions", `${id}.ts`), "utf8");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  report?: GradeReport;
}

/** Runs `npm run grade -- …args` (without npm) in a clean environment; parses --json output. */
export function grade(args: string[], timeoutMs = 120_000, extraEnv: Record<string, string> = {}): CliRun {
  const jsonFile = join(mkdtempSync(join(tmpdir(), "ztm-json-")), "report.json");
  const env = environmentWithoutRunSettings();
  const run = spawnSync(process.execPath, ["grader/bin/grade.mjs", ...args, "--json", jsonFile], {
    cwd: repoRoot,
    env: { ...env, NO_COLOR: "1", ...extraEnv },
    encoding: "utf8",
    timeout: timeoutMs,
  });
  let report: GradeReport | undefined;
  try {
    report = JSON.parse(readFileSync(jsonFile, "utf8"));
  } catch {
    report = undefined;
  } finally {
    rmSync(dirname(jsonFile), { recursive: true, force: true });
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, report };
}
