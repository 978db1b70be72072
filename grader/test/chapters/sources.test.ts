/**
 * Every fact has a source: each lesson ends with a "Sources" section a reader can follow (named
 * works and links), and says which of its numbers are the course's own simplifications.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { loadCourse } from "../../manifest/load.ts";

/** The words lessons use to label what is the course's own, not a measured fact. */
const OWN_LABEL = /simplification|assumption|rule of thumb|working figure|worked-example|the course's own|course's choice/i;

describe("lesson sources", () => {
  for (const { id } of loadCourse().chapters) {
    test(`${id}: the lesson ends with a Sources list and labels its own simplifications`, () => {
      const lesson = readFileSync(join(repoRoot, "chapters", id, "lesson.md"), "utf8");
      const headings = lesson.match(/^## .*$/gm) ?? [];
      expect(headings.at(-1), "the last section").toBe("## Sources");
      const sources = lesson.slice(lesson.lastIndexOf("\n## Sources"));
      expect((sources.match(/^- /gm) ?? []).length, "entries in Sources").toBeGreaterThanOrEqual(4);
      expect((sources.match(/https:\/\//g) ?? []).length, "links in Sources").toBeGreaterThanOrEqual(2);
      expect(lesson, "a label on the course's own numbers").toMatch(OWN_LABEL);
    });
  }
});
