/**
 * Builds the static site: index.html (the course map), one page per chapter listed in
 * chapters/course.json, one per guide in docs/, plus site.css and site.js. Every page sits in the
 * output folder itself, so links are bare file names and the site works from file://.
 *
 * Pages are rendered first and wrapped in the layout last, because every page embeds the search
 * index, which is complete only once every page has been rendered.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { loadCourse } from "../manifest/load.ts";
import type { Course } from "../manifest/types.ts";
import { repoRoot } from "../kit/settings.ts";
import { STEPS } from "./architecture.ts";
import { chapterPage } from "./chapter-page.ts";
import { cheatSheetPage } from "./cheat-sheet.ts";
import { DIAGRAM_CSS, renderDiagram } from "./diagram.ts";
import { findGuides } from "./guide-page.ts";
import { escapeHtml } from "./html.ts";
import { createHighlight } from "./highlight.ts";
import { homePage } from "./home-page.ts";
import { page } from "./layout.ts";
import { createMarkdown } from "./markdown.ts";
import { RANK, SearchIndex } from "./search.ts";

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

  const bodies: { file: string; title: string; body: string; pager?: string }[] = [];
  course.chapters.forEach((chapter, i) => {
    const file = `${chapter.id}.html`;
    const where = `Chapter ${chapter.id.slice(0, 2)} · ${chapter.title}`;
    const rendered = chapterPage({ chapter, root, md, highlight, resolveLink });
    index.add({ text: chapter.title, where: chapter.summary, href: file, rank: RANK.chapter });
    for (const e of chapter.exercises) {
      index.add({ text: e.title, where: `${where} · exercise`, href: `${file}#ex-${e.id.split("/")[1]}`, rank: RANK.exercise });
    }
    for (const h of rendered.headings.filter((h) => h.level > 1)) {
      index.add({ text: h.text, where, href: `${file}#${h.id}`, rank: RANK.heading });
    }
    for (const t of rendered.terms) index.add({ text: t.text, where, href: `${file}#${t.sectionId}`, rank: RANK.term });
    const prev = course.chapters[i - 1];
    const next = course.chapters[i + 1];
    const pager = `<nav class="pager" aria-label="Chapters">${prev ? `<a href="${prev.id}.html">← ${escapeHtml(prev.title)}</a>` : "<span></span>"}${
      next ? `<a href="${next.id}.html">${escapeHtml(next.title)} →</a>` : "<span></span>"}</nav>`;
    bodies.push({ file, title: chapter.title, body: rendered.body, pager });
  });

  for (const guide of guides) {
    const rendered = md.render(readFileSync(guide.path, "utf8"), { resolveLink: (href) => resolveLink("docs", href) });
    index.add({ text: guide.title, where: "Guide", href: guide.page, rank: RANK.guide });
    for (const h of rendered.headings.filter((h) => h.level > 1)) {
      index.add({ text: h.text, where: `Guide · ${guide.title}`, href: `${guide.page}#${h.id}`, rank: RANK.heading });
    }
    bodies.push({ file: guide.page, title: guide.title, body: rendered.html });
  }
  index.add({ text: "Cheat sheet", where: "The whole course on one printable page", href: "cheat-sheet.html", rank: RANK.guide });
  bodies.push({ file: "cheat-sheet.html", title: "Cheat sheet", body: cheatSheetPage(course, md) });
  bodies.push({ file: "index.html", title: "Course map", body: homePage(course, guides, highlight) });

  cleanOut(options.out);
  const searchIndexJson = index.toJson();
  for (const b of bodies) {
    writeFileSync(join(options.out, b.file), page({ title: b.title, courseTitle: course.title, body: b.body, searchIndexJson, pager: b.pager }));
  }
  writeFileSync(join(options.out, "site.css"), readFileSync(join(ASSETS, "site.css"), "utf8") + DIAGRAM_CSS);
  writeFileSync(join(options.out, "site.js"), readFileSync(join(ASSETS, "site.js"), "utf8"));
  highlight.saveCache();
  return { pages: bodies.map((b) => b.file), searchEntries: index.size };
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
