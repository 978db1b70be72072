/**
 * A lesson's markdown, rendered for a terminal from markdown-it's tokens: headings, paragraphs
 * wrapped to the screen, nested lists, tables drawn with box characters, and code blocks
 * highlighted by shiki (JavaScript regex engine: it starts in ≈ 10 ms instead of ≈ 50 ms for the
 * WebAssembly one). With colour off the same layout is printed in plain text.
 */
import MarkdownIt from "markdown-it";
import type { Highlighter } from "shiki";
import { paint } from "./terminal.ts";

type Token = ReturnType<ReturnType<typeof MarkdownIt>["parse"]>[number];
type Style = "bold" | "italic" | "code" | "link" | "plain";
interface Segment {
  text: string;
  styles: Style[];
}

const THEME = "github-dark";
const LANGS: Record<string, string> = { ts: "typescript", typescript: "typescript", js: "javascript", javascript: "javascript", sh: "shellscript", bash: "shellscript", shell: "shellscript", json: "json" };

let highlighter: Promise<Highlighter> | undefined;

/** shiki is imported on the first code block, not at start: ≈ 0.1 s that `progress`, `grade`
 *  and `watch` never need. */
async function loadHighlighter(): Promise<Highlighter> {
  const [{ createHighlighter }, { createJavaScriptRegexEngine }] = await Promise.all([import("shiki"), import("shiki/engine/javascript")]);
  return createHighlighter({ themes: [THEME], langs: [], engine: createJavaScriptRegexEngine() });
}

/** Colours a code block; plain text for an unknown or "text" language. */
export async function highlight(code: string, lang: string, color: boolean): Promise<string[]> {
  const lines = code.replace(/\n$/, "").split("\n");
  const grammar = LANGS[lang.toLowerCase()];
  if (!color || !grammar) return lines;
  highlighter ??= loadHighlighter();
  const h = await highlighter;
  if (!h.getLoadedLanguages().includes(grammar)) await h.loadLanguage(grammar as Parameters<Highlighter["loadLanguage"]>[0]);
  const { tokens } = h.codeToTokens(code.replace(/\n$/, ""), {
    lang: grammar as Parameters<Highlighter["codeToTokens"]>[1]["lang"],
    theme: THEME,
    // Shiki stops tokenizing a line after 500 ms by default and colours the rest of it as one
    // token; on a busy machine the first line (regex compilation) can take longer than that.
    tokenizeTimeLimit: 10_000,
  });
  return tokens.map((line) => line.map((t) => (t.color ? `${rgb(t.color)}${t.content}\x1b[39m` : t.content)).join(""));
}

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return `\x1b[38;2;${(n >> 16) & 255};${(n >> 8) & 255};${n & 255}m`;
}

export const visibleLength = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "").length;

function inlineSegments(tokens: Token[] = []): Segment[] {
  const segments: Segment[] = [];
  const active: Style[] = [];
  for (const t of tokens) {
    if (t.type === "strong_open") active.push("bold");
    else if (t.type === "em_open") active.push("italic");
    else if (t.type === "link_open") active.push("link");
    else if (t.type === "strong_close" || t.type === "em_close" || t.type === "link_close") active.pop();
    else if (t.type === "code_inline") segments.push({ text: t.content, styles: [...active, "code"] });
    else if (t.type === "softbreak" || t.type === "hardbreak") segments.push({ text: " ", styles: [] });
    else if (t.type === "text" || t.type === "html_inline") segments.push({ text: t.content, styles: [...active] });
  }
  return segments;
}

export function renderMarkdown(markdown: string, options: { width: number; color: boolean }): Promise<string> {
  return new Renderer(options.width, options.color).render(markdown);
}

class Renderer {
  private p;
  private lines: string[] = [];
  constructor(private width: number, private color: boolean) {
    this.p = paint(color);
  }

  private styleWord(word: string, styles: Style[]): string {
    let out = word;
    if (styles.includes("code")) out = this.p("cyan", out);
    if (styles.includes("link")) out = this.p("underline", out);
    if (styles.includes("italic")) out = this.p("italic", out);
    if (styles.includes("bold")) out = this.p("bold", out);
    return out;
  }

  /** Wraps segments to `width`, first line after `first`, the rest after `rest`. */
  private wrap(segments: Segment[], first: string, rest: string, width = this.width): string[] {
    const out: string[] = [];
    let line = first;
    let length = visibleLength(first);
    let pendingSpace = false;
    for (const segment of segments) {
      for (const piece of segment.text.split(/(\s+)/)) {
        if (piece === "") continue;
        if (/^\s+$/.test(piece)) {
          pendingSpace = true;
          continue;
        }
        const start = visibleLength(line) === visibleLength(first) && line === first;
        const needed = piece.length + (pendingSpace && !start ? 1 : 0);
        if (!start && length + needed > width) {
          out.push(line);
          line = rest;
          length = visibleLength(rest);
        } else if (pendingSpace && !start) {
          line += " ";
          length += 1;
        }
        line += this.styleWord(piece, segment.styles);
        length += piece.length;
        pendingSpace = false;
      }
    }
    out.push(line);
    return out;
  }

