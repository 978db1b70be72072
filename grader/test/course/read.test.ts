/** The lesson renderer: headings, lists, tables and highlighted code, for a terminal. */
import { describe, expect, test } from "vitest";
import { renderMarkdown, visibleLength } from "../../course/render-markdown.ts";
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
