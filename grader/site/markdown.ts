/**
 * Markdown to HTML for lessons and guides: markdown-it, code blocks highlighted by shiki,
 * an id and a permalink on every heading (so search results and the table of contents can link
 * to it), relative links rewritten to the site's pages, or unlinked when the site has no such page
 * (the site must never contain a broken link), and "chapter 04" in prose linked to that chapter.
 * It also returns each section's plain text, which the search indexes.
 */
import MarkdownIt, { type Env, type StateCore, type Token } from "markdown-it";
import { anchor, escapeHtml, slugify } from "./html.ts";
import type { Highlight } from "./highlight.ts";

export interface Heading {
  level: number;
  text: string;
  id: string;
}

/** A heading's section as plain text (prose and code, no markup), for the search index. */
export interface Section {
  id: string;
  heading: string;
  text: string;
}

export interface RenderOptions {
  /** Maps a link target as written in the markdown (relative to the source file's folder,
   *  resolved by the caller) to a page of the site, or undefined when the site has none. */
  resolveLink: (href: string) => string | undefined;
  /** Replaces the first code block under the "Diagram" heading (the lesson's ASCII diagram). */
  diagram?: (asciiBlockHtml: string) => string;
  /** The page of chapter `n` ("chapter 4" in the text), or undefined to leave it as text. */
  chapterHref?: (n: number) => string | undefined;
}

export interface Rendered {
  html: string;
  headings: Heading[];
  sections: Section[];
}

export function createMarkdown(highlight: Highlight) {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, highlight });

  // markdown-it's default fence wraps our <pre> in another <pre>; shiki's output is complete.
  md.renderer.rules.fence = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    const lang = token.info.trim().split(/\s+/)[0] ?? "";
    const html = highlight(token.content, lang || "text");
    const { diagram } = env as unknown as RenderEnv;
    if (token.meta?.diagram && diagram) return diagram(html);
    return html;
  };

  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet("href") ?? "");
    if (token.meta?.resolved) return self.renderToken(tokens, idx, options);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#")) return self.renderToken(tokens, idx, options);
    const target = (env as unknown as RenderEnv).resolveLink(href);
    if (target === undefined) {
      // No page for it on the site (a source file, say): keep the text, drop the link.
      token.meta = { ...token.meta, dropped: true };
      return `<span class="unlinked" title="${escapeHtml(href)}">`;
    }
    token.attrSet("href", target);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_close = (tokens, idx, options, _env, self) => {
    // Find the matching link_open to know whether it was dropped.
    let depth = 0;
    for (let i = idx - 1; i >= 0; i--) {
      const t = tokens[i]!;
      if (t.type === "link_close") depth++;
      if (t.type === "link_open" && depth-- === 0) return t.meta?.dropped ? "</span>" : self.renderToken(tokens, idx, options);
    }
    return self.renderToken(tokens, idx, options);
  };

  md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
    const open = tokens[idx - 2];
    const id = open?.attrGet("id");
    const text = tokens[idx - 1]?.content ?? "";
    return (id && open!.tag !== "h1" ? anchor(String(id), text.replace(/[`*_]/g, "")) : "") + self.renderToken(tokens, idx, options);
  };
  md.core.ruler.push("chapter_links", linkChapterMentions);

  return {
    render(source: string, options: RenderOptions): Rendered {
      const env: RenderEnv & Env = { ...options };
      const tokens = md.parse(source, env);
      const { headings, sections } = annotate(tokens);
      return { html: md.renderer.render(tokens, md.options, env), headings, sections };
    },
    /** One line of markdown (a hint, a quiz question) without a wrapping <p>. */
    inline(source: string, resolveLink: RenderOptions["resolveLink"] = () => undefined, chapterHref?: RenderOptions["chapterHref"]): string {
      const env: RenderEnv & Env = { resolveLink, chapterHref };
      return md.renderInline(source, env);
    },
  };
}

type RenderEnv = RenderOptions;

/** "chapter 4" / "Chapter 04" in prose (not in headings or links) becomes a link to that chapter. */
function linkChapterMentions(state: StateCore): void {
  const chapterHref = (state.env as unknown as RenderEnv).chapterHref;
  if (!chapterHref) return;
  state.tokens.forEach((block, i) => {
    if (block.type !== "inline" || !block.children || state.tokens[i - 1]?.type === "heading_open") return;
    const out: Token[] = [];
    let inLink = 0;
    for (const child of block.children) {
      if (child.type === "link_open") inLink++;
      if (child.type === "link_close") inLink--;
      if (child.type !== "text" || inLink > 0) {
        out.push(child);
        continue;
      }
      let last = 0;
      for (const m of child.content.matchAll(/\b[Cc]hapter (\d{1,2})\b/g)) {
        const href = chapterHref(Number(m[1]));
        if (!href) continue;
        const text = (content: string) => Object.assign(new state.Token("text", "", 0), { content });
        if (m.index > last) out.push(text(child.content.slice(last, m.index)));
        const open = new state.Token("link_open", "a", 1);
        open.attrSet("href", href);
        open.meta = { resolved: true };
        out.push(open, text(m[0]), new state.Token("link_close", "a", -1));
        last = m.index + m[0].length;
      }
      out.push(last === 0 ? child : Object.assign(new state.Token("text", "", 0), { content: child.content.slice(last) }));
    }
    block.children = out;
  });
}

/** Gives headings unique ids, collects headings and each section's text, marks the diagram block. */
function annotate(tokens: Token[]): { headings: Heading[]; sections: Section[] } {
  const headings: Heading[] = [];
  const sections: Section[] = [];
  const used = new Set<string>();
  let inDiagramSection = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "heading_open") {
      const text = (tokens[i + 1]?.content ?? "").replace(/[`*_]/g, "");
      let id = slugify(text);
      for (let n = 1; used.has(id); n++) id = `${slugify(text)}-${n}`; // GitHub's suffixes
      used.add(id);
      token.attrSet("id", id);
      const level = Number(token.tag.slice(1));
      headings.push({ level, text, id });
      sections.push({ id, heading: text, text: "" });
      if (level <= 2) inDiagramSection = text.trim().toLowerCase() === "diagram";
    } else if (token.type === "fence" && inDiagramSection) {
      token.meta = { ...token.meta, diagram: true };
      inDiagramSection = false;
    } else if (token.type === "fence" || token.type === "code_block") {
      addText(sections, token.content);
    } else if (token.type === "inline") {
      const children = token.children ?? [];
      // A soft line break is a space between words ("would be\nsplit brain").
      if (tokens[i - 1]?.type !== "heading_open") addText(sections, children.map((c) => (c.type.endsWith("break") ? " " : c.content)).join(""));
    }
  }
  return { headings, sections };
}

function addText(sections: Section[], text: string): void {
  if (sections.length === 0) sections.push({ id: "", heading: "", text: "" }); // text before any heading
  const section = sections.at(-1)!;
  section.text += `${text} `;
}
