/**
 * The one resolver between graders and implementations. Every grader reaches the code it grades
 * through `loadImplementation(id)`, so the same property file grades exercises/, solutions/, a
 * submission's copy, or an in-repo mutant, depending only on the run's settings.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { MutantSet } from "./mutants.ts";
import { repoRoot, type RunSettings } from "./settings.ts";

export type Loaded<M> = { ok: true; module: M; file: string } | { ok: false; reason: string; file: string };

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

function firstLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.split("\n").find((line) => line.trim() !== "") ?? "";
  return `${error.name}: ${message}`;
}

/** For `--mutant NAME`: writes that mutant of the solution to a scratch file and returns it. */
async function mutantFile(id: string, name: string): Promise<{ file?: string; reason?: string }> {
  const { materialize } = await import("./mutants.ts");
  const set = (await import(pathToFileURL(join(repoRoot, "grader", "mutants", `${id}.ts`)).href)).default as MutantSet;
  const mutant = set.mutants.find((m) => m.name === name);
  if (!mutant) return { reason: `${id} has no mutant "${name}"; it has: ${set.mutants.map((m) => m.name).join(", ")}` };
  return { file: materialize(id, mutant) };
}

/**
 * Imports the implementation of exercise `id`. `fresh` (watch mode's warm worker) is added to the
 * module's URL so that a process that imported an earlier version of the file gets the new text.
 */
export async function loadImplementation<M>(id: string, settings: RunSettings, fresh?: string): Promise<Loaded<M>> {
  let file = implementationFile(id, settings);
  if (settings.mutant) {
    const mutant = await mutantFile(id, settings.mutant);
    if (!mutant.file) return { ok: false, file, reason: mutant.reason! };
    file = mutant.file;
  }
  const shown = displayPath(file);
  if (!existsSync(file)) return { ok: false, file, reason: `${shown} does not exist` };
  let module: Record<string, unknown>;
  try {
    const url = pathToFileURL(file).href + (fresh ? `?v=${encodeURIComponent(fresh)}` : "");
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, file, reason: `${shown} could not be loaded: ${firstLine(error)}` };
  }
  const missing = requiredExports(id).filter((name) => module[name] === undefined);
  if (missing.length > 0) {
    return { ok: false, file, reason: `${shown} does not export ${missing.join(", ")}` };
  }
  return { ok: true, file, module: module as M };
}
