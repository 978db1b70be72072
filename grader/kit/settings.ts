/**
 * The settings of one grading run, passed from the engine to the vitest workers through the
 * environment (forks inherit it). Every variable has a default, so a bare `vitest run` of a
 * grader file works too: it grades `exercises/` with a random seed.
 */
import { fileURLToPath } from "node:url";

/** The repository root (this file is grader/kit/settings.ts). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Most characters of a learner's console output that a grading keeps per exercise (the engine's
 *  report and the warm session's reply): the learner's console prints nothing past them. */
export const OUTPUT_LIMIT = 4000;

export interface RunSettings {
  /** fast-check seed shared by every property of the run. */
  seed: number;
  /** Runs per property, unless the property sets its own. */
  runs: number;
  /** Time limit of one property, in real milliseconds. */
  timeoutMs: number;
  /** Time budget of one exercise (all its properties), in real milliseconds. */
  budgetMs: number;
  /** Replay mode: grade only this property (1-based) … */
  onlyProperty?: number;
  /** … at this fast-check path. */
  path?: string;
  /** Folder holding `<chapter>/<exercise>.ts` files: exercises/, solutions/, or a submission's. */
  targetRoot: string;
  /** Exercise id -> file, taking precedence over targetRoot. */
  overrides: Record<string, string>;
  /** Grade this known-buggy variant (grader/mutants/<id>.ts) of the solution instead. */
  mutant?: string;
  /** Only whether a property fails matters (the self-test's extra mutant seeds): stop at the
   *  first failing run and do not shrink it. Never set for a learner, who needs the small case. */
  verdictOnly?: boolean;
  /** Where the kit appends each exercise's journal; unset in a bare vitest run. */
  journalDir?: string;
  /** Sandboxed run: root-only folder of each worker's seed, journal key and user (the seed is
   *  then not put in the environment, which the learner's code can read). */
  secretsDir?: string;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
}

export function readSettings(env = process.env): RunSettings {
  return {
    seed: int("ZTM_SEED", Math.floor(Math.random() * 2 ** 31)),
    runs: int("ZTM_RUNS", 100),
    timeoutMs: int("ZTM_TIMEOUT_MS", 10_000),
    budgetMs: int("ZTM_BUDGET_MS", 60_000),
    onlyProperty: env.ZTM_PROPERTY ? int("ZTM_PROPERTY", 0) : undefined,
    path: env.ZTM_PATH || undefined,
    targetRoot: env.ZTM_TARGET_ROOT || `${repoRoot}exercises`,
    overrides: env.ZTM_TARGET_OVERRIDES ? JSON.parse(env.ZTM_TARGET_OVERRIDES) : {},
    journalDir: env.ZTM_JOURNAL_DIR || undefined,
    mutant: env.ZTM_MUTANT || undefined,
  };
}

/** The environment that makes the workers read `settings` back. */
export function settingsToEnv(settings: RunSettings): Record<string, string> {
  const env: Record<string, string> = {
    ZTM_SELFTEST: "0", // graders register their tests, even when a self-test started this run
    ZTM_SEED: String(settings.seed),
    ZTM_RUNS: String(settings.runs),
    ZTM_TIMEOUT_MS: String(settings.timeoutMs),
    ZTM_BUDGET_MS: String(settings.budgetMs),
    ZTM_TARGET_ROOT: settings.targetRoot,
    ZTM_TARGET_OVERRIDES: JSON.stringify(settings.overrides),
  };
  if (settings.onlyProperty !== undefined) env.ZTM_PROPERTY = String(settings.onlyProperty);
  if (settings.path) env.ZTM_PATH = settings.path;
  if (settings.journalDir) env.ZTM_JOURNAL_DIR = settings.journalDir;
  if (settings.mutant) env.ZTM_MUTANT = settings.mutant;
  if (settings.secretsDir) {
    env.ZTM_SECRETS_DIR = settings.secretsDir;
    delete env.ZTM_SEED;
  }
  return env;
}

/**
 * This process's environment without any grading run's variables (ZTM_*, VITEST*). A child that
 * grades starts from it, so that no setting of ours (a self-test's ZTM_SELFTEST, a seed, a target)
 * reaches it by inheritance.
 */
export function environmentWithoutRunSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ZTM_") && !k.startsWith("VITEST")));
}
