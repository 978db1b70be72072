/**
 * The website build without a browser: what it writes, what it must never write (quiz answers,
 * external assets), the architecture description's consistency, and that adding chapters to the
 * course never breaks the build.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadChapter, loadCourse } from "../../manifest/load.ts";
import type { Chapter } from "../../manifest/types.ts";
import { repoRoot } from "../../kit/settings.ts";
import { ARROWS, BOXES, SHARDING, STEPS, architectureAt } from "../../site/architecture.ts";
import { buildSite, standaloneDiagram } from "../../site/build.ts";
import { renderDiagram } from "../../site/diagram.ts";
import { loadSampleReport } from "../../site/lab-page.ts";
import { renderLabSection } from "../../lab/html.ts";

const temp = mkdtempSync(join(tmpdir(), "ztm-site-build-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("the built site", () => {
  const out = join(temp, "site");
  const course = loadCourse();
  beforeAll(() => buildSite({ out }));

  test("has a home page, a page per listed chapter, and a page per guide", () => {
    const files = readdirSync(out);
    expect(files).toContain("index.html");
    for (const chapter of course.chapters) expect(files).toContain(`${chapter.id}.html`);
    // Each course-map thumbnail says in words what its step adds (all a phone can read of it).
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).toContain('<p class="thumb-adds">Adds: Load balancer.</p>');
    expect(home).toContain('<p class="thumb-adds">Adds: Shard router, Shard 0, Shard 1, Shard 2, Shard 3, Celebrity shard, NoSQL store.</p>');
    for (const guide of readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md"))) {
      expect(files).toContain(`guide-${guide.replace(/\.md$/, "")}.html`);
    }
  });

  test("loads nothing from the network and ships no highlighter", () => {
    for (const file of readdirSync(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(out, file), "utf8");
      expect(html, file).not.toMatch(/<(?:script|img|link|iframe)\b[^>]*(?:src|href)="(?:[a-z]+:)?\/\//i);
      // Script files: site.js everywhere, quiz.js where there is a quiz; the inline one is the theme boot.
      const scripts = html.match(/<script src="[^"]*"/g) ?? [];
      expect(scripts[0], file).toBe('<script src="site.js"');
      expect(scripts.slice(1).every((s) => s === '<script src="quiz.js"'), file).toBe(true);
    }
    for (const script of ["site.js", "quiz.js"]) expect(readFileSync(join(out, script), "utf8")).not.toMatch(/codeToHtml|import\(|fetch\(|https?:\/\//);
    // The search loads these two local scripts, not a fetch (which file:// pages may not do).
    expect(readFileSync(join(out, "search-index.js"), "utf8")).toMatch(/^\/\/.*\nwindow\.ZTM_SEARCH = \{"options":/);
    expect(existsSync(join(out, "minisearch.js"))).toBe(true);
  });

  test("has the scale lab page, with the sample report drawn by the lab's own HTML code, linked from the home page and sidebar", () => {
    const lab = readFileSync(join(out, "lab.html"), "utf8");
    expect(lab).toContain("npm run course -- lab");
    expect(lab).toContain(renderLabSection(loadSampleReport(), { headingLevel: 3, idPrefix: "lab", chapterHref: (c, e) => `${c}.html${e ? `#ex-${e.split("/")[1]}` : ""}` }));
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('<a href="lab.html">the scale lab</a>');
    expect(readFileSync(join(out, course.chapters[0]!.id + ".html"), "utf8")).toContain('<li><a href="lab.html">Scale lab</a></li>');
  });

  test("shows the quiz with each explanation hidden until answered, and keeps explanations out of the search", () => {
    const index = words(readFileSync(join(out, "search-index.js"), "utf8"));
    for (const chapter of course.chapters) {
      const html = readFileSync(join(out, `${chapter.id}.html`), "utf8");
      const hidden = [...html.matchAll(/<div class="quiz-explanation" hidden>([\s\S]*?)<\/div>/g)].map((m) => words(m[1]!.replace(/<[^>]*>/g, " ")));
      expect(hidden).toHaveLength(chapter.quiz.length);
      const shown = words(html.replace(/<div class="quiz-explanation" hidden>[\s\S]*?<\/div>/g, " ").replace(/<[^>]*>/g, " "));
      for (const [i, q] of chapter.quiz.entries()) {
        const start = words(q.explanation).slice(0, 80);
        expect(hidden[i]).toContain(start);
        expect(shown).not.toContain(start);
        expect(index).not.toContain(start);
      }
    }
  });

  test("every exercise shows its stub and three folded hints", () => {
    for (const chapter of course.chapters) {
      const html = readFileSync(join(out, `${chapter.id}.html`), "utf8");
      for (const exercise of chapter.exercises) {
        const slug = exercise.id.split("/")[1];
        expect(html).toContain(`id="ex-${slug}"`);
        expect(html).toContain(`exercises/${exercise.id}.ts`);
      }
      expect(html.match(/<details class="hint">/g)?.length).toBe(chapter.exercises.length * 3);
    }
  });

  test("refuses to empty an --out folder it did not build", async () => {
    const foreign = join(temp, "not-a-site");
    await buildSite({ out: join(foreign, "x") }); // a new folder is fine
    writeFileSync(join(foreign, "precious.txt"), "keep me");
    await expect(buildSite({ out: foreign })).rejects.toThrow(/not empty/);
    expect(existsSync(join(foreign, "precious.txt"))).toBe(true);
  });
});

test("every chapter folder on disk builds, listed in course.json or not", async () => {
  // Chapters are added to course.json one at a time; the site must take any of them.
  const chapters: Chapter[] = [];
  for (const folder of readdirSync(join(repoRoot, "chapters")).filter((f) => /^\d\d-/.test(f)).sort()) {
    try {
      chapters.push(loadChapter(folder));
    } catch (error) {
      console.warn(`site build test: skipping ${folder}, its chapter.json does not load yet: ${(error as Error).message}`);
    }
  }
  const out = join(temp, "all");
  const result = await buildSite({ out, course: { ...loadCourse(), chapters } });
  // + the home page, the print page, the cheat sheet and the scale lab
  expect(result.pages).toHaveLength(chapters.length + 4 + readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md")).length);
  const index = readFileSync(join(out, "index.html"), "utf8");
  if (chapters.some((c) => c.id.startsWith("12-"))) expect(index.toLowerCase()).toContain("consistent hashing");
});

test("a chapter past the twelve steps joins the sidebar, pager, home page, search and print page with no code change", async () => {
  const course = loadCourse();
  const extra: Chapter = { ...course.chapters[0]!, id: "13-extra-chapter", title: "An extra chapter", summary: "Added later.", exercises: [] };
  const out = join(temp, "with-13");
  const result = await buildSite({ out, course: { ...course, chapters: [...course.chapters, extra] } });
  expect(result.pages).toContain("13-extra-chapter.html");
  const read = (file: string) => readFileSync(join(out, file), "utf8");
  expect(read(`${course.chapters.at(-1)!.id}.html`)).toContain('<a rel="next" href="13-extra-chapter.html">');
  expect(read("13-extra-chapter.html")).toContain('<a href="13-extra-chapter.html" aria-current="page">13 · An extra chapter</a>');
  expect(read("index.html")).toMatch(/id="more-chapters"[\s\S]*href="13-extra-chapter.html"/);
  expect(read("print.html")).toContain('id="13-extra-chapter-site-quiz"');
  expect(read("search-index.js")).toContain("13-extra-chapter.html");
});

describe("the architecture description", () => {
  test("every arrow joins two boxes that exist", () => {
    const ids = new Set(BOXES.map((b) => b.id));
    for (const a of ARROWS) expect([ids.has(a.from), ids.has(a.to)], `${a.from} -> ${a.to}`).toEqual([true, true]);
  });

  test("no two boxes overlap at any step", () => {
    for (const step of STEPS) {
      const boxes = architectureAt(step.n).boxes.filter((b) => b.kind !== "frame");
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = a.col + (a.cols ?? 1) <= b.col || b.col + (b.cols ?? 1) <= a.col || a.row + (a.rows ?? 1) <= b.row || b.row + (b.rows ?? 1) <= a.row;
          expect(apart, `step ${step.n}: ${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
    }
  });

  test("every step adds something and every diagram uses theme colours only", () => {
    let previous = "";
    for (const step of STEPS) {
      const svg = renderDiagram(step.n);
      expect(svg).not.toBe(previous);
      expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b/i); // inline: colours come from the page's variables
      previous = svg;
    }
  });

  test("step 12 shards the way chapter 12's lesson does: the same key rule and shard count", () => {
    const folder = readdirSync(join(repoRoot, "chapters")).find((f) => f.startsWith("12-"));
    expect(folder, "a chapters/12-* folder").toBeDefined();
    const lesson = readFileSync(join(repoRoot, "chapters", folder!, "lesson.md"), "utf8");
    // The rule the lesson teaches first ("`user_id % 4` with four shards") ...
    const rule = /`(\w+) % (\d+)`/.exec(lesson);
    expect(rule?.slice(1, 3), "the lesson's first `key % n`").toEqual([SHARDING.key, String(SHARDING.count)]);
    // ... and the shards its own text diagram draws.
    const diagram = /## Diagram\s+```\w*\n([\s\S]*?)```/.exec(lesson)?.[1] ?? "";
    const drawn = new Set([...diagram.matchAll(/shard (\d+)/gi)].map((m) => Number(m[1])));
    expect([...drawn].sort(), "shards in the lesson's text diagram").toEqual(Array.from({ length: SHARDING.count }, (_, i) => i));
    for (const m of diagram.matchAll(/id ?% ?(\d+)/g)) expect(Number(m[1]), m[0]).toBe(SHARDING.count);
    // The SVG at step 12: one box per shard, each with its replicas, routed by that rule.
    const { boxes } = architectureAt(12);
    const shards = boxes.filter((b) => /^Shard \d+$/.test(b.label));
    expect(shards.map((b) => [b.label, b.sub, b.kind])).toEqual(Array.from({ length: SHARDING.count },
      (_, i) => [`Shard ${i}`, `id % ${SHARDING.count} = ${i} · + replicas`, "stack"]));
    expect(boxes.find((b) => b.id === "router")?.sub).toBe(`${SHARDING.key} % ${SHARDING.count} → shard`);
    // What else the lesson's picture has: the celebrity shard and the NoSQL store.
    expect(diagram).toMatch(/celebrity/i);
    expect(diagram).toMatch(/NoSQL/);
    expect(boxes.map((b) => b.label)).toEqual(expect.arrayContaining(["Celebrity shard", "NoSQL store"]));
    expect(boxes.some((b) => /replica/i.test(b.label + (b.sub ?? "")) && b.from <= 11)).toBe(false); // no stale master/replica pair
  });

  test("chapters/<NN-name>/diagram.svg files are current (regenerate: npm run docs -- --diagrams)", () => {
    for (const step of STEPS) {
      const folder = readdirSync(join(repoRoot, "chapters")).find((f) => f.startsWith(`${String(step.n).padStart(2, "0")}-`));
      const file = folder && join(repoRoot, "chapters", folder, "diagram.svg");
      if (file && existsSync(file)) expect(readFileSync(file, "utf8"), file).toBe(standaloneDiagram(step.n));
    }
  });
});

/** Letters and digits only, single-spaced: compares text across HTML escaping and markup. */
function words(text: string): string {
  return text.replace(/&[a-z#0-9]+;/gi, " ").replace(/[^A-Za-z0-9]+/g, " ").trim();
}
