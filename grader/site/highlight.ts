/**
 * Syntax highlighting at build time with shiki, so the browser gets plain HTML and CSS and no
 * highlighter JavaScript. One highlighter is created per build, with the JavaScript regex engine
 * (it starts several times faster than the WebAssembly one).
 *
 * Tokenizing is most of a build's CPU time (the TypeScript grammar is large and is compiled
 * lazily on first use), so results are kept in a small cache keyed by the code's hash: a rebuild
 * re-highlights only the blocks that changed. The cache lives in node_modules/.cache, beside the
 * bundles of grader/bin/launch.mjs, and holds only the blocks of the latest build.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createHighlighter } from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { repoRoot } from "../kit/settings.ts";
import { escapeHtml } from "./html.ts";

/** The languages the lessons, guides and stubs use; anything else is shown as plain text. */
const LANGS = ["typescript", "json", "shellscript"] as const;
const ALIASES: Record<string, string> = { ts: "typescript", js: "typescript", sh: "shellscript", bash: "shellscript", shell: "shellscript" };
const THEMES = { light: "github-light", dark: "github-dark" } as const;
const CACHE_FILE = join(repoRoot, "node_modules", ".cache", "zero-to-millions", "site-highlight.json");

export interface Highlight {
  (code: string, lang: string): string;
  /** Saves the blocks highlighted by this build for the next one. */
  saveCache(): void;
}

export async function createHighlight(cacheFile: string | null = CACHE_FILE): Promise<Highlight> {
  const highlighter = await createHighlighter({ themes: Object.values(THEMES), langs: [...LANGS], engine: createJavaScriptRegexEngine() });
  // The shiki version is part of the key: a new version may tokenize differently.
  const salt = `${shikiVersion()}|${THEMES.light}|${THEMES.dark}|`;
  const previous = readCache(cacheFile);
  const used: Record<string, string> = {};

  const highlight = ((code: string, lang: string) => {
    const name = ALIASES[lang] ?? lang;
    if (!(LANGS as readonly string[]).includes(name)) {
      // Plain text (the ASCII diagrams): same frame as highlighted code, no colours.
      return `<pre class="shiki"><code>${escapeHtml(code)}</code></pre>`;
    }
    const key = createHash("sha256").update(salt + name + "\0" + code).digest("base64url");
    // Dual themes as CSS variables (--shiki-light / --shiki-dark) on every token; the site's
    // stylesheet picks one per theme, so a theme switch needs no re-render.
    used[key] ??= previous[key] ?? highlighter.codeToHtml(code, { lang: name, themes: THEMES, defaultColor: false });
    return used[key];
  }) as Highlight;
  highlight.saveCache = () => {
    if (!cacheFile) return;
    try {
      // Write then rename: a build running at the same time never reads half a file.
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(used));
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only node_modules only costs speed.
    }
  };
  return highlight;
}

function readCache(file: string | null): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

function shikiVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, "node_modules", "shiki", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
