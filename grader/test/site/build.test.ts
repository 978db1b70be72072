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
import { ARROWS, BOXES, STEPS, architectureAt } from "../../site/architecture.ts";
import { buildSite, standaloneDiagram } from "../../site/build.ts";
import { renderDiagram } from "../../site/diagram.ts";

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
    for (const guide of readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md"))) {
      expect(files).toContain(`guide-${guide.replace(/\.md$/, "")}.html`);
    }
  });

  test("loads nothing from the network and ships no highlighter", () => {
    for (const file of readdirSync(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(out, file), "utf8");
      expect(html, file).not.toMatch(/<(?:script|img|link|iframe)\b[^>]*(?:src|href)="(?:[a-z]+:)?\/\//i);
      // The only script files are site.js; the other scripts are the inline theme boot and the index.
      expect(html.match(/<script src="[^"]*"/g), file).toEqual(['<script src="site.js"']);
    }
    expect(readFileSync(join(out, "site.js"), "utf8")).not.toMatch(/shiki|import\(|fetch\(/);
  });

  test("shows the quiz questions but never their answers' explanations", () => {
    for (const chapter of course.chapters) {
      const text = words(readFileSync(join(out, `${chapter.id}.html`), "utf8").replace(/<[^>]*>/g, " "));
      for (const q of chapter.quiz) expect(text).not.toContain(words(q.explanation).slice(0, 80));
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
  // + the home page and the cheat sheet
  expect(result.pages).toHaveLength(chapters.length + 2 + readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md")).length);
  const index = readFileSync(join(out, "index.html"), "utf8");
  if (chapters.some((c) => c.id.startsWith("12-"))) expect(index.toLowerCase()).toContain("consistent hashing");
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
