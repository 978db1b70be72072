/**
 * The frame every page shares: head, header (home link, search, theme toggle), footer.
 *
 * All pages sit in one folder, so every link is a bare file name and the site works from file://
 * as well as from a server. The stylesheet and script are local files (site.css, site.js); the
 * only inline script is the few lines that apply a saved theme before the first paint, so a dark
 * page never flashes white.
 */
import { escapeHtml } from "./html.ts";

export interface PageParts {
  /** The page's <title>, before " · <course title>". */
  title: string;
  courseTitle: string;
  /** The page's content, inside <main>. */
  body: string;
  /** The search index (search.ts), embedded as JSON so search needs no request. */
  searchIndexJson: string;
  /** Extra footer navigation (previous / next chapter). */
  pager?: string;
}

const THEME_BOOT = `try{var t=localStorage.getItem("ztm-theme");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function page(parts: PageParts): string {
  // "<" inside the JSON could close the script element; \u003c is the same string to JSON.parse.
  const index = parts.searchIndexJson.replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(parts.title)} · ${escapeHtml(parts.courseTitle)}</title>
<link rel="stylesheet" href="site.css">
<script>${THEME_BOOT}</script>
</head>
<body>
<header class="site-header">
  <a class="brand" href="index.html">${escapeHtml(parts.courseTitle)}</a>
  <div class="search" role="search">
    <label class="visually-hidden" for="search-input">Search chapters and sections</label>
    <input id="search-input" type="search" placeholder="Search… (press /)" autocomplete="off" spellcheck="false">
    <ul id="search-results" class="search-results" hidden></ul>
  </div>
  <button id="theme-toggle" class="theme-toggle" type="button" aria-label="Switch between light and dark theme" title="Switch theme">◐</button>
</header>
<main>
${parts.body}
</main>
<footer class="site-footer">
${parts.pager ?? ""}
<p><a href="index.html">Course map</a> · <a href="cheat-sheet.html">Cheat sheet</a> · built from the repository's <code>chapters/</code> and <code>docs/</code> by <code>npm run docs</code></p>
</footer>
<script type="application/json" id="search-index">${index}</script>
<script src="site.js"></script>
</body>
</html>
`;
}