  async render(markdown: string): Promise<string> {
    const tokens = new MarkdownIt({ html: false }).parse(markdown, {});
    const lists: { ordered: boolean; n: number }[] = [];
    let quote = "";
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const indent = "  ".repeat(Math.max(0, lists.length - 1)) + quote;
      switch (t.type) {
        case "heading_open": {
          const text = inlineSegments(tokens[i + 1].children ?? []).map((s) => s.text).join("");
          const level = Number(t.tag.slice(1));
          if (this.lines.length > 0 && this.lines.at(-1) !== "") this.lines.push("");
          if (level === 1) this.lines.push(this.p("bold", this.p("underline", text)));
          else if (level === 2) this.lines.push(this.p("bold", this.p("magenta", `## ${text}`)));
          else this.lines.push(this.p("bold", `${"#".repeat(level)} ${text}`));
          this.lines.push("");
          i += 2;
          break;
        }
        case "paragraph_open": {
          const inline = tokens[i + 1];
          const inItem = lists.length > 0 && tokens[i - 1]?.type === "list_item_open";
          if (inItem) {
            const list = lists[lists.length - 1];
            const bullet = list.ordered ? `${list.n}. ` : "• ";
            this.lines.push(...this.wrap(inlineSegments(inline.children ?? []), indent + bullet, indent + " ".repeat(bullet.length)));
          } else {
            const pad = lists.length > 0 ? `${indent}  ` : quote;
            this.lines.push(...this.wrap(inlineSegments(inline.children ?? []), pad, pad));
            if (lists.length === 0) this.lines.push("");
          }
          i += 2;
          break;
        }
        case "bullet_list_open":
        case "ordered_list_open":
          lists.push({ ordered: t.type === "ordered_list_open", n: Number(t.attrGet("start") ?? 1) - 1 });
          break;
        case "list_item_open":
          lists[lists.length - 1].n += 1;
          break;
        case "bullet_list_close":
        case "ordered_list_close":
          lists.pop();
          if (lists.length === 0) this.lines.push("");
          break;
        case "blockquote_open":
          quote += this.p("dim", "│ ");
          break;
        case "blockquote_close":
          quote = quote.slice(0, -this.p("dim", "│ ").length);
          break;
        case "fence":
        case "code_block": {
          const code = await highlight(t.content, t.info.trim().split(/\s+/)[0] ?? "", this.color);
          const bar = this.p("dim", "│ ");
          this.lines.push(...code.map((l) => `${indent}${bar}${l}`), "");
          break;
        }
        case "hr":
          this.lines.push(this.p("dim", "─".repeat(Math.min(this.width, 60))), "");
          break;
        case "table_open": {
          const end = tokens.findIndex((x, j) => j > i && x.type === "table_close");
          this.lines.push(...this.table(tokens.slice(i, end + 1)), "");
          i = end;
          break;
        }
      }
    }
    while (this.lines.at(-1) === "") this.lines.pop();
    return this.lines.join("\n");
  }

  private table(tokens: Token[]): string[] {
    const rows: { cells: Segment[][]; header: boolean }[] = [];
    let header = false;
    for (const t of tokens) {
      if (t.type === "thead_open") header = true;
      if (t.type === "thead_close") header = false;
      if (t.type === "tr_open") rows.push({ cells: [], header });
      if (t.type === "inline") rows[rows.length - 1].cells.push(inlineSegments(t.children ?? []));
    }
    const plain = (cell: Segment[]) => cell.map((s) => s.text).join("");
    const columns = Math.max(...rows.map((r) => r.cells.length));
    const natural = Array.from({ length: columns }, (_, c) => Math.max(3, ...rows.map((r) => plain(r.cells[c] ?? []).length)));
    const widths = fitColumns(natural, this.width - (3 * columns + 1));
    const border = (l: string, m: string, r: string) => this.p("dim", l + widths.map((w) => "─".repeat(w + 2)).join(m) + r);
    const out = [border("┌", "┬", "┐")];
    for (const row of rows) {
      // Each cell wrapped to its column; the row is as tall as its tallest cell.
      const cells = widths.map((w, c) => {
        const cell = breakLongWords(row.cells[c] ?? [], w).map((s) => (row.header ? { ...s, styles: [...s.styles, "bold" as Style] } : s));
        return this.wrap(cell, "", "", w);
      });
      const height = Math.max(...cells.map((lines) => lines.length));
      for (let k = 0; k < height; k++) {
        const parts = cells.map((lines, c) => {
          const text = lines[k] ?? "";
          return ` ${text}${" ".repeat(Math.max(0, widths[c] - visibleLength(text)))} `;
        });
        out.push(this.p("dim", "│") + parts.join(this.p("dim", "│")) + this.p("dim", "│"));
      }
      if (row.header) out.push(border("├", "┼", "┤"));
    }
    out.push(border("└", "┴", "┘"));
    return out;
  }
}

/** The narrowest a wrapped column gets: a few words still fit on a line. */
const MIN_COLUMN = 8;

/**
 * Column widths that fit `available` characters: unchanged when the table fits, else the widest
 * columns are narrowed first (to a common cap, never below MIN_COLUMN or a column's own width).
 */
export function fitColumns(natural: readonly number[], available: number): number[] {
  const total = (cap: number) => natural.reduce((sum, w) => sum + Math.min(w, cap), 0);
  if (total(Infinity) <= available) return [...natural];
  let cap = Math.max(...natural);
  while (cap > MIN_COLUMN && total(cap) > available) cap--;
  return natural.map((w) => Math.min(w, cap));
}

/** Splits words longer than `width` so that wrapping can always fit a cell to its column. */
function breakLongWords(cell: Segment[], width: number): Segment[] {
  return cell.map((segment) => ({
    ...segment,
    text: segment.text.replace(new RegExp(`\\S{${width + 1},}`, "g"), (word) => word.match(new RegExp(`.{1,${width}}`, "g"))!.join(" ")),
  }));
}
