/**
 * cheat-sheet.html: the whole course on one printable page. The final architecture (step 12 of
 * architecture.ts, every component of the twelve chapters), chapter 13's reference tables, and
 * each chapter's "Say it out loud" lines, all taken from the lessons so the sheet never drifts.
 */
import { readFileSync } from "node:fs";
import type { Course } from "../manifest/types.ts";
import { STEPS } from "./architecture.ts";
import { renderDiagram } from "./diagram.ts";
import { escapeHtml } from "./html.ts";
import type { createMarkdown } from "./markdown.ts";

type Markdown = ReturnType<typeof createMarkdown>;

/** The text under `heading` (e.g. "## Say it out loud"), up to the next heading of that level or above. */
export function sectionOf(markdown: string, heading: string): string | undefined {
  const level = heading.match(/^#+/)![0].length;
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n").trim();
}

// One sheet of paper: no site chrome, small type, and a chapter never split across pages.
const PRINT_CSS = `<style>
.cheat-sheet { font-size: 0.9rem; }
.cheat-sheet table { font-size: 0.85rem; }
.cheat-sheet .say { break-inside: avoid; }
@media screen {
  /* On screen the sheet must fit the window (a phone too): the diagram scales, wide tables scroll. */
  .cheat-sheet .final-diagram svg { max-width: 100%; height: auto; }
  .cheat-sheet table { display: block; max-width: 100%; overflow-x: auto; }
  .cheat-sheet { overflow-wrap: anywhere; }
}
@media print {
  @page { size: A4; margin: 6mm; }
  .site-header, .site-footer, .pager, .search, .theme-toggle { display: none !important; }
  main, body { margin: 0 !important; padding: 0 !important; max-width: none !important; }
  .cheat-sheet { font-size: 5.6pt; line-height: 1.1; columns: 4; column-gap: 1em; }
  .cheat-sheet h1 { font-size: 11pt; margin: 0 0 2pt; column-span: all; }
  .cheat-sheet h2 { font-size: 8pt; margin: 3pt 0 1pt; }
  .cheat-sheet h3 { font-size: 7pt; margin: 2pt 0 0; }
  .cheat-sheet p, .cheat-sheet ul, .cheat-sheet li { margin: 0 0 1pt; }
  .cheat-sheet ul { padding-left: 1em; }
  .cheat-sheet table { font-size: 6pt; border-collapse: collapse; margin: 0 0 2pt; }
  .cheat-sheet table { width: 100%; table-layout: fixed; }
  .cheat-sheet td, .cheat-sheet th { padding: 0 1pt; overflow-wrap: anywhere; }
  .cheat-sheet .final-diagram { column-span: all; margin: 0 0 3pt; text-align: center; }
  .cheat-sheet .final-diagram svg { max-height: 3.4cm; width: auto; max-width: 100%; }
}
</style>`;

export function cheatSheetPage(course: Course, md: Markdown): string {
  const render = (text: string) => md.render(text, { resolveLink: () => undefined }).html;
  const last = STEPS[STEPS.length - 1]!.n;
  const parts = [PRINT_CSS, '<article class="cheat-sheet">', "<h1>Cheat sheet</h1>",
    `<figure class="final-diagram">${renderDiagram(last, { idPrefix: "cheat", title: "The whole architecture: every component of the twelve chapters" })}</figure>`];
  for (const chapter of course.chapters) {
    const lesson = readFileSync(chapter.lessonPath, "utf8");
    const tables = sectionOf(lesson, "### Reference tables");
    if (tables) parts.push(`<section class="tables"><h2>Reference tables</h2>${render(tables)}</section>`);
  }
  parts.push("<h2>Say it out loud</h2>");
  for (const chapter of course.chapters) {
    const say = sectionOf(readFileSync(chapter.lessonPath, "utf8"), "## Say it out loud");
    if (say) parts.push(`<section class="say"><h3>${escapeHtml(chapter.id.slice(0, 2))} · ${escapeHtml(chapter.title)}</h3>${render(say)}</section>`);
  }
  parts.push("</article>");
  return parts.join("\n");
}
