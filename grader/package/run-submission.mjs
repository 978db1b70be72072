// Gradescope's run_autograder, past its shell prologue: finds the exercise files in
// ROOT/submission (any upload layout, locate-exercises.mjs), grades them with the baked-in
// settings and writes ROOT/results/results.json. A submission with no exercise file gets a
// results.json that tells the student what to upload; a grader crash one that says so (details
// go to standard output, which only the instructor sees).
//   node grader/package/run-submission.mjs ROOT RUNS VISIBILITY [EXERCISE_ID ...]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { courseExerciseIds, locateExercises } from "../engine/formats/locate-exercises.mjs";

const source = fileURLToPath(new URL("../../", import.meta.url));
const [root, runs, visibility, ...selected] = process.argv.slice(2);
const ids = selected.length > 0 ? selected : courseExerciseIds(source);
const resultsFile = join(root, "results", "results.json");
mkdirSync(join(root, "results"), { recursive: true });

function studentMessage(output) {
  writeFileSync(resultsFile, `${JSON.stringify({ score: 0, output, output_format: "md", visibility: "visible", tests: [] }, null, 2)}\n`);
}

const stage = join(root, "work");
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const located = locateExercises(join(root, "submission"), ids, stage, join(source, "exercises"));
if (!located) {
  const names = ids.map((id) => `\`${basename(id)}.ts\``).join(", ");
  studentMessage(`**No exercise file was found in your submission**, so nothing could be graded.\n\nUpload ${names}: the files themselves, or the whole repository (its \`exercises/\` folder), or GitHub's "Download ZIP" of it.`);
} else {
  const seed = existsSync(join(source, "grading-seed")) ? ["--seed-file", join(source, "grading-seed")] : [];
  const args = [join(source, "grader/bin/grade.mjs"), ...ids, "--submission", located.dir, "--runs", runs, "--visibility", visibility, "--format", "gradescope", "--output", resultsFile, ...seed];
  rmSync(resultsFile, { force: true });
  const run = spawnSync("node", args, { cwd: source, stdio: "inherit", timeout: 3_600_000 });
  if (!existsSync(resultsFile)) {
    console.log(`grade.mjs exited with ${run.status ?? run.signal}`);
    studentMessage("The autograder could not grade this submission. Your instructor has the details; please tell them.");
  }
}
