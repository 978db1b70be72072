// The work of bin/run.sh: finds the exercise's file in the solution (locate-exercises.mjs),
// grades it with `--format exercism`, and writes an "error" results.json when it cannot. Paths in results are relative to INPUT_DIR.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { courseExerciseIds, locateExercises } from "../locate-exercises.mjs";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const [slug, inputArg, outputArg] = process.argv.slice(2);
const input = resolve(inputArg);
const resultsFile = join(resolve(outputArg), "results.json");
rmSync(resultsFile, { force: true }); // never report a previous run
const writeError = (message) => writeFileSync(resultsFile, `${JSON.stringify({ version: 3, status: "error", message, tests: [] }, null, 2)}\n`);

const matches = courseExerciseIds(root).filter((id) => id === slug || id.replace("/", "-") === slug || id.split("/")[1] === slug);

if (matches.length !== 1) {
  writeError(`"${slug}" is not an exercise of this track.`);
  process.exit(0);
}
const id = matches[0];
const stage = mkdtempSync(join(tmpdir(), "ztm-exercism-"));
try {
  const located = locateExercises(input, [id], stage, join(root, "exercises"));
  if (!located) writeError(`No ${basename(id)}.ts in the solution: submit the exercise's file, ${basename(id)}.ts.`);
  else grade(located);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function grade(located) {
  const found = located.found.get(id);
  const run = spawnSync("node", [join(root, "grader/bin/grade.mjs"), id, "--submission", located.dir, "--format", "exercism", "--output", resultsFile], { cwd: root, encoding: "utf8", timeout: 600_000 });
  if (!existsSync(resultsFile)) {
    writeError(`The grader could not run.\n${`${run.stderr ?? ""}`.split(stage).join("").slice(-2000)}`);
  } else {
    const text = readFileSync(resultsFile, "utf8").split(`exercises/${id}.ts`).join(relative(input, found));
    writeFileSync(resultsFile, text.split(`${stage}/`).join("").split(`${input}/`).join(""));
  }
}
