/**
 * docs/lab.md prints the lab's parameter table (grader/lab/parameters.ts), the numbers the
 * simulation supplies: the two must not drift apart. Compared row by row: name, value with its
 * unit, what it is and its source, in the code's order. On a mismatch the diff shows the rows the
 * doc should have (paste them from the "expected" side).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { PARAMETERS } from "../../lab/parameters.ts";

/** The rows of the first table under `## Parameters`, as arrays of trimmed cells. */
function docTable(): string[][] {
  const doc = readFileSync(join(repoRoot, "docs", "lab.md"), "utf8");
  const section = doc.split(/^## /m).find((s) => s.startsWith("Parameters"));
  if (!section) throw new Error('docs/lab.md has no "## Parameters" section');
  const lines = section.split("\n").filter((l) => l.startsWith("|"));
  const cells = (line: string) => line.slice(1, line.trimEnd().endsWith("|") ? line.trimEnd().length - 1 : undefined).split("|").map((c) => c.trim());
  expect(cells(lines[0]!)).toEqual(["name", "value", "what", "source"]);
  expect(lines[1]).toMatch(/^\|(\s*:?-+:?\s*\|){4}\s*$/);
  return lines.slice(2).map(cells);
}

const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

test("docs/lab.md's parameter table is grader/lab/parameters.ts's: names, values, units, what and source", () => {
  const expected = Object.entries(PARAMETERS).map(([name, p]) => row([name, `${p.value} ${p.unit}`, p.what, p.source]));
  expect(docTable().map(row).join("\n")).toBe(expected.join("\n"));
});
