/**
 * The lab reflects the learner's code: for each of the twelve chapters, one of the graders' own
 * mutants of a component of that chapter, put into an otherwise reference system, makes a check
 * of that chapter fail with a message that names the component; the same run with the reference
 * component passes that check. Each run is cheap: only the checked run, at a coarser scale
 * (`checksOnly`), so the whole file stays within a few tens of seconds of CPU.
 * Then: a mutant the lab cannot run is an error; the per-stage rows give the same report on their
 * own thread; a data center recovers after its region was dark.
 */
import { describe, expect, test } from "vitest";
import type { LabReport } from "../../lab/report.ts";
import { findScenario } from "../../lab/scenarios/index.ts";
import { labChecked, labRunner } from "./in-process.ts";

/** Each simulated request stands for this many: coarse, yet every mutant below is still caught. */
const SCALE = 20;
const SEED = 1;

interface Case {
  chapter: string;
  exercise: string;
  mutant: string;
  scenario: string;
  /** `--stage N`: stages after N stay out (what hides the bug otherwise). */
  stage?: number;
  /** The check that must fail. */
  check: string;
}

const CASES: Case[] = [
  { chapter: "01-single-server", exercise: "dns-cache", mutant: "ttl-read-as-ms", scenario: "region-dark", check: "the DNS cache asks the network at most once per TTL per resolver" },
  // With the cache of stage 06 in, too few queries reach a pool to need more than max connections.
  { chapter: "02-database-tier", exercise: "connection-pool", mutant: "slot-check-off-by-one", scenario: "diurnal-day", stage: 2, check: "a web server's pool never opens more than max connections" },
  { chapter: "03-scaling", exercise: "autoscaler", mutant: "records-answer", scenario: "flash-crowd", check: "the web tier scales back down after the load falls" },
  { chapter: "04-load-balancer", exercise: "health-checker", mutant: "fall-off-by-one", scenario: "server-then-primary-dies", check: "no request goes to a dead backend after the health checker's fall count of failed probes" },
  { chapter: "05-replication", exercise: "replication-cluster", mutant: "ships-to-fewer-replicas", scenario: "server-then-primary-dies", check: "no acknowledged write is lost beyond what replication allows" },
  { chapter: "06-cache", exercise: "read-through", mutant: "never-stores", scenario: "celebrity-key", check: "the cache cuts database reads by at least 80%" },
  { chapter: "07-cdn", exercise: "edge-cache", mutant: "query-dropped-from-key", scenario: "diurnal-day", check: "the CDN never serves an old version of a file" },
  { chapter: "08-stateless-web", exercise: "session-manager", mutant: "own-map", scenario: "server-then-primary-dies", check: "no user is logged out, even when a web server dies" },
  { chapter: "09-data-centers", exercise: "geo-router", mutant: "route-ignores-health", scenario: "region-dark", check: "when a region goes dark its traffic moves to the live region" },
  { chapter: "10-message-queue", exercise: "message-queue", mutant: "never-hidden", scenario: "diurnal-day", check: "no job is handed to a second worker while the first still has it" },
  { chapter: "11-observability", exercise: "latency-sketch", mutant: "answers-bucket-top", scenario: "flash-crowd", check: "the sketch's percentiles are within its accuracy of the exact ones" },
  { chapter: "12-sharding", exercise: "shard-router", mutant: "ignores-pins", scenario: "celebrity-key", check: "the celebrity has a dedicated shard that serves only them" },
];

const lab = (scenario: string, stage: number | undefined, mutant?: { id: string; name: string }): Promise<LabReport> =>
  labChecked({ scenario, seed: SEED, stage, mutant, scale: SCALE });

/** The reference runs, one per scenario and stage, shared by the cases that use them. */
const references = new Map<string, Promise<LabReport>>();
const reference = (c: Case) => {
  const key = `${c.scenario}/${c.stage ?? "all"}`;
  if (!references.has(key)) references.set(key, lab(c.scenario, c.stage));
  return references.get(key)!;
};

describe("the lab reflects the learner's code: one mutant per chapter fails a check of that chapter", () => {
  test("the cases cover all twelve chapters", async () => {
    const { LAB_CHAPTERS } = await import("../../lab/run.ts");
    expect(CASES.map((c) => c.chapter)).toEqual(LAB_CHAPTERS);
  });

  test.each(CASES)("$chapter: $exercise mutant $mutant on $scenario", async (c) => {
    const id = `${c.chapter}/${c.exercise}`;
    // A mutant whose edits no longer apply to the solution, or whose name is gone, throws here.
    const report = await lab(c.scenario, c.stage, { id, name: c.mutant });
    expect(report.stages.find((s) => s.chapter === c.chapter)?.status, "the mutant's stage must be in").toBe("in");
    const failed = report.checks.filter((check) => check.chapter === c.chapter && check.status === "fail");
    const text = failed.map((check) => `${check.name}: ${check.message}`).join("\n");
    expect(failed.map((check) => check.name), text).toContain(c.check);
    const message = failed.find((check) => check.name === c.check)!.message;
    expect(message).toContain(`Component: ${c.exercise} (chapter ${c.chapter.slice(0, 2)})`);
    expect(message).toContain(`exercises/${id}.ts`);
    // Without the mutant, the same check passes: the mutant, not the scenario, is what failed it.
    const passing = (await reference(c)).checks.find((check) => check.name === c.check);
    expect(passing?.status, passing?.message).toBe("pass");
  });
});

describe("a mutant the lab cannot run is an error, never a quietly locked stage", () => {
  test("a misspelt mutant name throws, listing the names that exist", async () => {
    await expect(lab("celebrity-key", undefined, { id: "12-sharding/shard-router", name: "ignores-pin" })).rejects.toThrow(/mutant 12-sharding\/shard-router:ignores-pin: .*no mutant "ignores-pin"; it has: .*ignores-pins/);
  });
  test("an exercise the lab does not use throws", async () => {
    await expect(lab("celebrity-key", undefined, { id: "06-cache/lru-cache", name: "evicts-most-recent" })).rejects.toThrow(/the lab does not use exercise "06-cache\/lru-cache"/);
  });
  test("a mutant beyond --stage throws", async () => {
    await expect(lab("celebrity-key", 5, { id: "12-sharding/shard-router", name: "ignores-pins" })).rejects.toThrow(/beyond --stage 5/);
  });
});

describe("the per-stage rows", () => {
  test("run on their own thread, they give the same report as run in turn on this one", async () => {
    const runLab = await labRunner();
    const options = { scenario: findScenario("celebrity-key")!, seed: 3, source: { kind: "solutions" as const, stage: 4 }, fullScale: 50, rowScale: 200 };
    const threaded = await runLab({ ...options, rowsOnThread: true });
    const serial = await runLab({ ...options, rowsOnThread: false });
    expect(threaded.stages.filter((s) => s.scale === 200)).toHaveLength(3);
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(serial));
  });
});

describe("the web tier after a fault", () => {
  test("a data center whose servers were all marked down comes back once its region is light again", async () => {
    // Stages 1-7 on region-dark: one data center, dark from 600 s to 1200 s; the autoscaler
    // scales down (and the balancer is rebuilt) while every server is still marked down.
    const report = await lab("region-dark", 7);
    const { load, errors } = report.series!;
    const back = (1200 + 120) / report.series!.bucketS; // the dark end, plus detection and rise
    const after = errors.slice(back).map((e, i) => e / load[back + i]!);
    expect(Math.max(...after), `error ratio per minute after the region came back: ${after.map((r) => r.toFixed(2)).join(" ")}`).toBeLessThan(0.05);
  });
});
