/**
 * The one resolver between graders and implementations. Every grader reaches the code it grades
 * through `loadImplementation(id)`, so the same property file grades exercises/, solutions/, a
 * submission's copy, or an in-repo mutant, depending only on the run's settings.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { LoadFailure, loadLearnerModule, type LoadedModule } from "./boundary/compartment.ts";
import type { MutantSet } from "./mutants.ts";
import { displayPath, implementationFile, requiredExports } from "./paths.ts";
import { repoRoot, type RunSettings } from "./settings.ts";

export { displayPath, implementationFile, requiredExports } from "./paths.ts";

export type Loaded<M> =
  | { ok: true; module: M; file: string; mapStack: (stack: string) => string }
  | { ok: false; reason: string; file: string };

/** For `--mutant NAME`: the mutant's source (the solution with the mutant's edits applied). */
async function mutantSource(id: string, name: string): Promise<{ source?: string; reason?: string }> {
  const { mutate } = await import("./mutants.ts");
  const set = (await import(pathToFileURL(join(repoRoot, "grader", "mutants", `${id}.ts`)).href)).default as MutantSet;
  const mutant = set.mutants.find((m) => m.name === name);
  if (!mutant) return { reason: `${id} has no mutant "${name}"; it has: ${set.mutants.map((m) => m.name).join(", ")}` };
  return { source: mutate(id, mutant) };
}

/**
 * Loads the implementation of exercise `id` behind the boundary (boundary/compartment.ts): the
 * learner's code runs in a compartment of its own and the grader gets a membrane view of its
 * exports. A file is read afresh on every load, so watch mode's warm worker sees each save.
 */
export async function loadImplementation<M>(id: string, settings: RunSettings): Promise<Loaded<M>> {
  let file = implementationFile(id, settings);
  let source: string | undefined;
  if (settings.mutant) {
    const mutant = await mutantSource(id, settings.mutant);
    if (mutant.source === undefined) return { ok: false, file, reason: mutant.reason! };
    file = join(repoRoot, "solutions", `${id}.ts`);
    source = mutant.source;
  }
  const shown = displayPath(file);
  if (source === undefined && !existsSync(file)) return { ok: false, file, reason: `${shown} does not exist` };
  let loaded: LoadedModule;
  try {
    loaded = await loadLearnerModule(file, [dirname(dirname(file))], source);
  } catch (error) {
    const reason = error instanceof LoadFailure ? error.message : String(error);
    return { ok: false, file, reason: `${shown} could not be loaded: ${reason}` };
  }
  const module = loaded.exports;
  const missing = requiredExports(id).filter((name) => module[name] === undefined);
  if (missing.length > 0) {
    return { ok: false, file, reason: `${shown} does not export ${missing.join(", ")}` };
  }
  return { ok: true, file, module: module as M, mapStack: loaded.mapStack };
}
