/**
 * Where an exercise's implementation is, how to show its path, and what it must export. Apart
 * from load.ts so that the engine, which needs only these, does not load the boundary (SES,
 * esbuild) into its own process.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot, type RunSettings } from "./settings.ts";

/** The file that implements exercise `id` under these settings. */
export function implementationFile(id: string, settings: RunSettings): string {
  return settings.overrides[id] ?? join(settings.targetRoot, `${id}.ts`);
}

/**
 * A path as the learner would type it: relative to the repository when inside it. Inside the
 * sandbox the submission lives at the sandbox's own path: it is shown under the folder the user
 * named instead.
 */
export function displayPath(file: string): string {
  const { ZTM_SANDBOX_SUBMISSION: inside, ZTM_SUBMISSION_LABEL: label } = process.env;
  if (inside && label && file.startsWith(`${inside}/`)) return join(label, relative(inside, file));
  const rel = relative(repoRoot, file);
  return rel.startsWith("..") ? file : rel;
}

/** The exports the manifest requires of exercise `id` (chapters/<chapter>/chapter.json). */
export function requiredExports(id: string): string[] {
  const chapterFile = join(repoRoot, "chapters", id.split("/")[0], "chapter.json");
  const chapter = JSON.parse(readFileSync(chapterFile, "utf8")) as { exercises: { id: string; exports: string[] }[] };
  return chapter.exercises.find((exercise) => exercise.id === id)?.exports ?? [];
}
