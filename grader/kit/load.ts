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

/**
 * One line that says why an import failed. For a syntax error the transformer's message is a
 * header ("Transform failed with 1 error:") and a framed excerpt in colour; the learner needs the
 * problem and its position: "SyntaxError: Expected `)` but found `EOF` (line 3, column 3)".
 */
function firstLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const lines = error.message.replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((line) => line.trim() !== "");
  if (!/^Transform failed/.test(lines[0] ?? "")) return `${error.name}: ${lines[0] ?? ""}`;
  // oxc (Vite 8): "[PARSE_ERROR] problem" then "╭─[ file:3:3 ]"; esbuild: "file:3:3: ERROR: problem".
  const problem = lines.find((line) => /\[[A-Z_]+\]|: ERROR: /.test(line))?.replace(/^.*(\[[A-Z_]+\]|: ERROR:)\s*/, "");
  const at = lines.map((line) => line.match(/:(\d+):(\d+)\b/)).find(Boolean);
  return `SyntaxError: ${problem ?? lines[1] ?? lines[0]}${at ? ` (line ${at[1]}, column ${at[2]})` : ""}`;
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
