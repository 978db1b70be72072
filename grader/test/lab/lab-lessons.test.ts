/**
 * Each chapter's lesson points to the lab scenario that shows its step: a "See it in the lab" line
 * whose command is one the lab accepts (an existing scenario, `--stage` equal to the chapter's own
 * stage, and for a fault's chapter a scenario that scripts that fault), so a renamed scenario or a
 * moved stage cannot leave a lesson pointing nowhere.
 */
import { describe, expect, test } from "vitest";
import { LAB_CHAPTERS } from "../../lab/components.ts";
import { findScenario, type Scenario } from "../../lab/scenarios/index.ts";
import { loadCourse } from "../../manifest/load.ts";
import { labCommand } from "./lesson-command.ts";

/** What the scenario must script for the chapter's step to show (a fault, or the celebrity). */
const SHOWS: Record<string, (s: Scenario) => boolean> = {
  "04-load-balancer": (s) => s.faults.some((f) => f.kind === "server-dies"),
  "05-replication": (s) => s.faults.some((f) => f.kind === "primary-dies"),
  "07-cdn": (s) => s.faults.some((f) => f.kind === "deploy"),
  "08-stateless-web": (s) => s.faults.some((f) => f.kind === "server-dies"),
  "09-data-centers": (s) => s.faults.some((f) => f.kind === "region-dark"),
  "12-sharding": (s) => s.celebrity !== undefined,
};

describe("lessons link to the lab", () => {
  for (const chapter of loadCourse().chapters) {
    const stage = LAB_CHAPTERS.indexOf(chapter.id) + 1;
    test(`${chapter.id}: "See it in the lab" names a scenario${stage ? ` and --stage ${stage}` : ""}`, () => {
      const args = labCommand(chapter.lessonPath);
      expect(args, "a **See it in the lab.** paragraph with an `npm run course -- lab …` command").toBeDefined();
      const scenario = args!.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
      if (scenario !== undefined) expect(findScenario(scenario), `scenario "${scenario}"`).toBeDefined();
      if (SHOWS[chapter.id]) expect(SHOWS[chapter.id]!(findScenario(scenario!)!), `${scenario} scripts what ${chapter.id} is about`).toBe(true);
      if (stage > 0) {
        expect(scenario, "a scenario named").toBeDefined();
        expect(args!.slice(args!.indexOf("--stage"), args!.indexOf("--stage") + 2)).toEqual(["--stage", String(stage)]);
      } else expect(args).toContain("--solutions"); // the interview chapter: the whole system
    });
  }
});
