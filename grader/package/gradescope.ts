/**
 * `npm run package:gradescope -- [--out FILE] [--seed N] [--runs N]`: builds the Gradescope
 * autograder zip. Gradescope unpacks it into /autograder/source, runs setup.sh once on its image
 * (Ubuntu) and run_autograder for every submission; run_autograder grades
 * /autograder/submission with our graders and writes /autograder/results/results.json.
 *
 * The zip holds what grading needs (package files and lockfile, tsconfig, chapters/ for the
 * manifest, exercises/ for the contracts' types, grader/ without its tests and mutants) and never
 * the reference solutions. A seed given here is baked in as a secret (grading-seed).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { zipSync, type Zippable } from "fflate";
import { writeAtomically } from "../kit/files.ts";
import { repoRoot } from "../kit/settings.ts";

const EXCLUDED = [/^solutions\//, /^grader\/test\//, /^grader\/mutants\//, /^docs\//, /^\.ci\//, /^\.github\//];

const setupSh = `#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
apt-get update
apt-get install -y ca-certificates curl gnupg
curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
apt-get install -y nodejs
cd /autograder/source
npm ci --no-audit --no-fund
`;

const runAutograder = (runs: number) => `#!/usr/bin/env bash
# Gradescope runs this for every submission. AUTOGRADER_ROOT exists for local testing only.
set -uo pipefail
root="\${AUTOGRADER_ROOT:-/autograder}"
cd "$root/source"
submission="$root/submission"
if [ ! -d "$submission/exercises" ]; then
  # The student uploaded the exercise folders themselves, not the whole repository.
  mkdir -p "$root/work" && rm -rf "$root/work/exercises" && cp -r "$submission" "$root/work/exercises"
  submission="$root/work"
fi
mkdir -p "$root/results"
seed=()
[ -f grading-seed ] && seed=(--seed-file grading-seed)
node grader/bin/grade.mjs --submission "$submission" --runs ${runs} --format gradescope \\
  --output "$root/results/results.json" "\${seed[@]}"
# Exit 0: the score is in results.json; a non-zero exit would make Gradescope report a crash.
exit 0
`;

function trackedFiles(): string[] {
  return execFileSync("git", ["ls-files"], { cwd: repoRoot, encoding: "utf8" }).split("\n").filter(Boolean);
}

export function buildAutograderZip(options: { seed?: number; runs: number }): Uint8Array {
  const executable = { os: 3, attrs: (0o100755 << 16) >>> 0 };
  const files: Zippable = {
    "setup.sh": [new TextEncoder().encode(setupSh), executable],
    run_autograder: [new TextEncoder().encode(runAutograder(options.runs)), executable],
  };
  for (const file of trackedFiles()) {
    if (EXCLUDED.some((pattern) => pattern.test(file))) continue;
    files[file] = readFileSync(join(repoRoot, file));
  }
  if (options.seed !== undefined) files["grading-seed"] = new TextEncoder().encode(`${options.seed}\n`);
  return zipSync(files, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string" }, seed: { type: "string" }, runs: { type: "string" } } });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const runs = values.runs === undefined ? 200 : Number(values.runs);
  if ((seed !== undefined && !Number.isSafeInteger(seed)) || !Number.isSafeInteger(runs) || runs < 1) {
    console.error("Usage: npm run package:gradescope -- [--out FILE] [--seed N] [--runs N]");
    return 2;
  }
  const out = values.out ?? "autograder.zip";
  writeAtomically(out, buildAutograderZip({ seed, runs }));
  console.log(`Wrote ${out}: upload it as the assignment's autograder on Gradescope (Ubuntu base image).`);
  return 0;
}
