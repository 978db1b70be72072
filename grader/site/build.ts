/**
 * Builds the static site: index.html (the course map), one page per chapter listed in
 * chapters/course.json, one per guide in docs/, print.html (every chapter on one page), the
 * assets, favicons, and the search index with MiniSearch's browser build. Every page sits in the
 * output folder itself, so links are bare file names and the site works from file://.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { loadCourse } from "../manifest/load.ts";
import type { Chapter, Course } from "../manifest/types.ts";
import { repoRoot } from "../kit/settings.ts";
import { STEPS } from "./architecture.ts";
import { chapterPage } from "./chapter-page.ts";
import { cheatSheetPage } from "./cheat-sheet.ts";
import { DIAGRAM_CSS, renderDiagram } from "./diagram.ts";
import { findGuides } from "./guide-page.ts";
import { escapeHtml } from "./html.ts";
import { createHighlight } from "./highlight.ts";
import { homePage } from "./home-page.ts";
import { LAB_TOC, labPage, loadSampleReport } from "./lab-page.ts";
import { FAVICON_SVG, faviconIco } from "./favicon.ts";
import { page, type PageParts, type SiteNav } from "./layout.ts";
import { createMarkdown } from "./markdown.ts";
import { SearchIndex } from "./search.ts";

/** Written into every built site; a folder without it is never emptied (see cleanOut). */
const MARKER = ".zero-to-millions-site";
const ASSETS = join(repoRoot, "grader", "site", "assets");

export interface BuildOptions {
  out: string;
  /** The repository whose chapters/, exercises/ and docs/ are read (default: this one). */
  root?: string;
  /** The course to build (default: loadCourse(root)). Tests pass one with more chapters. */
  course?: Course;
  /** Where highlighted blocks are cached between builds; undefined: the default, null: none. */
  highlightCache?: string | null;
}

export interface BuildResult {
  pages: string[];
  searchEntries: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = options.root ?? repoRoot;
  const course = options.course ?? loadCourse(root);
  const highlight = await createHighlight(options.highlightCache);
  const md = createMarkdown(highlight);
  const guides = findGuides(join(root, "docs"));
  const index = new SearchIndex();
  const published = new Set(course.chapters.map((c) => c.id));
  const guidePages = new Map(guides.map((g) => [g.name, g.page]));

  /** A link in markdown under `fromDir` (repository-relative) -> a page of the site, if any. */
  const resolveLink = (fromDir: string, href: string): string | undefined => {
    const [path = "", fragment] = href.split("#", 2);
    let target: string;
    try {
      target = posix.normalize(posix.join(fromDir, decodeURI(path))).replace(/\/$/, "");
    } catch {
      return undefined; // a malformed %-escape: no page of ours
    }
    const hash = fragment ? `#${fragment}` : "";
    // The README's sections are not on the home page, so its fragments are dropped.
    if (target === "README.md" || target === ".") return "index.html";
    const chapter = /^chapters\/(\d\d-[a-z0-9-]+)(\/lesson\.md)?$/.exec(target);
    if (chapter && published.has(chapter[1]!)) return `${chapter[1]}.html${hash}`;
    const guide = /^docs\/([^/]+)\.md$/.exec(target);
    if (guide && guidePages.has(guide[1]!)) return `${guidePages.get(guide[1]!)}${hash}`;
    return undefined;
  };

  const nn = (id: string) => id.slice(0, 2);
  const chapterHref = (n: number) => course.chapters.find((c) => Number(nn(c.id)) === n)?.id.concat(".html");
  const nav: SiteNav = {
    chapters: course.chapters.map((c) => ({ href: `${c.id}.html`, label: `${nn(c.id)} · ${c.title}` })),
    guides: [...guides.map((g) => ({ href: g.page, label: g.title })), { href: "lab.html", label: "Scale lab" }],
  };
  const pages: Omit<PageParts, "courseTitle" | "nav">[] = [];
  const printed: string[] = [];
  course.chapters.forEach((chapter, i) => {
    const file = `${chapter.id}.html`;
    const where = `Chapter ${nn(chapter.id)} · ${chapter.title}`;
    const rendered = chapterPage({ chapter, root, md, highlight, resolveLink, chapterHref });
    index.add({ title: chapter.title, where: `Chapter ${nn(chapter.id)}`, href: file, text: chapter.summary });
    for (const e of chapter.exercises) {
      index.add({ title: e.title, where: `${where} · exercise`, href: `${file}#ex-${e.id.split("/")[1]}`, text: e.hints.join(" ") });
    }
    for (const section of rendered.sections.filter((x) => x.id)) {
      index.add({ title: section.heading, where, href: `${file}#${section.id}`, text: section.text });
    }
    const link = (c: Chapter | undefined) => c && { href: `${c.id}.html`, label: c.title };
    pages.push({ file, title: chapter.title, body: rendered.body, toc: rendered.toc, prev: link(course.chapters[i - 1]),
      next: link(course.chapters[i + 1]), scripts: chapter.quiz.length ? ["quiz.js"] : [] });
    printed.push(printArticle(chapter.id, rendered.body, published));
  });

