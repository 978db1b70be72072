/**
 * The website in headless Chromium, opened from file:// as a learner would open it and over HTTP
 * from `npm run docs:serve`'s server: every page loads with no console error, no failed request
 * and no request off the site; every link resolves; the favicon is there; nothing sticks out
 * sideways at 1280 or 390 px; the search panel stays on screen; every diagram can be read at
 * 390 px; the theme toggle works. Screenshots (1280 and 390 px, light and dark) go to
 * docs/site-screenshots/ (git-ignored) for a human to look at.
 *
 * (Browser-side code is passed as strings where it names DOM globals: the project's tsconfig has
 * no DOM types, and adding them would hide mistakes in Node code.)
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { loadCourse } from "../../manifest/load.ts";
import type { Page } from "playwright-core";
import { openSite, runBrowserTests, type Mode, type SiteInBrowser } from "./chromium.ts";

const SCREENSHOTS = join(repoRoot, "docs", "site-screenshots");

describe.skipIf(!runBrowserTests)("the website in Chromium", () => {
  const course = loadCourse();
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite("browser");
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => site?.close());

  /** The smallest label drawn (visible) in the diagrams under `root`, in CSS px; Infinity if none. */
  const smallestLabel = (root: string) => `(() => {
    const sizes = [...document.querySelectorAll(${JSON.stringify(root)} + " svg.diagram")].flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll("text")].filter((t) => t.checkVisibility())
        .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    });
    return sizes.length ? Math.min(...sizes) : Infinity;
  })()`;

  /** At 390 px, on the page loaded in `page`: every diagram label drawn is at least 10 px, and
   *  every diagram opens full size (labels at least 10 px there too) and closes with Escape. */
  async function checkDiagramsAt390(page: Page, file: string): Promise<void> {
    // In the page: a chapter's diagram at its own size, scrolling sideways inside its figure;
    // the course map's thumbnails as shapes without words.
    expect(await page.evaluate<number>(smallestLabel("main")), file).toBeGreaterThanOrEqual(10);
    if (file !== "index.html") {
      expect(await page.evaluate<number>(smallestLabel("figure.architecture")), file).toBeLessThan(Infinity);
      expect(await page.isVisible("figure.architecture .scroll-note"), file).toBe(true);
    }
    const buttons = page.locator("button.enlarge");
    const count = await buttons.count();
    expect(count, file).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 390, `${file}: button ${i} on screen`).toBe(true);
      await button.click();
      const full = await page.evaluate<number>(smallestLabel("dialog.diagram-viewer[open]"));
      expect(full, `${file}: diagram ${i} full size`).toBeGreaterThanOrEqual(10);
      expect(full, `${file}: diagram ${i} full size`).toBeLessThan(Infinity);
      if (file.startsWith("12-")) await page.screenshot({ path: join(SCREENSHOTS, "diagram-full-size-390.png") });
      await page.keyboard.press("Escape");
      expect(await page.locator("dialog.diagram-viewer[open]").count()).toBe(0);
    }
    if (file.startsWith("12-")) await page.locator("figure.architecture").screenshot({ path: join(SCREENSHOTS, "diagram-in-page-390.png") });
  }

  // file:// at 1280 px, HTTP at 390 px: every page is seen at both widths, and none sticks out
  // sideways. At 390 px the chapters' and the home page's diagrams are checked in the same visit
  // (a second round of those 13 pages cost ~14 s of a loaded machine and proved nothing more).
  const diagramPages = new Set([...course.chapters.map((c) => `${c.id}.html`), "index.html"]);
  test.each([
    ["file", 1280, ""],
    ["http", 390, "; every diagram label drawn is at least 10 px, and every diagram opens full size"],
  ] as [Mode, number, string][])("over %s at %i px, every page loads cleanly, fits the width, and every link resolves%s", async (mode, width) => {
    const pages = readdirSync(site.out).filter((f) => f.endsWith(".html"));
    const ids = new Map<string, Set<string>>();
    const targets: { from: string; href: string }[] = [];
    const problems: string[] = [];
    const { page, visit } = await site.tab(mode, width);
    for (const file of pages) {
      const own = await visit(file);
      const scrollWidth = await page.evaluate<number>("document.documentElement.scrollWidth");
      if (scrollWidth > width) own.push(`${scrollWidth} px wide in a ${width} px window`);
      ids.set(file, new Set(await page.$$eval("[id]", (els) => els.map((e) => e.id))));
      const refs = await page.$$eval("a[href], img[src], link[href], script[src]", (els) =>
        els.map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? ""));
      for (const href of refs) if (!/^(?:https?:|mailto:)/.test(href)) targets.push({ from: file, href });
      if (width === 390 && diagramPages.has(file)) {
        await checkDiagramsAt390(page, file);
        const after = await page.evaluate<number>("document.documentElement.scrollWidth");
        if (after > width) own.push(`${after} px wide in a ${width} px window after its diagrams were opened and closed`);
      }
      problems.push(...own.map((p) => `${file}: ${p}`));
    }
    if (width === 390) expect([...diagramPages].filter((file) => !pages.includes(file))).toEqual([]); // every one was checked
    await page.close();
    for (const { from, href } of targets) {
      const target = new URL(href, site.url(from, "file"));
      const path = fileURLToPath(target);
      if (!existsSync(path)) problems.push(`${from}: broken link ${href}`);
      const name = path.slice(site.out.length + 1);
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && ids.has(name) && !ids.get(name)!.has(fragment)) problems.push(`${from}: ${href} names no element on ${name}`);
    }
    const linked = new Set(targets.map((t) => fileURLToPath(new URL(t.href, site.url(t.from, "file"))).slice(site.out.length + 1)));
    for (const file of pages) if (file !== "index.html" && !linked.has(file)) problems.push(`${file}: no page links to it`);
    expect(problems).toEqual([]);
    expect(pages).toEqual(expect.arrayContaining(["index.html", "print.html", ...course.chapters.map((c) => `${c.id}.html`)]));
    expect(targets.length).toBeGreaterThan(pages.length * 3); // the checker did look at links
  });

  test("served, /favicon.ico and favicon.svg are real icons Chromium draws", async () => {
    const ico = await fetch(new URL("favicon.ico", site.base));
    expect([ico.status, ico.headers.get("content-type")]).toEqual([200, "image/x-icon"]);
    const { page, problems } = await site.open("index.html", "http");
    const sizes = await page.evaluate<number[][]>(`Promise.all(["favicon.ico", "favicon.svg"].map((src) => new Promise((done) => {
      const img = new Image(); img.onload = () => done([img.naturalWidth, img.naturalHeight]); img.onerror = () => done([0, 0]); img.src = src;
    })))`);
    expect(sizes[0]).toEqual([32, 32]);
    expect(sizes[1]![0]).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("at 1280 and 390 px, light and dark, nothing sticks out sideways (screenshots for review)", async () => {
    const last = course.chapters.at(-1)!.id; // the latest step has the fullest diagram
    const guide = readdirSync(site.out).find((f) => f.startsWith("guide-"))!;
    const { page, visit } = await site.tab("http");
    for (const [name, file] of [["home", "index.html"], [last, `${last}.html`], ["guide", guide], ["print", "print.html"], ["lab", "lab.html"]] as const) {
      const problems = await visit(file);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
        for (const theme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: theme });
          if (name !== "print" && name !== "guide") await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}-${theme}.png`), fullPage: name === "home" });
          expect(await page.evaluate<number>("document.documentElement.scrollWidth"), `${file} at ${width}`).toBeLessThanOrEqual(width);
        }
      }
      expect(problems).toEqual([]);
    }
    await page.close();
  });

  test("the search panel stays inside the viewport at 1280 and 390 px", async () => {
    for (const width of [1280, 390]) {
      const { page } = await site.open("index.html", "file", width);
      await page.fill("#search-input", "cache");
      await page.waitForSelector("#search-results a");
      const box = (await page.locator("#search-results").boundingBox())!;
      expect([box.x >= 0, box.x + box.width <= width, box.width > 200], `at ${width}: ${JSON.stringify(box)}`).toEqual([true, true, true]);
      await page.screenshot({ path: join(SCREENSHOTS, `search-${width}.png`) });
      await page.close();
    }
  });

  test("the theme toggle switches themes without a network and remembers the choice", async () => {
    const { page, problems } = await site.open("index.html");
    await page.emulateMedia({ colorScheme: "light" });
    const background = () => page.evaluate<string>("getComputedStyle(document.body).backgroundColor");
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.click("#theme-toggle");
    expect(await page.evaluate<string>("document.documentElement.dataset.theme")).toBe("dark");
    expect(await background()).toBe("rgb(13, 17, 23)");
    await page.reload();
    expect(await background()).toBe("rgb(13, 17, 23)");
    await page.click("#theme-toggle");
    expect(await background()).toBe("rgb(255, 255, 255)");
    expect(problems).toEqual([]);
    await page.close();
  });
});
