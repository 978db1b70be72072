// The work of bin/run.sh: finds the exercise's file in the solution (the course's layout, one
// top folder above it, or the bare file), grades it with `--format exercism`, and writes an
// "error" results.json when grading could not start. Paths in results are relative to INPUT_DIR.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const [slug, inputArg, outputArg] = process.argv.slice(2);
const input = resolve(inputArg);
const resultsFile = join(resolve(outputArg), "results.json");
rmSync(resultsFile, { force: true }); // never report a previous run
const writeError = (message) => writeFileSync(resultsFile, `${JSON.stringify({ version: 3, status: "error", message, tests: [] }, null, 2)}\n`);

const course = JSON.parse(readFileSync(join(root, "chapters", "course.json"), "utf8"));
const ids = course.chapters.flatMap((folder) =>
  JSON.parse(readFileSync(join(root, "chapters", folder, "chapter.json"), "utf8")).exercises.map((e) => e.id),
);
const matches = ids.filter((id) => id === slug || id.replace("/", "-") === slug || id.split("/")[1] === slug);

/** The files named `name` under `dir`, at most 3 folders down, skipping dependencies. */
function findFiles(dir, name, depth = 0) {
  if (depth > 3 || !existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return findFiles(path, name, depth + 1);
    return entry === name ? [path] : [];
  });
}

if (matches.length !== 1) {
  writeError(`"${slug}" is not an exercise of this track.`);
  process.exit(0);
}
const id = matches[0];
const found = findFiles(input, `${basename(id)}.ts`).sort((a, b) => Number(!a.endsWith(`exercises/${id}.ts`)) - Number(!b.endsWith(`exercises/${id}.ts`)));
if (found.length === 0) {
  writeError(`No ${basename(id)}.ts in the solution: submit the exercise's file, ${basename(id)}.ts.`);
  process.exit(0);
}
const stage = mkdtempSync(join(tmpdir(), "ztm-exercism-"));
try {
  // The file's own folder goes along: an exercise may import its siblings.
  mkdirSync(join(stage, "exercises", dirname(id)), { recursive: true });
  cpSync(dirname(found[0]), join(stage, "exercises", dirname(id)), { recursive: true, filter: (p) => !p.includes("node_modules") });
  cpSync(found[0], join(stage, "exercises", `${id}.ts`));
  const run = spawnSync("node", [join(root, "grader/bin/grade.mjs"), id, "--submission", stage, "--format", "exercism", "--output", resultsFile], { cwd: root, encoding: "utf8", timeout: 600_000 });
  if (!existsSync(resultsFile)) {
    writeError(`The grader could not run.\n${`${run.stderr ?? ""}`.split(stage).join("").slice(-2000)}`);
  } else {
    const text = readFileSync(resultsFile, "utf8").split(`exercises/${id}.ts`).join(relative(input, found[0]));
    writeFileSync(resultsFile, text.split(`${stage}/`).join(""));
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
