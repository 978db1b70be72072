/**
 * The frame every page shares: head, header (home link, search, theme toggle), the course
 * sidebar and the sticky "on this page" contents (wide screens only), prev/next links above and
 * below the content, footer.
 *
 * All pages sit in one folder, so every link is a bare file name and the site works from file://
 * as well as from a server. Stylesheet and scripts are local files; the only inline script is the
 * few lines that apply a saved theme before the first paint, so a dark page never flashes white.
 */
import { escapeHtml } from "./html.ts";

export interface NavLink {
  href: string;
  label: string;
}

export interface SiteNav {
  chapters: NavLink[];
  guides: NavLink[];
}

export interface PageParts {
  /** The page's file name (marks the current page in the sidebar). */
  file: string;
  /** The page's <title>, before " · <course title>". */
  title: string;
  courseTitle: string;
  /** The page's content, inside <main>. */
  body: string;
  nav: SiteNav;
  /** "On this page": the sections of a long page. */
  toc?: NavLink[];
  prev?: NavLink;
  next?: NavLink;
  /** Extra scripts of this page (quiz.js), after site.js. */
  scripts?: string[];
}

const THEME_BOOT = `try{var t=localStorage.getItem("ztm-theme");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

export function page(parts: PageParts): string {
  const scripts = ["site.js", ...(parts.scripts ?? [])].map((s) => `<script src="${s}"></script>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(parts.title)} · ${escapeHtml(parts.courseTitle)}</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="site.css">
<script>${THEME_BOOT}</script>
</head>
<body>
<a class="skip-link" href="#content">Skip to the content</a>
<header class="site-header">
  <a class="brand" href="index.html">${escapeHtml(parts.courseTitle)}</a>
  <div class="search" role="search">
    <label class="visually-hidden" for="search-input">Search the course</label>
    <input id="search-input" type="search" placeholder="Search… (press /)" autocomplete="off" spellcheck="false">
    <ul id="search-results" class="search-results" hidden></ul>
  </div>
  <button id="theme-toggle" class="theme-toggle" type="button" aria-label="Switch between light and dark theme" title="Switch theme">◐</button>
</header>
<div class="page${parts.toc?.length ? " has-toc" : ""}">
${sidebar(parts)}
<main id="content">
${pager(parts, "top")}
${parts.body}
${pager(parts, "bottom")}
</main>
${parts.toc?.length ? `<aside class="page-toc"><nav aria-label="On this page"><p class="page-toc-title">On this page</p><ul>${
    parts.toc.map((t) => `<li><a href="${t.href}">${escapeHtml(t.label)}</a></li>`).join("")}</ul></nav></aside>` : ""}
</div>
<footer class="site-footer">
<p><a href="index.html">Course map</a> · <a href="print.html">the whole course on one page</a> · <a href="cheat-sheet.html">cheat sheet</a> · built from the repository's <code>chapters/</code> and <code>docs/</code> by <code>npm run docs</code></p>
</footer>
${scripts}
</body>
</html>
`;
}

function sidebar(parts: PageParts): string {
  const link = (l: NavLink) => `<li><a href="${l.href}"${l.href === parts.file ? ' aria-current="page"' : ""}>${escapeHtml(l.label)}</a></li>`;
  return `<nav class="sidebar" aria-label="Course">
<p><a href="index.html"${parts.file === "index.html" ? ' aria-current="page"' : ""}>Course map</a></p>
<p class="sidebar-title">Chapters</p><ol>${parts.nav.chapters.map(link).join("")}</ol>
${parts.nav.guides.length ? `<p class="sidebar-title">Guides</p><ul>${parts.nav.guides.map(link).join("")}</ul>` : ""}
<p><a href="print.html"${parts.file === "print.html" ? ' aria-current="page"' : ""}>Whole course (print)</a></p>
</nav>`;
}

/** Previous / next chapter links; ← and → follow them (site.js). */
function pager(parts: PageParts, where: "top" | "bottom"): string {
  if (!parts.prev && !parts.next) return "";
  const prev = parts.prev ? `<a rel="prev" href="${parts.prev.href}">← ${escapeHtml(parts.prev.label)}</a>` : "<span></span>";
  const next = parts.next ? `<a rel="next" href="${parts.next.href}">${escapeHtml(parts.next.label)} →</a>` : "<span></span>";
  return `<nav class="pager pager-${where}" aria-label="Previous and next chapter${where === "top" ? "" : " (end of page)"}">${prev}${next}</nav>`;
}
