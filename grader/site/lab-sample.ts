/**
 * `node grader/site/bin/lab-sample.mjs [--out FILE]`: regenerates the website's sample lab report
 * (grader/lab/sample-report.json, drawn by lab-page.ts) from a real run of the real CLI:
 *
 *   npm run course -- lab server-then-primary-dies --seed 42 --json FILE
 *
 * in a scratch learner home that tells a typical story. The learner has passed every chapter but
 * 09 and 12 (those stages are locked), with the reference solutions as their code, except that
 * after passing chapter 08 they "simplified" session-manager to keep sessions in each server's
 * own Map (the grader's mutant own-map): the lab, which runs the code as it is now, shows the
 * users logged out when a web server dies, and the check that names session-manager fails.
 * Run it again whenever the report's shape, the checks or the simulation change
 * (grader/test/lab/lab-sample.test.ts says when the sample is out of date).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PROGRESS_VERSION, type Progress } from "../course/progress-store.ts";
import { mutate } from "../kit/mutants.ts";
import { environmentWithoutRunSettings, repoRoot } from "../kit/settings.ts";
import { loadCourse } from "../manifest/load.ts";
import sessionMutants from "../mutants/08-stateless-web/session-manager.ts";
import { SAMPLE_REPORT } from "./lab-page.ts";

export const SAMPLE_RUN = { scenario: "server-then-primary-dies", seed: 42 } as const;
/** The chapters the sample learner has not passed yet. */
export const SAMPLE_LOCKED = ["09-data-centers", "12-sharding"];
const BUGGY = { id: "08-stateless-web/session-manager", mutant: "own-map" };

/** The sample learner's home: exercises/ and .progress.json. */
function makeSampleHome(): string {
  const home = mkdtempSync(join(tmpdir(), "ztm-lab-sample-"));
  cpSync(join(repoRoot, "exercises"), join(home, "exercises"), { recursive: true });
  const progress: Progress = { version: PROGRESS_VERSION, exercises: {}, quizzes: {} };
  for (const chapter of loadCourse().chapters) {
    if (SAMPLE_LOCKED.includes(chapter.id) || chapter.exercises.length === 0) continue;
    cpSync(join(repoRoot, "solutions", chapter.id), join(home, "exercises", chapter.id), { recursive: true });
    for (const e of chapter.exercises) progress.exercises[e.id] = { passed: true, passedAt: "2026-12-01T12:00:00.000Z" };
  }
  const mutant = sessionMutants.mutants.find((m) => m.name === BUGGY.mutant);
  if (!mutant) throw new Error(`no mutant ${BUGGY.mutant} of ${BUGGY.id}`);
  writeFileSync(join(home, "exercises", `${BUGGY.id}.ts`), mutate(BUGGY.id, mutant));
  writeFileSync(join(home, ".progress.json"), `${JSON.stringify(progress, null, 2)}\n`);
  return home;
}

export async function main(argv: string[]): Promise<number> {
  const outFlag = argv.indexOf("--out");
  if (argv.some((a, i) => a !== "--out" && i !== outFlag + 1) || (outFlag >= 0 && !argv[outFlag + 1])) {
    console.error("usage: node grader/site/bin/lab-sample.mjs [--out FILE]");
    return 2;
  }
  const out = outFlag >= 0 ? resolve(argv[outFlag + 1]!) : SAMPLE_REPORT;
  const home = makeSampleHome();
  try {
    const run = spawnSync(process.execPath, ["grader/bin/course.mjs", "lab", SAMPLE_RUN.scenario, "--seed", String(SAMPLE_RUN.seed), "--json", out], {
      cwd: repoRoot,
      env: { ...environmentWithoutRunSettings(), NO_COLOR: "1", ZTM_COURSE_HOME: home },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    process.stdout.write(run.stdout);
    // 1: a check failed, which is the sample's point; anything else is a broken run.
    if (run.status !== 1) {
      console.error(`lab-sample: the lab exited ${run.status}, expected 1 (the session check fails); ${out} may be stale`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
