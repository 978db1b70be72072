/**
 * Mutants: known-buggy variants of a reference solution, each written as text edits on it.
 * Every grader property must reject at least one mutant, which proves it can fail.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { writeAtomically } from "./files.ts";
import { repoRoot } from "./settings.ts";

export interface Mutant {
  /** kebab-case, unique within the exercise: "evicts-most-recent". */
  name: string;
  /** The bug in plain words. */
  bug: string;
  /** Title of the property that must reject this mutant at every seed. */
  kills: string;
  /** [from, to] replacements on the solution; each `from` must occur exactly once. */
  edits: [from: string, to: string][];
}

export interface MutantSet {
  id: string;
  mutants: Mutant[];
}

export function defineMutants(id: string, mutants: Mutant[]): MutantSet {
  return { id, mutants };
}

/** The solution's source with the mutant's edits applied; throws if an edit does not apply once. */
export function mutate(id: string, mutant: Mutant): string {
  let source = readFileSync(join(repoRoot, "solutions", `${id}.ts`), "utf8");
  for (const [from, to] of mutant.edits) {
    const count = source.split(from).length - 1;
    if (count !== 1) {
      throw new Error(`mutant ${id}:${mutant.name}: ${JSON.stringify(from)} occurs ${count} times in the solution, expected once`);
    }
    source = source.replace(from, () => to);
  }
  return source;
}

/**
 * Writes the mutated source to a scratch file and returns its path. The path is shared by every
 * run that grades this mutant (two terminals, parallel self-tests), so the file is replaced
 * whole by a rename: rewriting it in place let another run import it half-written ("does not
 * export DnsCache", seen once while grading every mutant at three seeds, two runs at a time).
 */
export function materialize(id: string, mutant: Mutant, root = join(tmpdir(), "ztm-mutants")): string {
  const file = join(root, mutant.name, `${id}.ts`);
  mkdirSync(dirname(file), { recursive: true });
  writeAtomically(file, mutate(id, mutant));
  return file;
}
