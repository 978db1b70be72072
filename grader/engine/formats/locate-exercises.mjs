// Finds a learner's exercise files in the layouts people upload: the course's own (exercises/
// at the top), GitHub's "Download ZIP" (one folder above that), or the bare files
// (lru-cache.ts, or 06-cache/lru-cache.ts). Used by the Gradescope and Exercism runners.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const ignored = (entry) => entry.startsWith(".") || entry === "__MACOSX" || entry === "node_modules";

/** Files named `name` under `dir`, at most `depth` folders down. */
function findFiles(dir, name, depth = 4) {
  if (depth < 0 || !existsSync(dir)) return [];
  return readdirSync(dir).filter((e) => !ignored(e)).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return findFiles(path, name, depth - 1);
    return entry === name ? [path] : [];
  });
}

/**
 * Where the submission in `input` keeps exercises `ids`: { dir } to grade as `--submission dir`,
 * with `found` (id → file as uploaded); a bare upload is laid out in `stage` over the course's
 * stubs in `stubs` (so its other files still type-check). Null when no exercise file is there.
 */
export function locateExercises(input, ids, stage, stubs) {
  const entries = existsSync(input) ? readdirSync(input).filter((e) => !ignored(e)) : [];
  const single = entries.length === 1 && statSync(join(input, entries[0])).isDirectory() ? join(input, entries[0]) : undefined;
  for (const dir of [input, single].filter(Boolean)) {
    if (existsSync(join(dir, "exercises"))) {
      const found = new Map(ids.filter((id) => existsSync(join(dir, "exercises", `${id}.ts`))).map((id) => [id, join(dir, "exercises", `${id}.ts`)]));
      if (found.size > 0) return { dir, found };
    }
  }
  const found = new Map();
  for (const id of ids) {
    const files = findFiles(input, `${basename(id)}.ts`);
    const best = files.find((f) => f.endsWith(`/${id}.ts`)) ?? files[0];
    if (best) found.set(id, best);
  }
  if (found.size === 0) return null;
  cpSync(stubs, join(stage, "exercises"), { recursive: true });
  for (const [id, file] of found) {
    mkdirSync(join(stage, "exercises", dirname(id)), { recursive: true });
    cpSync(file, join(stage, "exercises", `${id}.ts`));
  }
  return { dir: stage, found };
}

/** Every exercise id of the course under `root`, in course order (chapters/course.json). */
export function courseExerciseIds(root) {
  const course = JSON.parse(readFileSync(join(root, "chapters", "course.json"), "utf8"));
  return course.chapters.flatMap((folder) => JSON.parse(readFileSync(join(root, "chapters", folder, "chapter.json"), "utf8")).exercises.map((e) => e.id));
}
