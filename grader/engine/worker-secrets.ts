/**
 * Inside the sandbox (grader/sandbox/), the engine hands each grading worker its secrets through
 * a root-only file instead of the environment: the journal's HMAC key, the seed, and the
 * unprivileged user the worker becomes before it loads the learner's code (kit/sandboxed-worker.ts).
 * One user per exercise, so that one exercise's code cannot signal or starve another's.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SandboxSecrets {
  dir: string;
  /** Journal key per exercise id. */
  keys: Map<string, string>;
}

/** The first user id of this sandbox, when the engine runs inside one (set by grader/sandbox/). */
export function sandboxUidBase(): number | undefined {
  const raw = process.env.ZTM_SANDBOX_UID;
  return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

export function writeWorkerSecrets(ids: string[], seed: number, uidBase: number): SandboxSecrets {
  const dir = mkdtempSync(join(tmpdir(), "ztm-secrets-")); // mode 0700, owned by root
  const keys = new Map<string, string>();
  ids.forEach((id, i) => {
    const key = randomBytes(32).toString("hex");
    keys.set(id, key);
    const secrets = { key, seed, uid: uidBase + i, gid: uidBase + i };
    writeFileSync(join(dir, `${id.replace("/", "__")}.json`), JSON.stringify(secrets), { mode: 0o600 });
  });
  return { dir, keys };
}
