/**
 * The lead failure reaches the learner: `broad` survives the journal (written by the kit, read
 * back as JSON) into the engine's results, and the human report shows the specific rule's failure
 * in full and points `Next:` at it, though a broad property failed earlier in file order.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { collectExercise } from "../../engine/collect.ts";
import { leadResult } from "../../engine/lead.ts";
import { renderExercise, renderReport } from "../../engine/report-human.ts";
import { openJournal, readJournal } from "../../kit/journal.ts";
import type { PropertyOutcome } from "../../kit/outcome.ts";
import type { ExerciseEntry } from "../../manifest/types.ts";

const entry = { id: "06-cache/lru-cache", title: "LRU cache", points: { default: 1 } } as unknown as ExerciseEntry;

const broadFailure: PropertyOutcome = {
  index: 1,
  title: "behaves like the model",
  status: "fail",
  broad: true,
  failure: { kind: "mismatch", summary: "cache.get(2) did not give the expected result", steps: ["cache.set(1, 1)", "cache.set(2, 2)", "cache.get(2)"], checked: "cache.get(2)", expected: "2", actual: "undefined", seed: 1, path: "0:1" },
};
const specificFailure: PropertyOutcome = {
  index: 3,
  title: "a hit makes the key most recently used",
  status: "fail",
  failure: { kind: "mismatch", summary: "cache.get(1) did not give the expected result", steps: ["cache.set(1, 1)", "cache.get(1)", "cache.set(2, 2)", "cache.set(3, 3)", "cache.get(1)"], checked: "cache.get(1)", expected: "1", actual: "undefined", seed: 1, path: "0:2" },
};

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function journalThroughDisk(outcomes: PropertyOutcome[]) {
  dir = mkdtempSync(join(tmpdir(), "ztm-lead-"));
  const file = join(dir, "journal.jsonl");
  const writer = openJournal(file);
  writer.append({ event: "plan", properties: [1, 2, 3].map((index) => ({ index, title: index === 1 ? broadFailure.title : index === 3 ? specificFailure.title : "get misses unknown keys" })) });
  writer.append({ event: "result", outcome: { index: 2, title: "get misses unknown keys", status: "pass" } });
  for (const outcome of outcomes) writer.append({ event: "result", outcome });
  return collectExercise(entry, { journal: readJournal(file), timeoutMs: 1000, file: "exercises/06-cache/lru-cache.ts", replay: (i, seed, path) => `npm run grade -- 06-cache/lru-cache --property ${i} --seed ${seed} --path ${path}` });
}

describe("the lead failure", () => {
  test("broad survives the journal into the engine's results", () => {
    const result = journalThroughDisk([broadFailure, specificFailure]);
    expect(result.properties.map((p) => p.broad)).toEqual([true, undefined, undefined]);
    expect(leadResult(result.properties)?.index).toBe(3);
  });

  test("without broad, the shorter scenario leads", () => {
    const result = journalThroughDisk([{ ...broadFailure, broad: undefined }, specificFailure]);
    expect(leadResult(result.properties)?.index).toBe(1);
  });

  test("the report lists in file order, shows the lead failure in full and points Next: at it", () => {
    const result = journalThroughDisk([broadFailure, specificFailure]);
    const lines = renderExercise(result, "exercises/06-cache/lru-cache.ts");
    const text = lines.join("\n");
    expect(text.indexOf("1. behaves like the model")).toBeLessThan(text.indexOf("3. a hit makes"));
    expect(text).toContain("shown in full: property 3");
    expect(text.match(/Smallest failing scenario:/g)).toHaveLength(1);
    expect(text.slice(text.indexOf("3. a hit makes"))).toContain("Smallest failing scenario:");
    expect(text).toContain("--property 1 --seed 1 --path 0:1"); // the other failure keeps its replay
    const report = renderReport({ version: 1, seed: 1, runs: 100, submission: "exercises", score: result.score, maxScore: result.maxScore, exercises: [result] }, new Map([[entry.id, "exercises/06-cache/lru-cache.ts"]]), (id) => `npm run grade -- ${id}`);
    expect(report).toContain(`Next: make "${specificFailure.title}" pass`);
  });
});

describe("a single-property replay", () => {
  const replayed = () => {
    const result = journalThroughDisk([specificFailure]);
    result.properties = result.properties.filter((p) => p.index === 3);
    return { version: 1, seed: 1, runs: 100, submission: "exercises", score: 0, maxScore: 1, exercises: [result] };
  };
  const files = new Map([[entry.id, "exercises/06-cache/lru-cache.ts"]]);

  test("with --path it says it made one run, the failing case, and scores nothing", () => {
    const text = renderReport(replayed(), files, (id) => `npm run grade -- ${id}`, undefined, { property: 3, path: "0:2" });
    expect(text).toContain("replayed 1 run: the failing case");
    expect(text).toContain("replay — not scored");
    expect(text).not.toMatch(/Score \d|0\/1|\(0\/1\)/);
    expect(text).toContain("Replaying property 3 · seed 1 · path 0:2");
  });

  test("without --path it counts the runs up to the failure", () => {
    const report = replayed();
    report.exercises[0].properties[0].failure!.numRuns = 7;
    const text = renderReport(report, files, (id) => `npm run grade -- ${id}`, undefined, { property: 3 });
    expect(text).toContain("replayed 7 runs, up to the failing case");
  });

  test("a full grade still scores", () => {
    expect(renderReport(replayed(), files, (id) => `npm run grade -- ${id}`)).toContain("Score 0/1");
  });
});
