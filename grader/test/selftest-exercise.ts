/**
 * The self-test of an exercise's grader: the reference solution passes every
 * property at 20 seeds, the untouched stub fails every property, every mutant is rejected by the
 * property it names at every mutant seed, and every property is proven by at least one mutant.
 * It also prints the mutant × property matrix (at one seed; broad properties only for mutants
 * that name one) so that a reviewer sees what bites.
 *
 * Graders are imported with ZTM_SELFTEST=1 (set in grader/vitest.selftest.config.ts), so they
 * register no vitest tests of their own; this file drives their definitions directly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import type { GraderDef } from "../kit/define.ts";
import { failuresInLeadOrder, leadFailure } from "../kit/lead-failure.ts";
import { loadImplementation } from "../kit/load.ts";
import { mutate, type MutantSet } from "../kit/mutants.ts";
import type { PropertyOutcome } from "../kit/outcome.ts";
import { runProperty } from "../kit/run-property.ts";
import { repoRoot, type RunSettings } from "../kit/settings.ts";
import { loadChapter } from "../manifest/load.ts";

export const SOLUTION_SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + 7919 * i);
export const MUTANT_SEEDS = [1, 2, 3, 4, 5];

function settingsFor(targetRoot: string, seed: number, overrides: Record<string, string> = {}): RunSettings {
  return { seed, runs: 100, timeoutMs: 20_000, budgetMs: 600_000, targetRoot, overrides };
}

type Implementation = Extract<Awaited<ReturnType<typeof loadImplementation>>, { ok: true }>;

/**
 * Loads once what several seeds grade, as a grading run does (one load, every property): the
 * seed changes fast-check's inputs, not the module, and a load (esbuild, then a compartment)
 * costs 50–120 ms, which over 20 solution seeds and 5 mutant seeds was a sixth of the suite.
 */
async function load(grader: GraderDef, settings: RunSettings): Promise<Implementation> {
  const loaded = await loadImplementation(grader.id, settings);
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded;
}

/** The outcome of every property, or `undefined` for a property `skip` leaves out. */
async function grade(
  grader: GraderDef, settings: RunSettings, loaded?: Implementation, skip: (property: GraderDef["properties"][number]) => boolean = () => false,
): Promise<(PropertyOutcome | undefined)[]> {
  loaded ??= await load(grader, settings);
  const outcomes: (PropertyOutcome | undefined)[] = [];
  for (const property of grader.properties) {
    outcomes.push(skip(property) ? undefined : await runProperty(property, loaded.module, settings, loaded.file, loaded.mapStack));
  }
  return outcomes;
}

function failureText(outcome: PropertyOutcome): string {
  const f = outcome.failure;
  return `${outcome.title}: ${f?.summary} ${f?.expected ?? ""} / ${f?.actual ?? f?.error ?? ""} (seed ${f?.seed}, path ${f?.path})`;
}

/** The self-test of one exercise, e.g. "06-cache/lru-cache": one file per exercise under
 *  grader/test/chapters/<chapter>/, so that the workers of `npm test` share a chapter's exercises. */
