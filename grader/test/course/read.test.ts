/** The lesson renderer: headings, lists, tables and highlighted code, for a terminal. */
import { describe, expect, test } from "vitest";
import { fitColumns, renderMarkdown, visibleLength } from "../../course/render-markdown.ts";
import { renderLesson } from "../../course/read.ts";
import { contextFor, makeHome } from "./helpers.ts";

const sample = `# 06 · Cache

A paragraph with **bold**, \`code\` and a [link](https://example.com) that is long enough to be wrapped at the width we ask for.

## What breaks

- first point
- second point
  1. nested one
  2. nested two

| operation | time |
|---|---|
| memory | ~100 ns |
| SSD read | ~100 µs |

\`\`\`ts
const cache = new Map<string, number>();
\`\`\`

\`\`\`text
[client] --> [server]
\`\`\`
`;

describe("read", () => {
  test("plain: headings, wrapped paragraphs, bullets, numbered nested items, a boxed table, code", async () => {
    const text = await renderMarkdown(sample, { width: 50, color: false });
    const lines = text.split("\n");
    expect(lines[0]).toBe("06 · Cache");
    expect(text).toContain("## What breaks");
    expect(lines.every((l) => visibleLength(l) <= 50 || l.startsWith("│ "))).toBe(true);
    expect(text).toContain("A paragraph with bold, code and a link");
    expect(text).toMatch(/^• first point$/m);
    expect(text).toMatch(/^ {2}1\. nested one$/m);
    expect(text).toMatch(/^ {2}2\. nested two$/m);
    expect(text).toContain("┌───────────┬─────────┐");
    expect(text).toContain("│ operation │ time    │");
    expect(text).toContain("│ SSD read  │ ~100 µs │");
    expect(text).toContain("│ const cache = new Map<string, number>();");
    expect(text).toContain("│ [client] --> [server]");
    expect(text).not.toContain("\x1b[");
  });

  test("a table wider than the terminal wraps its cells to fit, keeping every word", async () => {
    const wide = `| tier | what it holds | typical latency and why it matters for this design |
|---|---|---|
| L1 cache | a few dozen kilobytes per core, closest to the ALU | about one nanosecond, so a hit is nearly free |
| main memory | gigabytes of DRAM | about one hundred nanoseconds: a cache miss costs a hundred L1 hits |
`;
    for (const color of [false, true]) {
      const text = await renderMarkdown(wide, { width: 60, color });
      const lines = text.split("\n");
      expect(lines.every((l) => visibleLength(l) <= 60)).toBe(true);
      // every row's lines are boxed: same number of column rules on each line
      const rules = lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").match(/[│┬┼┴┌┐└┘├┤]/g)?.length);
      expect(new Set(rules)).toEqual(new Set([4]));
      const words = (t: string) => t.replace(/\x1b\[[0-9;]*m/g, "").replace(/[│─┌┐└┘├┤┬┴┼|]/g, " ").split(/\s+/).filter((w) => w && !/^-+$/.test(w));
      expect(words(text).sort()).toEqual(words(wide).sort());
    }
  });

  test("fitColumns narrows the widest columns first and leaves a table that fits alone", () => {
    expect(fitColumns([5, 10, 40], 100)).toEqual([5, 10, 40]);
    expect(fitColumns([5, 10, 40], 35)).toEqual([5, 10, 20]);
    expect(fitColumns([30, 30], 20)).toEqual([10, 10]);
    expect(fitColumns([30, 30], 4)).toEqual([8, 8]); // never below a few characters
  });

  test("colour: headings styled and TypeScript highlighted through shiki (24-bit colours); text blocks left plain", async () => {
    const text = await renderMarkdown(sample, { width: 80, color: true });
    expect(text).toContain("\x1b[1m"); // bold
    const codeLine = text.split("\n").find((l) => l.includes("cache") && l.includes("Map"))!;
    expect(codeLine).toMatch(/\x1b\[38;2;\d+;\d+;\d+mconst/);
    // several tokens in different colours, not one colour for the whole line
    expect(new Set(codeLine.match(/38;2;\d+;\d+;\d+/g)).size).toBeGreaterThanOrEqual(3);
    const diagram = text.split("\n").find((l) => l.includes("[client]"))!;
    expect(diagram).not.toMatch(/38;2;/);
  });

  test("the real lesson of chapter 06 renders, ending with what to do next", async () => {
    const text = await renderLesson(contextFor(makeHome()), "06");
    expect(text.split("\n")[0]).toBe("06 · Cache");
    expect(text).toContain("┌");
    expect(text).toContain("Next: start the first exercise with npm run course -- watch 06-cache/lru-cache");
  });
});
