/**
 * A synthetic cohort on disk, built from the repository's stubs and solutions: folders and real
 * git repositories (commits dated with GIT_COMMITTER_DATE), good, partial, broken, hanging,
 * crashing and late submissions, and a roster with bad rows. Its builders also make the cohort
 * of `npm run bench` (grader/bench/cohort-rate.ts).
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../../kit/settings.ts";

export const TTL = "06-cache/ttl-cache";
export const PLAN = "03-scaling/capacity-plan";
export const PLAN_DEADLINE = "2025-03-03T23:59:00+01:00";
export const TTL_DEADLINE = "2025-03-10T23:59:00+01:00";
export const SECRET_SEED = 918273645;
/** Two assignments of one exercise each, with their deadlines (the bench's cohort uses them too). */
export const ASSIGNMENTS = [
  { name: "Week 3: capacity", exercises: [PLAN], deadline: PLAN_DEADLINE },
  { name: "Week 6: caching", exercises: [TTL], deadline: TTL_DEADLINE },
];

export const solution = (id: string) => readFileSync(join(repoRoot, "solutions", `${id}.ts`), "utf8");
export const stub = (id: string) => readFileSync(join(repoRoot, "exercises", `${id}.ts`), "utf8");

/** Writes exercises/ as a copy of the stubs with some files replaced. */
export function writeExercises(dir: string, files: Record<string, string>): void {
  cpSync(join(repoRoot, "exercises"), join(dir, "exercises"), { recursive: true });
  for (const [id, source] of Object.entries(files)) {
    const file = join(dir, "exercises", `${id}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
  }
}

function gitCommit(dir: string, date: string, message: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "Student", GIT_AUTHOR_EMAIL: "s@example.edu", GIT_COMMITTER_NAME: "Student", GIT_COMMITTER_EMAIL: "s@example.edu" };
  execFileSync("git", ["add", "-A"], { cwd: dir, env });
  execFileSync("git", ["commit", "-q", "--no-gpg-sign", "-m", message], { cwd: dir, env });
}

/** A git repository whose commits each replace some files: [date, files][]. */
export function gitRepo(dir: string, commits: [string, Record<string, string>][]): void {
  mkdirSync(dir, { recursive: true });
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  commits.forEach(([date, files], i) => {
    writeExercises(dir, files);
    // A student's own grader/ must never be used: make it obviously wrong.
    mkdirSync(join(dir, "grader", "suites"), { recursive: true });
    writeFileSync(join(dir, "grader", "suites", "evil.test.ts"), "throw new Error('student grader ran');\n");
    gitCommit(dir, date, `commit ${i + 1}`);
  });
}

export interface Fixture {
  root: string;
  cohortFile: string;
  rosterFile: string;
  /** Valid roster rows, in order. */
  ids: string[];
}

export function buildCohort(): Fixture {
  const root = mkdtempSync(join(tmpdir(), "ztm-cohort-fixture-"));
  const sub = (id: string) => join(root, "submissions", id);
  const full = { [TTL]: solution(TTL), [PLAN]: solution(PLAN) };
  const ttlBug = solution(TTL).replace("if (Date.now() >= entry.expiresAt) return undefined;", "if (Date.now() > entry.expiresAt) return undefined;");
  if (ttlBug === solution(TTL)) throw new Error("fixture: the expiry mutation no longer applies to the ttl-cache solution");
  const folders: Record<string, Record<string, string>> = {
    full: full,
    stubs: {},
    partial: { [TTL]: ttlBug, [PLAN]: solution(PLAN) },
    syntax: { [TTL]: `${solution(TTL)}\nexport const broken = ;\n`, [PLAN]: solution(PLAN) },
    // An endless loop in a method: the property watchdog fails those properties, the rest grades.
    loop: { [TTL]: solution(TTL).replace(/(\n  get\([^)]*\)[^{]*\{)/, "$1\n    for (;;) {}"), [PLAN]: solution(PLAN) },
    // Kills the grading process itself: no report at all, so this student must be an error row.
    crash: { [TTL]: solution(TTL), [PLAN]: `process.kill(process.ppid, "SIGKILL");\nprocess.kill(process.pid, "SIGKILL");\n${solution(PLAN)}` },
  };
  if (!folders.loop![TTL]!.includes("for (;;) {}")) throw new Error("fixture: could not insert the endless loop");
  for (const [id, files] of Object.entries(folders)) {
    mkdirSync(sub(id), { recursive: true });
    writeExercises(sub(id), files);
  }
  // Per assignment, the better attempt counts. On time (1 March): the plan solved, the cache a
  // stub. Two days after the cache's deadline (12 March): the cache solved, the plan back to its
  // stub. The cache's late attempt wins (20% off 8 beats 0); the plan's worse late attempt never
  // lowers its grade (the on-time 6 stays); both commits count. One repository, two gradings,
  // for what a late-wins and a late-is-worse repository took four gradings to show.
  gitRepo(sub("git-late"), [["2025-03-01T10:00:00+01:00", { [PLAN]: solution(PLAN) }], ["2025-03-12T10:00:00+01:00", { [TTL]: solution(TTL) }]]);
  // Only a commit after both deadlines: graded late, half the points at most (the cap).
  gitRepo(sub("git-only-late"), [["2025-03-20T10:00:00+01:00", full]]);
  const rows = [
    "student_id,name,email,submission",
    "full,Ada Full,ada@example.edu,submissions/full",
    "stubs,\"Stub, Sam\",sam@example.edu,submissions/stubs",
    "partial,Pat Partial,pat@example.edu,submissions/partial",
    // A name that a spreadsheet would run as a formula, on a student graded anyway (its own row
    // pointing at submissions/full again would only grade that folder a second time).
    "syntax,\"=HYPERLINK(\"\"x\"\")\",syd@example.edu,submissions/syntax",
    "missing-path,Mo Missing,mo@example.edu,submissions/nowhere",
    "loop,Lou Loop,lou@example.edu,submissions/loop",
    "crash,Cass Crash,cass@example.edu,submissions/crash",
    "full,Dup Licate,dup@example.edu,submissions/full",
    "bad-csv,\"Unbalanced\"x,bad@example.edu,submissions/full",
    "git-late,Lara Late,lara@example.edu,submissions/git-late",
    "three,fields,only",
    "git-only-late,Olly Onlylate,olly@example.edu,submissions/git-only-late",
  ];
  const rosterFile = join(root, "roster.csv");
  writeFileSync(rosterFile, `${rows.join("\n")}\n`);
  const cohortFile = join(root, "cohort.json");
  writeFileSync(
    cohortFile,
    JSON.stringify({
      version: 1,
      name: "Synthetic cohort",
      assignments: ASSIGNMENTS,
      latePolicy: { gradeLate: true, percentPerDay: 10, maxPercent: 50, graceMinutes: 0 },
      secretSeed: SECRET_SEED,
      runs: 20,
      timeoutMs: 4000,
      wallSeconds: 90,
    }),
  );
  return { root, cohortFile, rosterFile, ids: ["full", "stubs", "partial", "syntax", "loop", "crash", "git-late", "git-only-late"] };
}
