/**
 * Reading a student's git repository without changing it: find the commit that counts for a
 * deadline, and export its exercises/ folder into a scratch folder with `git archive`. Nothing
 * here checks out, fetches, or writes inside the student's repository, and no hook or
 * repository-configured program runs (archive and rev-list do not touch the work tree).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Commit {
  hash: string;
  /** Committer date, ISO 8601 as git prints it. */
  time: string;
  timeMs: number;
}

export function isGitRepository(dir: string): boolean {
  return existsSync(join(dir, ".git"));
}

/** git with the student's environment and config kept out of it as far as possible. */
function git(repo: string, args: string[], input?: Buffer): Buffer {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("GIT_")));
  return execFileSync(
    "git",
    // safe.directory: the repository usually belongs to another user (a collected copy).
    ["-c", "safe.directory=*", "-c", "core.fsmonitor=false", "-C", repo, ...args],
    { env: { ...env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" }, input, maxBuffer: 256 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] },
  );
}

function describe(repo: string, rev: string): Commit {
  const [hash, time] = git(repo, ["show", "-s", "--format=%H %cI", rev, "--"]).toString().trim().split(" ") as [string, string];
  return { hash, time, timeMs: Date.parse(time) };
}

/** The last commit at or before the deadline (by committer date), or undefined when none. */
export function commitAtDeadline(repo: string, deadline: string): Commit | undefined {
  const hash = git(repo, ["rev-list", "-1", `--before=${deadline}`, "HEAD"]).toString().trim();
  return hash ? describe(repo, hash) : undefined;
}

/** The latest commit (HEAD). Throws when the repository has no commit. */
export function headCommit(repo: string): Commit {
  return describe(repo, "HEAD");
}

/**
 * Exports `commit:exercises/` into a new scratch folder and returns the folder (which then holds
 * exercises/, the shape gradeSubmission grades). Only exercises/ is exported: the student's own
 * grader/ or tests never reach the grading run.
 */
export function exportCommit(repo: string, commit: string): string {
  const scratch = mkdtempSync(join(tmpdir(), "ztm-cohort-snapshot-"));
  let archive: Buffer;
  try {
    archive = git(repo, ["archive", "--format=tar", commit, "--", "exercises"]);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`commit ${commit.slice(0, 12)} has no exercises/ folder${stderr ? ` (${stderr.split("\n")[0]})` : ""}`);
  }
  mkdirSync(scratch, { recursive: true });
  // --no-same-owner/permissions: the files are ours now; -P is never passed, so no absolute paths.
  const untar = spawnSync("tar", ["-x", "--no-same-owner", "--no-same-permissions", "-C", scratch], { input: archive });
  if (untar.status !== 0) throw new Error(`could not unpack commit ${commit.slice(0, 12)}: ${untar.stderr.toString().trim()}`);
  return scratch;
}
