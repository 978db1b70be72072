/** The committed sample report (docs/formats/sample.json.json) and a format context around it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FormatContext } from "../../engine/formats/index.ts";
import type { GradeReport } from "../../engine/results.ts";
import { repoRoot } from "../../kit/settings.ts";

export const docs = (name: string) => readFileSync(join(repoRoot, "docs", "formats", name), "utf8");
export const sampleReport = JSON.parse(docs("sample.json.json")) as GradeReport;

export function contextOf(report: GradeReport, visibility: FormatContext["visibility"] = "visible"): FormatContext {
  return {
    report,
    human: "human report",
    files: new Map(report.exercises.map((e) => [e.id, `exercises/${e.id}.ts`])),
    testCode: (id, name) => `// ${id}: ${name}`,
    elapsedSeconds: 1.5,
    visibility,
    courseIds: ["01-single-server/dns-cache", ...report.exercises.map((e) => e.id)],
  };
}
