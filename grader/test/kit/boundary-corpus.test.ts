/**
 * The boundary alone (grader/kit/boundary/), without the OS sandbox: every attack of the hostile
 * corpus that needs no watchdog is loaded the way any grading run loads code, and graded on
 * ttl-cache's properties in this process. Each must fail every property, with the reason that
 * names what stopped it, and the reference solution graded right after in the same process must
 * still pass everything: nothing an attack did reached the judge. The corpus in the full sandbox,
 * with the attacks that need the watchdog or the OS: grader/test/sandbox/hostile.test.ts.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { GraderDef } from "../../kit/define.ts";
import { loadImplementation } from "../../kit/load.ts";
import type { PropertyOutcome } from "../../kit/outcome.ts";
import { runProperty } from "../../kit/run-property.ts";
import { repoRoot, type RunSettings } from "../../kit/settings.ts";

const TTL = "06-cache/ttl-cache";
const hostileRoot = join(repoRoot, "grader/test/sandbox/hostile");
/** Attacks that only the engine around a grading worker answers: a blocked thread (the
 *  watchdog), a flood of output (the output cap), rejections nobody awaits (vitest's report). */
const ENGINE_ONLY = new Set(["loop-at-import", "loop-in-call", "memory-bomb", "atomics-wait", "keep-alive", "output-flood", "unhandled-rejection"]);

async function grade(targetRoot: string): Promise<{ reason?: string; outcomes: PropertyOutcome[] }> {
  const grader = (await import(join(repoRoot, "grader/suites", `${TTL}.test.ts`))).default as GraderDef;
  const settings: RunSettings = { seed: 5, runs: 20, timeoutMs: 2000, budgetMs: 60_000, targetRoot, overrides: {} };
  const loaded = await loadImplementation(TTL, settings);
  if (!loaded.ok) return { reason: loaded.reason, outcomes: [] };
  const outcomes: PropertyOutcome[] = [];
  for (const property of grader.properties) outcomes.push(await runProperty(property, loaded.module, settings, loaded.file, loaded.mapStack));
  return { outcomes };
}

describe("the boundary against the hostile corpus, in one process", () => {
  const attacks = readdirSync(hostileRoot).filter((attack) => !ENGINE_ONLY.has(attack));
  test.each(attacks)("%s earns nothing", async (attack) => {
    const { reason, outcomes } = await grade(join(hostileRoot, attack, "exercises"));
    const text = [reason ?? "", ...outcomes.map((o) => `${o.status} ${o.failure?.summary} ${o.failure?.actual ?? ""}`)].join("\n");
    expect(outcomes.filter((o) => o.status === "pass"), text).toEqual([]);
  });

  test("the reference solution still passes everything after every attack ran in this process", async () => {
    const { reason, outcomes } = await grade(join(repoRoot, "solutions"));
    expect(reason).toBeUndefined();
    expect(outcomes.filter((o) => o.status !== "pass")).toEqual([]);
  });
});
