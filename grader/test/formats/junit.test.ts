/**
 * JUnit XML through a real consumer: libxml2's xmllint (wasm build, installed by npm ci) parses
 * it, whatever the learner's code printed. Not validated against the Jenkins junit-10 XSD: the
 * schema could only be had as another repository's file, which this project does not copy in
 * (docs/grading.md); the attributes Jenkins needs are checked below instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { describe, expect, test } from "vitest";
import { renderFormat } from "../../engine/formats/index.ts";
import { contextOf, sampleReport } from "./sample.ts";

/** Parsed by libxml2 (`--format`, which needs a well-formed document). */
const validate = (xml: string) => validateXML({ xml: { fileName: "report.xml", contents: xml }, normalization: "format" });

/** The sample report with `text` printed by the learner and in a failure message. */
function printing(text: string) {
  const report = structuredClone(sampleReport);
  report.exercises[0].output = text;
  report.exercises[0].properties[0] = { ...report.exercises[0].properties[0], status: "fail", points: 0, message: text };
  return renderFormat("junit", contextOf(report));
}

describe("JUnit XML", () => {
  test("the committed sample and a fresh rendering are well-formed for libxml2", async () => {
    const sample = readFileSync(join(import.meta.dirname, "../../../docs/formats/sample.junit.xml"), "utf8");
    for (const xml of [sample, renderFormat("junit", contextOf(sampleReport))]) expect((await validate(xml)).errors).toEqual([]);
  });

  test("characters XML 1.0 forbids never reach the document; markup stays text", async () => {
    const hostile = "a\uFFFF b\uFFFE c\u0000 d\u001B e\uD800 f </system-out><evil/> & ]]> 😀";
    const xml = printing(hostile);
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(xml).not.toMatch(/[\uFFFF\uFFFE\u0000\u001B]/);
    expect(xml).toContain("😀");
    expect(xml).toContain("&lt;/system-out&gt;&lt;evil/&gt;");
  });

  test("the parser check bites: an unescaped forbidden character is refused", async () => {
    const broken = renderFormat("junit", contextOf(sampleReport)).replace("<testsuite ", "<testsuite bogus=\"\uFFFF\" ");
    expect((await validate(broken)).valid).toBe(false);
  });

  test("every test case has a time", () => {
    const xml = renderFormat("junit", contextOf(sampleReport));
    const cases = xml.match(/<testcase [^>]*>/g) ?? [];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(c).toMatch(/ time="\d+\.\d{3}"/);
  });
});
