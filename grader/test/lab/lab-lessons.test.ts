/**
 * Each chapter's lesson points to the lab scenario that shows its step: a "See it in the lab" line
 * whose command is one the lab accepts (an existing scenario, `--stage` equal to the chapter's own
 * stage), so a renamed scenario or a moved stage cannot leave a lesson pointing nowhere.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { LAB_CHAPTERS } from "../../lab/components.ts";
import { findScenario } from "../../lab/scenarios/index.ts";
import { loadCourse } from "../../manifest/load.ts";

/** The `npm run course -- lab …` command of the lesson's "See it in the lab" paragraph. */
function labCommand(lessonPath: string): string[] | undefined {
  const lesson = readFileSync(lessonPath, "utf8");
  const paragraph = lesson.split(/\n\s*\n/).find((p) => p.startsWith("**See it in the lab.**"));
  const command = paragraph && /`npm run course -- lab([^`]*)`/.exec(paragraph.replace(/\s+/g, " "));
  return command ? command[1]!.trim().split(" ").filter(Boolean) : undefined;
}

describe("lessons link to the lab", () => {
  for (const chapter of loadCourse().chapters) {
    const stage = LAB_CHAPTERS.indexOf(chapter.id) + 1;
    test(`${chapter.id}: "See it in the lab" names a scenario${stage ? ` and --stage ${stage}` : ""}`, () => {
      const args = labCommand(chapter.lessonPath);
      expect(args, "a **See it in the lab.** paragraph with an `npm run course -- lab …` command").toBeDefined();
      const scenario = args!.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
      if (scenario !== undefined) expect(findScenario(scenario), `scenario "${scenario}"`).toBeDefined();
      if (stage > 0) {
        expect(scenario, "a scenario named").toBeDefined();
        expect(args!.slice(args!.indexOf("--stage"), args!.indexOf("--stage") + 2)).toEqual(["--stage", String(stage)]);
      } else expect(args).toContain("--solutions"); // the interview chapter: the whole system
    });
  }
});
