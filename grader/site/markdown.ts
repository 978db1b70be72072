/**
 * Markdown to HTML for lessons and guides: markdown-it, code blocks highlighted by shiki,
 * an id on every heading (so search results and the table of contents can link to it), and
 * relative links rewritten to the site's pages, or unlinked when the site has no such page
 * (the site must never contain a broken link).
 */
import MarkdownIt, { type Env, type Token } from "markdown-it";
import { escapeHtml, slugify } from "./html.ts";
import type { Highlight } from "./highlight.ts";

export interface Heading {
  level: number;
  text: string;
  id: string;
}

/** A term in bold ("**Consistent hashing** fixes this"): the lessons' paragraph heads and key
 *  terms. Indexed for search, linked to the section it appears in. */
export interface Term {
  text: string;
  sectionId: string;
}

export interface RenderOptions {
  /** Maps a link target as written in the markdown (relative to the source file's folder,
   *  resolved by the caller) to a page of the site, or undefined when the site has none. */
  resolveLink: (href: string) => string | undefined;
  /** Replaces the first code block under the "Diagram" heading (the lesson's ASCII diagram). */
  diagram?: (asciiBlockHtml: string) => string;
}

export interface Rendered {
  html: string;
  headings: Heading[];
  terms: Term[];
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

  return {
    render(source: string, options: RenderOptions): Rendered {
      const env: RenderEnv & Env = { ...options };
      const tokens = md.parse(source, env);
      const { headings, terms } = annotate(tokens);
      return { html: md.renderer.render(tokens, md.options, env), headings, terms };
    },
    /** One line of markdown (a hint, a quiz question) without a wrapping <p>. */
    inline(source: string, resolveLink: RenderOptions["resolveLink"] = () => undefined): string {
      const env: RenderEnv & Env = { resolveLink };
      return md.renderInline(source, env);
    },
  };
}

type RenderEnv = RenderOptions;

/** Gives headings unique ids, collects headings and bold terms, marks the diagram block. */
function annotate(tokens: Token[]): { headings: Heading[]; terms: Term[] } {
  const headings: Heading[] = [];
  const terms: Term[] = [];
  const used = new Set<string>();
  const seenTerms = new Set<string>();
  let sectionId = "";
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
      sectionId = id;
      if (level <= 2) inDiagramSection = text.trim().toLowerCase() === "diagram";
    } else if (token.type === "fence" && inDiagramSection) {
      token.meta = { ...token.meta, diagram: true };
      inDiagramSection = false;
    } else if (token.type === "inline") {
      const children = token.children ?? [];
      children.forEach((child, at) => {
        if (child.type !== "strong_open") return;
        const close = children.findIndex((c, j) => j > at && c.type === "strong_close");
        const text = children.slice(at + 1, close).map((c) => c.content).join("").replace(/[.:]\s*$/, "").trim();
        const key = text.toLowerCase();
        if (text && text.length <= 50 && !seenTerms.has(key)) {
          seenTerms.add(key);
          terms.push({ text, sectionId });
        }
      });
    }
  }
  return { headings, terms };
}
