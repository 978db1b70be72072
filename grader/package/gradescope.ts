/**
 * `npm run package:gradescope -- [ids or chapter prefixes …] [--out FILE] [--seed N] [--runs N]
 * [--visibility V]`: builds the Gradescope autograder zip. Gradescope unpacks it into
 * /autograder/source, runs setup.sh once on its image (Ubuntu) and run_autograder for every
 * submission; run_autograder (run-submission.mjs) finds the exercise files in
 * /autograder/submission and writes /autograder/results/results.json.
 *
 * The zip holds what grading needs (package files and lockfile, tsconfig, chapters/ for the
 * manifest, exercises/ for the contracts' types, grader/ without its tests and mutants) and never
 * the reference solutions. The seed is always baked in (grading-seed, root's alone: learner code
 * runs as other users): the one given, or a random one drawn now, so a regrade gives the same score.
 */
import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { zipSync, type Zippable } from "fflate";
import { VISIBILITIES, type Visibility } from "../engine/formats/index.ts";
import { selectExercises } from "../engine/select.ts";
import { UsageError } from "../engine/args.ts";
import { writeAtomically } from "../kit/files.ts";
import { repoRoot } from "../kit/settings.ts";
import { loadCourse } from "../manifest/load.ts";

const EXCLUDED = [/^solutions\//, /^grader\/test\//, /^grader\/mutants\//, /^docs\//, /^\.ci\//, /^\.github\//];

export const usage = `Usage: npm run package:gradescope -- [ids or chapter prefixes …] [options]

  ids                 the assignment's exercises: 06-cache/lru-cache, or a chapter prefix: 06
                      (default: every exercise); the score is out of these alone
  --out FILE          where to write the zip (default autograder.zip)
  --seed N            the secret grading seed (default: a random one, drawn now and baked in)
  --runs N            runs per property (default 200)
  --visibility V      test visibility: visible (default), hidden, after_due_date, after_published
  --help              this text`;

// Node's current LTS line (the project needs ≥ 20.19; 20 is past its end of life).
const setupSh = `#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
apt-get update
apt-get install -y ca-certificates curl gnupg
curl -fsSL https://deb.nodesource.com/setup_24.x | bash -
apt-get install -y nodejs
cd /autograder/source
npm ci --no-audit --no-fund
`;

const runAutograder = (runs: number, visibility: Visibility, ids: string[]) => `#!/usr/bin/env bash
# Gradescope runs this for every submission. AUTOGRADER_ROOT exists for local testing only.
set -uo pipefail
root="\${AUTOGRADER_ROOT:-/autograder}"
cd "$root/source"
# The secret seed is root's alone, whatever the unzip kept: learner code runs as other users.
chown 0:0 grading-seed 2>/dev/null
chmod 600 grading-seed
node grader/package/run-submission.mjs "$root" ${runs} ${visibility} ${ids.join(" ")}
# Exit 0: the score is in results.json; a non-zero exit would make Gradescope report a crash.
exit 0
`;

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files"], { cwd: repoRoot, encoding: "utf8" }).split("\n").filter(Boolean);
}

export interface ZipOptions {
  seed?: number;
  runs: number;
  visibility?: Visibility;
  /** The assignment's exercise ids (empty: all). */
  ids?: string[];
}

export function buildAutograderZip(options: ZipOptions): Uint8Array {
  const mode = (bits: number) => ({ os: 3, attrs: ((0o100000 | bits) << 16) >>> 0 });
  const text = (s: string) => new TextEncoder().encode(s);
  const seed = options.seed ?? randomInt(2 ** 31);
  const files: Zippable = {
    "setup.sh": [text(setupSh), mode(0o755)],
    run_autograder: [text(runAutograder(options.runs, options.visibility ?? "visible", options.ids ?? [])), mode(0o755)],
    "grading-seed": [text(`${seed}\n`), mode(0o600)],
  };
  for (const file of trackedFiles()) {
    if (EXCLUDED.some((pattern) => pattern.test(file))) continue;
    files[file] = readFileSync(join(repoRoot, file));
  }
  return zipSync(files, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
}

function integer(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} needs an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function parsePackageArgs(argv: string[]): ZipOptions & { out: string; help?: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: "string" }, seed: { type: "string" }, runs: { type: "string" }, visibility: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, out: "", runs: 0 };
  const visibility = (values.visibility ?? "visible") as Visibility;
  if (!VISIBILITIES.includes(visibility)) throw new UsageError(`--visibility must be one of ${VISIBILITIES.join(", ")}`);
  const ids = positionals.length === 0 ? [] : selectExercises(loadCourse(), positionals).map((e) => e.id);
  return { out: values.out ?? "autograder.zip", seed: integer("--seed", values.seed, Number.MIN_SAFE_INTEGER), runs: integer("--runs", values.runs, 1) ?? 200, visibility, ids };
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parsePackageArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    console.log(usage);
    return 0;
  }
  writeAtomically(options.out, buildAutograderZip(options));
  const scope = options.ids?.length ? `${options.ids.length} exercise(s): ${options.ids.join(", ")}` : "every exercise";
  console.log(`Wrote ${options.out} (${scope}; ${options.seed === undefined ? "a random secret seed, baked in" : "your seed, kept secret"}): upload it as the assignment's autograder on Gradescope (Ubuntu base image).`);
  return 0;
}
