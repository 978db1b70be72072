/**
 * What a grading worker does before it runs a submission's code in a sandboxed run
 * (grader/sandbox/, docs/security.md). The learner's code runs in this same process, so anything
 * it must not touch is either taken away before it loads or checked from outside afterwards:
 *
 * - the journal key and the seed are read from a root-only file, then the worker switches to an
 *   unprivileged user of its own: the learner's code cannot read the key file, signal or read
 *   the engine (root), or touch another exercise's worker (another user);
 * - fast-check's objects are frozen, so `fc.check = …` or patching `Property.prototype.run`
 *   throws instead of turning failures into passes;
 * - `controlFails()` runs a property that must fail through the same fast-check: if it passes,
 *   the machinery was subverted and no pass of this worker is believed.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

export interface WorkerSecrets {
  /** HMAC key of this exercise's journal (hex). */
  key: string;
  seed: number;
  /** The unprivileged user and group this exercise's learner code runs as. */
  uid: number;
  gid: number;
}

/** `ZTM_SECRETS_DIR/<chapter>__<exercise>.json`, written by the engine; unset outside a sandbox. */
export function takeSecrets(exerciseId: string): WorkerSecrets | undefined {
  const dir = process.env.ZTM_SECRETS_DIR;
  if (!dir) return undefined;
  const file = join(dir, `${exerciseId.replace("/", "__")}.json`);
  const secrets = JSON.parse(readFileSync(file, "utf8")) as WorkerSecrets;
  rmSync(file, { force: true }); // read once: nothing later in this process needs it
  delete process.env.ZTM_SECRETS_DIR;
  return secrets;
}

/** Become `uid`/`gid` with no supplementary groups; root's capabilities are lost with it. */
export function dropPrivileges(secrets: WorkerSecrets): void {
  process.setgroups?.([]);
  process.setgid!(secrets.gid);
  process.setuid!(secrets.uid);
  if (process.getuid!() !== secrets.uid) throw new Error("could not drop privileges");
}

/** The globals as they were when this module loaded, before lockdown (boundary/realm.ts) put
 *  tamed stand-ins in place of some (Error, Date, …): fast-check's classes still extend the
 *  originals, and lockdown leaves those unfrozen on purpose (they hold `stackTraceLimit`). */
const globalsAtLoad = Object.getOwnPropertyNames(globalThis).map((name) => (globalThis as Record<string, unknown>)[name]);

/** The language's own objects (Error, Object.prototype, …): fast-check's classes extend some of
 *  them, and freezing those would break vitest and everyone else. */
function intrinsics(): Set<unknown> {
  const found = new Set<unknown>([Object.prototype, Function.prototype]);
  const names = Object.getOwnPropertyNames(globalThis);
  for (const value of [...names.map((name) => (globalThis as Record<string, unknown>)[name]), ...globalsAtLoad]) {
    if (typeof value === "function" || (typeof value === "object" && value !== null)) {
      found.add(value);
      found.add((value as { prototype?: unknown }).prototype);
    }
  }
  return found;
}

const isNative = (value: unknown) => typeof value === "function" && /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(value));

function freezeDeep(value: unknown, seen = intrinsics()): void {
  if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value) || isNative(value)) return;
  seen.add(value);
  Object.freeze(value);
  if (typeof value === "function" && value.prototype) freezeDeep(value.prototype, seen);
  let proto = Object.getPrototypeOf(value);
  while (proto && !seen.has(proto)) {
    freezeDeep(proto, seen);
    proto = Object.getPrototypeOf(proto);
  }
}

/** Freezes fast-check's exports, their classes, and the classes of the objects graders build. */
export function freezeFastCheck(): void {
  const seen = intrinsics();
  freezeDeep(fc, seen);
  for (const value of Object.values(fc)) freezeDeep(value, seen);
  const samples = [fc.property(fc.nat(), () => true), fc.asyncProperty(fc.nat(), async () => true), fc.nat()];
  for (const sample of samples) freezeDeep(Object.getPrototypeOf(sample), seen);
}

const resetGlobal = fc.resetConfigureGlobal;

/** Back to fast-check's defaults: the learner's code may have called `fc.configureGlobal`. */
export function resetFastCheckConfig(): void {
  resetGlobal();
}

/** True when fast-check still reports a property that fails on every input as failed. */
export async function controlFails(seed: number): Promise<boolean> {
  try {
    resetGlobal();
    const sync = fc.check(fc.property(fc.integer(), (n) => n !== n), { seed, numRuns: 3 });
    const async = await fc.check(fc.asyncProperty(fc.integer(), async (n) => { throw new Error(`control ${n}`); }), { seed, numRuns: 3 });
    return sync.failed === true && async.failed === true;
  } catch {
    return false;
  }
}
