/**
 * Which isolation this machine gives a grading run, and the command line that applies it.
 *
 * - "full" (Linux, root): prlimit caps, then unshare into new mount, network and PID namespaces,
 *   a minimal read-only root (enter-root.sh), and each exercise's worker switching to a user of
 *   its own before the learner's code loads (kit/sandboxed-worker.ts).
 * - "network" (Linux, not root, user namespaces allowed): `unshare -rn`: no network and the same
 *   caps, but the files and the results are NOT protected (the code runs as the caller).
 * - "none" (macOS, Windows, Linux without unshare): a child process with a wall-clock limit only.
 * docs/security.md says exactly what each one contains.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../kit/settings.ts";

export type IsolationLevel = "full" | "network" | "none";

export interface Limits {
  /** Writable memory per process, bytes (prlimit --data): a memory bomb fails to allocate.
   *  Not --as: WebAssembly (used by vite) reserves far more address space than it uses. */
  dataBytes: number;
  /** Processes and threads per user (prlimit --nproc): holds a fork bomb. Root is exempt, so
   *  this binds the learner's code only once its worker switched user ("full"). */
  processes: number;
  /** Largest file a process may write, bytes (prlimit --fsize). */
  fileBytes: number;
  openFiles: number;
}

export const DEFAULT_LIMITS: Limits = {
  dataBytes: 3 * 1024 ** 3, // Exercism's 3 GB
  processes: 64,
  fileBytes: 64 * 1024 ** 2,
  openFiles: 1024,
};

// By the repository's root, not import.meta.url: the CLI runs this file bundled elsewhere.
const enterRoot = join(repoRoot, "grader/sandbox/enter-root.sh");

function works(command: string, args: string[]): boolean {
  try {
    return spawnSync(command, args, { stdio: "ignore", timeout: 10_000 }).status === 0;
  } catch {
    return false;
  }
}

let detected: IsolationLevel | undefined;

/** Probes once per process: each level is used only if it actually works here. */
export function detectIsolation(): IsolationLevel {
  if (detected) return detected;
  detected = "none";
  if (process.platform === "linux" && works("prlimit", ["--version"])) {
    if (process.getuid?.() === 0 && works("unshare", ["--mount", "--net", "--pid", "--fork", "--kill-child", "chroot", "--version"])) detected = "full";
    else if (works("unshare", ["--map-root-user", "--net", "true"])) detected = "network";
  }
  return detected;
}

export const isolationWarning: Record<IsolationLevel, string | undefined> = {
  full: undefined,
  network:
    "WARNING: this submission was graded WITHOUT file and result isolation (not root): it had no network, " +
    "but it could read and write what your user can, and could forge its results. See docs/security.md.",
  none:
    "WARNING: this submission was graded WITHOUT ANY ISOLATION (no Linux namespaces here): it could use the " +
    "network, read and write your files, and forge its results. Grade untrusted code on Linux as root. See docs/security.md.",
};

function prlimitArgs(limits: Limits): string[] {
  return [
    `--data=${limits.dataBytes}`,
    `--nproc=${limits.processes}`,
    `--fsize=${limits.fileBytes}`,
    `--nofile=${limits.openFiles}`,
    "--core=0",
  ];
}

export interface SandboxCommand {
  command: string;
  args: string[];
}

/**
 * Wraps `node …nodeArgs` (run with `env` as its whole environment, from `cwd`) in `level`.
 * For "full", `scratch` must hold submission/, out/ and an empty root/ (see enter-root.sh).
 */
export function sandboxCommand(level: IsolationLevel, o: { scratch: string; repo: string; nodeArgs: string[]; env: Record<string, string>; limits: Limits }): SandboxCommand {
  const envArgs = Object.entries(o.env).map(([k, v]) => `${k}=${v}`);
  const node = ["/usr/bin/env", "-i", `--chdir=${o.repo}`, ...envArgs, process.execPath, ...o.nodeArgs];
  if (level === "full") {
    const unshare = ["unshare", "--mount", "--net", "--pid", "--fork", "--kill-child", "--propagation", "private"];
    return { command: "prlimit", args: [...prlimitArgs(o.limits), "--", ...unshare, "/bin/sh", enterRoot, o.scratch, o.repo, ...node] };
  }
  if (level === "network") {
    return { command: "prlimit", args: [...prlimitArgs(o.limits), "--", "unshare", "--map-root-user", "--net", ...node] };
  }
  return { command: process.execPath, args: o.nodeArgs };
}
