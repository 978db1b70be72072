/**
 * Each lesson's "See it in the lab" command passes every check with the reference components: a
 * reader who runs it with a correct solution must never be told to fix one.
 *
 * Scale, and why. The thirteen commands at full scale cost about a minute of CPU, so they run
 * `checksOnly` at scale 20 (the lab's own coarse-row scale, as in lab-mutants.test.ts): each
 * simulated request stands for 20, and 1/20 of the users and static files are sampled, so hit
 * ratios, staleness, shard placement, failover and sessions see the same per-key rates. One check
 * is left to full scale: web-tier queueing. Before chapter 10 the 200 ms slow jobs run on the web
 * servers, and at scale k each one lands on a server's queue as k jobs at once (about k x 50 ms of
 * work in one go), so a scaled run's queue waits are too long: at scale 20 the reference system
 * fails that check in the first minute of most of these commands, at full scale it never does.
 * That check is judged at full scale on the commands of chapters 04 and 05 (server-then-primary-
 * dies, stages 4 and 5), the ones where it used to fail: the database's return after the primary
 * died is a load rise for the web tier, which the check gave no time to react to (checks.ts,
 * exemptWindows). So is --stage 3 there, where the dead server stays in rotation. A mutant
 * autoscaler that under-provisions still fails it. About 14 s of CPU in all.
 */
import { describe, expect, test } from "vitest";
import type { LabReport } from "../../lab/report.ts";
import { loadCourse } from "../../manifest/load.ts";
import { labChecked } from "./in-process.ts";
import { labCommand } from "./lesson-command.ts";

const SCALE = 20;
const QUEUEING = "web-tier queueing is back under the scenario's p99 target within the autoscaler's reaction time";

/** A lesson's `lab [scenario] [--stage N]` arguments, run in-process at `scale`. */
function lab(args: string[], scale: number, mutant?: { id: string; name: string }): Promise<LabReport> {
  const scenario = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--stage") ?? "diurnal-day";
  const stageAt = args.indexOf("--stage");
  const stage = stageAt >= 0 ? Number(args[stageAt + 1]) : undefined;
  return labChecked({ scenario, stage, mutant, scale });
}

const failures = (report: LabReport, skip: string[] = []) =>
  report.checks.filter((c) => c.status === "fail" && !skip.includes(c.name)).map((c) => `${c.name}: ${c.message}`);

const commands = loadCourse().chapters.map((chapter) => {
  const args = labCommand(chapter.lessonPath) ?? [];
  return { chapter: chapter.id, args, command: args.join(" ") };
});

describe("every lesson's lab command passes every check with --solutions", () => {
  test("every lesson has a lab command", () => {
    expect(commands.filter((c) => c.args.length === 0).map((c) => c.chapter)).toEqual([]);
  });

  test.each(commands)(`$chapter: lab $command (scale ${SCALE}; queueing judged at full scale below)`, async ({ args }) => {
    const report = await lab(args, SCALE);
    expect(report.checks.length).toBeGreaterThan(0);
    expect(failures(report, [QUEUEING])).toEqual([]);
  });

  const serverThenPrimary = commands.filter((c) => c.args.includes("server-then-primary-dies") && ["4", "5"].includes(c.args[c.args.indexOf("--stage") + 1]!));
  test("chapters 04 and 05 show their step on server-then-primary-dies", () => {
    expect(serverThenPrimary.map((c) => c.chapter)).toEqual(["04-load-balancer", "05-replication"]);
  });

  test.each(serverThenPrimary)("$chapter: lab $command at full scale: every check passes, the queueing check included", async ({ args }) => {
    const report = await lab(args, 1);
    expect(report.checks.map((c) => c.name)).toContain(QUEUEING);
    expect(failures(report)).toEqual([]);
  });

  // Not a lesson's command, but what a learner who has passed chapters 01-03 sees on this scenario:
  // the dead server stays in DNS round robin with no health checker, and the autoscaler, fed a
  // utilization that counts it, scaled down to one live server. Not the autoscaler's fault.
  test("--stage 3 at full scale: a dead server left in rotation (no load balancer yet) is not blamed on the autoscaler", async () => {
    const report = await lab(["server-then-primary-dies", "--stage", "3"], 1);
    expect(report.checks.map((c) => c.name)).toContain(QUEUEING);
    expect(failures(report)).toEqual([]);
  });

  test("an autoscaler that rounds down (mutant floor-not-ceil) still fails the queueing check there", async () => {
    const report = await lab(["server-then-primary-dies", "--stage", "5"], 1, { id: "03-scaling/autoscaler", name: "floor-not-ceil" });
    const check = report.checks.find((c) => c.name === QUEUEING);
    expect(check?.status, check?.message).toBe("fail");
    expect(check?.message).toContain("Component: autoscaler (chapter 03)");
  });
});
