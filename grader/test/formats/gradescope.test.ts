/** Gradescope results.json: what students see under each visibility, and its Markdown layout. */
import { describe, expect, test } from "vitest";
import { renderFormat } from "../../engine/formats/index.ts";
import { fenced } from "../../engine/formats/gradescope.ts";
import { contextOf, sampleReport } from "./sample.ts";

const failing = sampleReport.exercises[0].properties.find((p) => p.status !== "pass")!;

describe("Gradescope results", () => {
  test("hidden results: the always-shown top-level output names neither the score nor a failing property", () => {
    for (const visibility of ["hidden", "after_due_date", "after_published"] as const) {
      const results = JSON.parse(renderFormat("gradescope", { ...contextOf(sampleReport, visibility), human: `Score 7/9\n✗ ${failing.name}` }));
      expect(results.visibility).toBe(visibility);
      expect(results.output).not.toContain("7/9");
      expect(results.output).not.toContain(failing.name);
      expect(results.tests.every((t: any) => t.visibility === visibility)).toBe(true);
    }
  });

  test("visible results show the report, laid out as a Markdown code block", () => {
    const results = JSON.parse(renderFormat("gradescope", { ...contextOf(sampleReport), human: "Score 7/9\n  ✗ two  spaces" }));
    expect(results.output_format).toBe("md");
    expect(results.output).toBe("```text\nScore 7/9\n  ✗ two  spaces\n```");
    const failed = results.tests.find((t: any) => t.status === "failed");
    expect(failed.output_format).toBe("md");
    expect(failed.output).toMatch(/^```text\n[\s\S]+\n```$/);
  });

  test("a fence is never closed early by backticks in the text", () => {
    expect(fenced("a ```` b")).toBe("`````text\na ```` b\n`````");
  });
});