  for (const guide of guides) {
    const rendered = md.render(readFileSync(guide.path, "utf8"), { resolveLink: (href) => resolveLink("docs", href), chapterHref });
    for (const section of rendered.sections) {
      const top = !section.id || section.id === rendered.headings[0]?.id; // the guide's own title
      index.add(top ? { title: guide.title, where: "Guide", href: guide.page, text: section.text }
        : { title: section.heading, where: `Guide · ${guide.title}`, href: `${guide.page}#${section.id}`, text: section.text });
    }
    const toc = rendered.headings.filter((h) => h.level === 2).map((h) => ({ href: `#${h.id}`, label: h.text }));
    pages.push({ file: guide.page, title: guide.title, body: rendered.html, toc });
  }
  // The lab's sample links only to pages (and exercise sections) this site has.
  const labHref = (id: string, exercise?: string) => {
    const chapter = course.chapters.find((c) => c.id === id);
    if (!chapter) return undefined;
    return exercise && chapter.exercises.some((e) => e.id === exercise) ? `${id}.html#ex-${exercise.split("/")[1]}` : `${id}.html`;
  };
  index.add({ title: "Scale lab", where: "Guide", href: "lab.html", text: "Your own components composed into the whole system, under traffic and faults: npm run course -- lab" });
  pages.push({ file: "lab.html", title: "Scale lab", toc: LAB_TOC,
    body: labPage({ report: loadSampleReport(), highlight, chapterHref: labHref, guideHref: guidePages.get("lab") }) });
  index.add({ title: "Cheat sheet", where: "Guide", href: "cheat-sheet.html", text: "The whole course on one printable page" });
  pages.push({ file: "cheat-sheet.html", title: "Cheat sheet", body: cheatSheetPage(course, md) });
  pages.push({ file: "index.html", title: "Course map", body: homePage(course, guides, highlight) });
  pages.push({ file: "print.html", title: "The whole course", scripts: ["quiz.js"],
    body: `<h1>${escapeHtml(course.title)}</h1><p class="lead">Every chapter on one page, for printing or reading offline.</p>${printed.join("\n")}` });

  cleanOut(options.out);
  for (const p of pages) writeFileSync(join(options.out, p.file), page({ ...p, courseTitle: course.title, nav }));
  writeFileSync(join(options.out, "site.css"), readFileSync(join(ASSETS, "site.css"), "utf8") + DIAGRAM_CSS);
  for (const asset of ["site.js", "quiz.js"]) copyFileSync(join(ASSETS, asset), join(options.out, asset));
  writeFileSync(join(options.out, "favicon.ico"), faviconIco());
  writeFileSync(join(options.out, "favicon.svg"), FAVICON_SVG);
  copyFileSync(join(repoRoot, "node_modules", "minisearch", "dist", "umd", "index.js"), join(options.out, "minisearch.js"));
  writeFileSync(join(options.out, "search-index.js"), index.toScript());
  highlight.saveCache();
  return { pages: pages.map((p) => p.file), searchEntries: index.size };
}

/** One chapter on the print page: its ids prefixed so they stay unique on the page (its own links
 *  follow, and links to other chapters point within the page), hints and contents open. */
function printArticle(id: string, body: string, chapters: Set<string>): string {
  const html = body
    .replace(/\b(id|aria-labelledby)="([^"]+)"/g, (_, attr: string, value: string) => `${attr}="${id}-${value}"`)
    .replace(/href="#([^"]+)"/g, (_, fragment: string) => `href="#${id}-${fragment}"`)
    .replace(/href="(\d\d-[a-z0-9-]+)\.html(?:#([^"]*))?"/g, (whole, page: string, fragment?: string) =>
      (chapters.has(page) ? `href="#${page}${fragment ? `-${fragment}` : ""}"` : whole))
    .replace(/url\(#([^)]+)\)/g, (_, ref: string) => `url(#${id}-${ref})`)
    .replace(/<details class="(hint|toc)">/g, '<details class="$1" open>');
  return `<article class="print-chapter" id="${id}">${html}</article>`;
}

/** Empties `out` for a fresh build, but only if it is missing, empty, or a site built before:
 *  `--out` pointed at the wrong folder must never delete someone's files. */
function cleanOut(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MARKER))) {
      throw new Error(`${out} is not empty and was not built by npm run docs; choose an empty or new folder for --out`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARKER), "Built by npm run docs; this folder is emptied by the next build.\n");
}

/** Writes chapters/<NN-name>/diagram.svg (standalone, following the system theme) for every
 *  step whose chapter folder exists, listed in the course or not. Returns the files written. */
export function writeChapterDiagrams(root = repoRoot): string[] {
  const folders = readdirSync(join(root, "chapters"));
  const written: string[] = [];
  for (const step of STEPS) {
    const folder = folders.find((f) => f.startsWith(`${String(step.n).padStart(2, "0")}-`));
    if (!folder) continue;
    const file = join("chapters", folder, "diagram.svg");
    writeFileSync(join(root, file), standaloneDiagram(step.n));
    written.push(file);
  }
  return written;
}

export function standaloneDiagram(n: number): string {
  const step = STEPS.find((s) => s.n === n)!;
  return `${renderDiagram(n, { standalone: true, title: `The architecture at step ${n}: ${step.title}` })}\n`;
}