export async function selftestExercise(exerciseId: string): Promise<void> {
  const chapterId = exerciseId.split("/")[0]!;
  const exercise = loadChapter(chapterId).exercises.find((e) => e.id === exerciseId);
  if (!exercise) throw new Error(`no exercise ${exerciseId} in chapters/${chapterId}/chapter.json`);
  const grader = (await import(join(repoRoot, "grader/suites", `${exercise.id}.test.ts`))).default as GraderDef;
  const mutantSet = (await import(join(repoRoot, "grader/mutants", `${exercise.id}.ts`))).default as MutantSet;
  const titles = grader.properties.map((p) => p.title);
  const matrix = new Map<string, (PropertyOutcome | undefined)[]>();

  describe(exercise.id, () => {
    test("the grader and its mutants name the exercise, and point overrides name real properties", () => {
      expect(grader.id).toBe(exercise.id);
      expect(mutantSet.id).toBe(exercise.id);
      expect(titles.length).toBeGreaterThan(0);
      for (const title of Object.keys(exercise.points.overrides ?? {})) expect(titles).toContain(title);
      // fc.commands without the kit's replayPath cannot be replayed with --path.
      const source = readFileSync(join(repoRoot, "grader/suites", `${exercise.id}.test.ts`), "utf8");
      expect(source, "use the kit's commands() instead of fc.commands()").not.toContain("fc.commands(");
    });

    test("the solution passes every property at 20 seeds", async () => {
      const solution = await load(grader, settingsFor(join(repoRoot, "solutions"), SOLUTION_SEEDS[0]));
      // A fixed-input property (PropertyOptions.fixedInput) makes one run whose input is the same
      // at every seed, so it runs at the first seed only: the other nineteen would repeat that run.
      // Checked here: one run, and the same generated input at every seed.
      const fixed = grader.properties.filter((p) => p.fixedInput === true);
      for (const property of fixed) {
        expect(property.runs, `"${property.title}" is fixedInput, so it makes one run`).toBe(1);
        const inputs = SOLUTION_SEEDS.map((seed) => fc.stringify(fc.sample(property.make(solution.module), { seed, numRuns: 1 })));
        expect(new Set(inputs).size, `"${property.title}" is fixedInput, so its input is the same at every seed`).toBe(1);
      }
      for (const [i, seed] of SOLUTION_SEEDS.entries()) {
        const outcomes = await grade(grader, settingsFor(join(repoRoot, "solutions"), seed), solution, (p) => i > 0 && fixed.includes(p));
        const failed = outcomes.filter((o): o is PropertyOutcome => o !== undefined && o.status !== "pass");
        expect(failed.map(failureText), `seed ${seed}`).toEqual([]);
      }
    });

    test("the untouched stub fails every property", async () => {
      const outcomes = await grade(grader, settingsFor(join(repoRoot, "exercises"), 1));
      expect(outcomes.filter((o) => o!.status === "pass").map((o) => o!.title)).toEqual([]);
    });

    test("every property is proven by at least one mutant that names it", () => {
      const proven = new Set(mutantSet.mutants.map((m) => m.kills));
      expect(titles.filter((title) => !proven.has(title))).toEqual([]);
      expect([...proven].filter((title) => !titles.includes(title)), "mutants naming unknown properties").toEqual([]);
    });

    for (const mutant of mutantSet.mutants) {
      test(`mutant "${mutant.name}" (${mutant.bug}) is rejected by its property at every seed`, async () => {
        mutate(exercise.id, mutant); // throws when an edit no longer applies exactly once
        const target = grader.properties.find((p) => p.title === mutant.kills);
        expect(target, `property "${mutant.kills}"`).toBeDefined();
        // The mutant is loaded from its source in memory (kit/load.ts): no scratch file is written.
        const mutantSettings = (seed: number): RunSettings => ({ ...settingsFor(join(repoRoot, "solutions"), seed), mutant: mutant.name });
        // Seed 1: which properties reject the mutant (the matrix below), then the lead. A broad
        // property never leads over a specific one (kit/lead-failure.ts), so it runs only when the
        // mutant names a broad property; the broad ones are the model-based sequences whose runs
        // and shrinking cost the most.
        const [first, ...others] = MUTANT_SEEDS;
        const loaded = await load(grader, mutantSettings(first));
        const run = (property: GraderDef["properties"][number], settings: RunSettings) =>
          runProperty(property, loaded.module, settings, loaded.file, loaded.mapStack);
        // Verdicts first: each property stops at its first failing run, without shrinking. A
        // verdict is the full run's (same seed, same inputs, up to the first failure).
        const verdicts = await grade(grader, { ...mutantSettings(first), verdictOnly: true }, loaded, (p) => p.broad === true && !target!.broad);
        matrix.set(mutant.name, verdicts);
        expect(verdicts[target!.index - 1]!.status, `seed ${first}: "${mutant.kills}" accepted the mutant`).toBe("fail");
        // The lead depends on the shrunk scenarios' lengths, so only when another property that
        // could lead also fails are the named one and its rivals shrunk, as a learner sees them
        // (the same shortcut as the lead scan, grader/test/lead-scan/). Alone, the named one leads.
        const rivals = grader.properties.filter((p) => p !== target && verdicts[p.index - 1]?.status === "fail");
        const shrunk: PropertyOutcome[] = [];
        for (const property of rivals.length > 0 ? [target!, ...rivals] : []) shrunk.push(await run(property, mutantSettings(first)));
        // Other seeds: only whether the named property fails, so it stops at the first failing
        // run without shrinking (verdictOnly), which is most of a mutant's cost.
        for (const seed of others) {
          const outcome = await run(target!, { ...mutantSettings(seed), verdictOnly: true });
          expect(outcome.status, `seed ${seed}: "${mutant.kills}" accepted the mutant`).toBe("fail");
        }
        // The mutant's lead failure names its rule (grader/rules/). Checked at seed 1 here; the
        // one-off scan grader/test/lead-scan/ checks seeds 1-10 (too slow for npm test).
        const order = failuresInLeadOrder(shrunk).map((o) => `P${o.index}${o.broad ? " (broad)" : ""} ${o.title} [${o.failure?.steps.length ?? 0} steps]`);
        expect(rivals.length === 0 ? mutant.kills : leadFailure(shrunk)?.title, `seed 1: failures in lead order:\n  ${order.join("\n  ")}`).toBe(mutant.kills);
      });
    }

    afterAll(() => {
      const header = titles.map((_, i) => `P${i + 1}`).join(" ");
      const rows = [...matrix].map(([name, outcomes]) =>
        `${name.padEnd(32)} ${outcomes.map((o) => (o === undefined ? " – " : o.status === "fail" ? " ✗ " : " · ")).join("")}`,
      );
      const legend = titles.map((t, i) => `  P${i + 1} ${t}`);
      console.log([`${exercise.id}: mutant × property at seed 1 (✗ = rejected, – = broad, not run)`, `${"".padEnd(32)} ${header}`, ...rows, ...legend].join("\n"));
    });
  });
}
