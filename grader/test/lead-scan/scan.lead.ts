/**
 * One-off scan (issue 18), not part of `npm test`: learners grade with random seeds, so for every
 * mutant of the chosen chapters and every seed 1..LEAD_SCAN_SEEDS (default 10), is the mutant's
 * lead failure (kit/lead-failure.ts) the property it names? The self-test checks seed 1 only.
 *
 *   LEAD_SCAN=10 nice -n 10 npx vitest run --config grader/test/lead-scan/vitest.config.ts
 *
 * LEAD_SCAN: chapter prefixes (space-separated, "10 11"); LEAD_SCAN_ONLY: exercise ids or mutant
 * names to limit the scan to; LEAD_SCAN_SEEDS: how many seeds; LEAD_SCAN_OUT: a JSON report
 * (default: none, the console only); LEAD_SCAN_VERBOSE=1 prints every seed's failing properties;
 * LEAD_SCAN_FULL=1 shrinks every failing property (to check the shortcut below).
 *
 * Cheap where it can be: every property first runs verdict-only (stops at its first failing
 * run, no shrinking). Only when another property that can lead (not broad, or the named one is
 * broad too) also fails are the candidates shrunk, since the lead depends on the shrunk length.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { GraderDef } from "../../kit/define.ts";
import { leadFailure } from "../../kit/lead-failure.ts";
import { loadImplementation } from "../../kit/load.ts";
import type { MutantSet } from "../../kit/mutants.ts";
import type { PropertyOutcome } from "../../kit/outcome.ts";
import { runProperty } from "../../kit/run-property.ts";
import { repoRoot, type RunSettings } from "../../kit/settings.ts";
import { loadCourse, allExercises } from "../../manifest/load.ts";

const prefixes = (process.env.LEAD_SCAN ?? "").split(/\s+/).filter(Boolean);
const only = (process.env.LEAD_SCAN_ONLY ?? "").split(/\s+/).filter(Boolean);
const seeds = Array.from({ length: Number(process.env.LEAD_SCAN_SEEDS ?? 10) }, (_, i) => i + 1);

interface Miss {
  exercise: string;
  mutant: string;
  seed: number;
  lead: string;
  named: string;
  detail: string;
}

const describeOutcome = (o: PropertyOutcome) => `P${o.index}${o.broad ? " (broad)" : ""} [${o.failure?.steps.length ?? 0} steps]`;

test("every mutant leads with the property it names at every seed", async () => {
  const exercises = allExercises(loadCourse())
    .map(({ exercise }) => exercise.id)
    .filter((id) => prefixes.length === 0 || prefixes.some((p) => id.startsWith(p)));
  const misses: Miss[] = [];
  let mutantsScanned = 0;
  let mutantsClean = 0;
  for (const id of exercises) {
    const grader = (await import(join(repoRoot, "grader/suites", `${id}.test.ts`))).default as GraderDef;
    const set = (await import(join(repoRoot, "grader/mutants", `${id}.ts`))).default as MutantSet;
    for (const mutant of set.mutants) {
      if (only.length > 0 && !only.includes(id) && !only.includes(mutant.name)) continue;
      const started = Date.now();
      const named = grader.properties.find((p) => p.title === mutant.kills)!;
      const settings = (seed: number, verdictOnly: boolean): RunSettings => ({
        seed, runs: 100, timeoutMs: 20_000, budgetMs: 600_000, targetRoot: join(repoRoot, "solutions"), overrides: {}, mutant: mutant.name, verdictOnly,
      });
      const loaded = await loadImplementation(id, settings(1, true));
      if (!loaded.ok) throw new Error(loaded.reason);
      const run = (p: (typeof grader.properties)[number], s: RunSettings) => runProperty(p, loaded.module, s, loaded.file, loaded.mapStack);
      let clean = true;
      for (const seed of seeds) {
        const verdicts: PropertyOutcome[] = [];
        for (const p of grader.properties) verdicts.push(await run(p, settings(seed, true)));
        const namedVerdict = verdicts[named.index - 1];
        if (process.env.LEAD_SCAN_VERBOSE === "1") console.log(`  ${mutant.name} seed ${seed}: fail ${verdicts.filter((o) => o.status === "fail").map((o) => `P${o.index}`).join(" ")}`);
        // Properties whose failure could come before the named one's in lead order.
        // LEAD_SCAN_FULL=1 shrinks every failing property, to check this shortcut.
        const rivals = verdicts.filter((o) => o.status === "fail" && o.index !== named.index && (process.env.LEAD_SCAN_FULL === "1" || !o.broad || named.broad));
        if (namedVerdict.status === "fail" && rivals.length === 0) continue;
        let lead: PropertyOutcome | undefined;
        let outcomes: PropertyOutcome[] = [];
        if (namedVerdict.status === "fail") {
          for (const p of grader.properties.filter((p) => p.index === named.index || rivals.some((r) => r.index === p.index))) outcomes.push(await run(p, settings(seed, false)));
          lead = leadFailure(outcomes);
          if (lead?.title === named.title) continue;
        }
        clean = false;
        const miss = {
          exercise: id, mutant: mutant.name, seed, named: `P${named.index}`,
          lead: lead ? describeOutcome(lead) : `named P${named.index} passed`,
          detail: outcomes.filter((o) => o.status === "fail").map(describeOutcome).join(", ") + (lead?.failure ? ` | lead: ${lead.failure.summary}` : ""),
        };
        misses.push(miss);
        console.log(`MISS ${id} ${mutant.name} seed ${seed}: named P${named.index}, lead ${miss.lead} (${miss.detail})`);
      }
      mutantsScanned++;
      if (clean) mutantsClean++;
      console.log(`${clean ? "ok  " : "BAD "} ${id} ${mutant.name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  const summary = `${mutantsClean} of ${mutantsScanned} mutants lead with their property at all of seeds ${seeds[0]}-${seeds.at(-1)}`;
  console.log(summary);
  if (process.env.LEAD_SCAN_OUT) writeFileSync(process.env.LEAD_SCAN_OUT, JSON.stringify({ prefixes, seeds: seeds.length, mutantsScanned, mutantsClean, misses }, null, 2));
  expect(misses.map((m) => `${m.exercise} ${m.mutant} seed ${m.seed}: lead ${m.lead}`)).toEqual([]);
});
