/**
 * What a reader does on the website, in headless Chromium: searching the lessons' text, moving
 * around (sidebar, "on this page", prev/next, ← and →, permalinks, copy buttons, links from
 * "chapter NN"), answering the quiz, printing, and the printable cheat sheet.
 * (Browser-side code is passed as strings where it names DOM globals; see browser.test.ts.)
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCourse } from "../../manifest/load.ts";
import { openSite, runBrowserTests, type SiteInBrowser } from "./chromium.ts";

describe.skipIf(!runBrowserTests)("using the website in Chromium", () => {
  const course = loadCourse();
  const chapter = (nn: string) => course.chapters.find((c) => c.id.startsWith(`${nn}-`));
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await openSite("features");
  });
  afterAll(() => site?.close());

  test("the search finds words from the lessons' body text, offline, at 1280 and 390 px", async () => {
    const expectations: [string, string | undefined][] = [
      ["Little's law", "02"], ["max_connections", "02"], ["split brain", "05"], ["LSN", "05"], ["Memcached", "06"],
      ["consistent hashing", "04"], ["consistent hashing", "12"], ["LRU", "06"],
    ];
    for (const width of [1280, 390]) {
      const { page, problems } = await site.open("index.html", "file", width);
      for (const [query, nn] of expectations) {
        const id = chapter(nn!)?.id;
        if (!id) continue; // that chapter is not in the course
        await page.fill("#search-input", query);
        await page.waitForFunction(`[...document.querySelectorAll("#search-results a")].some((a) => a.getAttribute("href").startsWith(${JSON.stringify(id)}))`,
          undefined, { timeout: 5000 }).catch(() => undefined);
        const hrefs = await page.$$eval("#search-results a", (as) => as.map((a) => a.getAttribute("href") ?? ""));
        expect(hrefs.some((h) => h.startsWith(`${id}.html`)), `"${query}" at ${width} px finds ${id}: ${hrefs.join(" ")}`).toBe(true);
      }
      // A result quotes the words around the match, the match marked.
      await page.fill("#search-input", "split brain");
      await expect.poll(() => page.$$eval("#search-results mark", (ms) => ms.map((m) => m.textContent?.toLowerCase()))).toContain("split brain");
      await page.fill("#search-input", "zzqxv nothing like this");
      await expect.poll(() => page.textContent("#search-results")).toContain("Nothing in the course matches");
      await page.fill("#search-input", "max_connections");
      await page.waitForSelector("#search-results a");
      const first = await page.getAttribute("#search-results a", "href");
      await page.press("#search-input", "Enter");
      await page.waitForURL((u) => u.href.endsWith(first!));
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  test("wide screens show the course sidebar and a sticky 'on this page'; phones fold them away", async () => {
    const id = course.chapters[1]!.id;
    const { page, problems } = await site.open(`${id}.html`, "http", 1280);
    expect(await page.isVisible(".sidebar")).toBe(true);
    expect(await page.getAttribute('.sidebar a[aria-current="page"]', "href")).toBe(`${id}.html`);
    expect(await page.locator(".sidebar ol a").count()).toBe(course.chapters.length);
    expect(await page.isVisible(".page-toc")).toBe(true);
    expect(await page.isVisible("main details.toc")).toBe(false);
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)");
    const toc = (await page.locator(".page-toc").boundingBox())!;
    expect(toc.y >= 0 && toc.y < 200, `sticky contents at y=${toc.y}`).toBe(true);
    // The same links above the content as below it.
    expect(await page.$$eval(".pager-top a", (as) => as.map((a) => a.getAttribute("href")))).toEqual(
      [`${course.chapters[0]!.id}.html`, `${course.chapters[2]!.id}.html`]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect([await page.isVisible(".sidebar"), await page.isVisible(".page-toc"), await page.isVisible("main details.toc")]).toEqual([false, false, true]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("← and → go to the previous and next chapter, but not while typing", async () => {
    const [first, second] = course.chapters;
    const { page, problems } = await site.open(`${first!.id}.html`);
    await page.keyboard.press("ArrowLeft"); // no previous chapter: stays
    await page.focus("#search-input");
    await page.keyboard.press("ArrowRight"); // typing in the search box: stays
    expect(page.url()).toContain(`${first!.id}.html`);
    await page.locator("h1").click();
    await page.keyboard.press("ArrowRight");
    await page.waitForURL((u) => u.pathname.endsWith(`${second!.id}.html`));
    await page.keyboard.press("ArrowLeft");
    await page.waitForURL((u) => u.pathname.endsWith(`${first!.id}.html`));
    expect(problems).toEqual([]);
    await page.close();
  });

  test.each([1280, 390])("at %i px, headings have permalinks, code blocks copy buttons, and 'chapter NN' links to that chapter", async (width) => {
    await site.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.base.slice(0, -1) });
    const id = chapter("02")?.id ?? course.chapters[0]!.id;
    const { page, problems } = await site.open(`${id}.html`, "http", width);
    const headings = await page.$$eval("main h2[id], main h3[id]", (hs) => hs.map((h) => [h.id, h.querySelector("a.anchor")?.getAttribute("href")]));
    expect(headings.length).toBeGreaterThan(3);
    for (const [hid, href] of headings) expect(href, hid!).toBe(`#${hid}`);

    const blocks = await page.locator("main pre.shiki").count();
    expect(await page.locator("main .code-block > button.copy-code").count()).toBe(blocks);
    const block = page.locator("main .code-block").filter({ visible: true }).first(); // not one folded away
    const button = block.locator("button.copy-code");
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Copied");
    const code = await block.locator("pre.shiki").innerText();
    expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(code);

    // Lessons say "chapter 04"; the site makes each a link to that chapter's page.
    const mentions = await page.$$eval("main a", (as) => as.filter((a) => /^[Cc]hapter \d+$/.test(a.textContent ?? ""))
      .map((a) => [a.textContent, a.getAttribute("href")]));
    expect(mentions.length).toBeGreaterThan(0);
    for (const [text, href] of mentions) {
      const target = course.chapters.find((c) => Number(c.id.slice(0, 2)) === Number(text!.split(" ")[1]));
      expect(href, text!).toBe(`${target!.id}.html`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test.each([1280, 390])("at %i px, the quiz marks a right and a wrong answer, explains both, and keeps the score", async (width) => {
    const quizzed = course.chapters.find((c) => c.quiz.filter((q) => q.type === "choice").length >= 2)!;
    const choice = quizzed.quiz.map((q, i) => ({ q, i })).filter(({ q }) => q.type === "choice").slice(0, 2);
    const { page, problems } = await site.open(`${quizzed.id}.html`, "http", width);
    const form = (i: number) => page.locator("form.quiz-q").nth(i);
    expect(await form(choice[0]!.i).locator(".quiz-explanation").isVisible()).toBe(false);
    const [right, wrong] = choice;
    await form(right!.i).locator(`input[value="${right!.q.answer}"]`).check();
    await form(right!.i).locator("button").click();
    const wrongAnswer = (wrong!.q.answer + 1) % (wrong!.q.type === "choice" ? wrong!.q.choices.length : 1);
    await form(wrong!.i).locator(`input[value="${wrongAnswer}"]`).check();
    await form(wrong!.i).locator("button").click();
    expect(await form(right!.i).locator(".quiz-verdict").textContent()).toBe("Right.");
    expect(await form(wrong!.i).locator(".quiz-verdict").textContent()).toMatch(/^Not quite: the answer is \([a-f]\)/);
    for (const { i } of choice) expect(await form(i).locator(".quiz-explanation").isVisible()).toBe(true);
    const score = `Score: 1 of ${quizzed.quiz.length} right (2 answered`;
    expect(await page.textContent(".quiz-score")).toContain(score);
    await page.reload();
    expect(await page.textContent(".quiz-score")).toContain(score);
    expect(await form(wrong!.i).locator(".quiz-explanation").isVisible()).toBe(true);
    await page.click(".quiz-reset");
    expect(await page.textContent(".quiz-score")).toBe("Score: nothing answered yet.");
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("printing hides the header, search and toggle and opens hints and contents; print.html holds every chapter", async () => {
    const id = course.chapters.find((c) => c.exercises.length > 0)!.id;
    const { page, problems } = await site.open(`${id}.html`);
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".site-header", "#search-input", "#theme-toggle", ".sidebar", ".pager"]) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    // Folded parts print open with no script (::details-content) ...
    expect(await page.locator("details.hint p").first().isVisible()).toBe(true);
    expect(await page.locator("main details.toc li").first().isVisible()).toBe(true);
    // ... and site.js opens them for printing too, and folds them again after.
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    expect(await page.locator("details.hint:not([open])").count()).toBe(0);
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    expect(await page.locator("details.hint[open]").count()).toBe(0);
    await page.close();

    const print = await site.open("print.html");
    const titles = await print.page.$$eval("article.print-chapter h1", (hs) => hs.map((h) => h.textContent ?? ""));
    expect(titles).toHaveLength(course.chapters.length);
    expect(await print.page.locator("article details.hint:not([open])").count()).toBe(0);
    expect(await print.page.evaluate<number>("new Set([...document.querySelectorAll('[id]')].map((e) => e.id)).size"))
      .toBe(await print.page.locator("[id]").count()); // ids stay unique with every chapter on one page
    expect([...problems, ...print.problems]).toEqual([]);
    await print.page.close();
  });

  // The printable cheat sheet: the final diagram, the reference tables and every chapter's "Say it
  // out loud" lines, printed to one A4 page by its own print stylesheet (four columns, small type).
  test("the cheat sheet shows the diagram, the tables and every chapter's lines, and prints to one page", async () => {
    const { page, problems } = await site.open("cheat-sheet.html");
    expect(problems).toEqual([]);
    expect(await page.locator(".final-diagram svg").count()).toBe(1);
    const text = (await page.locator(".cheat-sheet").innerText()).replace(/\s+/g, " ");
    expect(text).toContain("52.6 minutes");
    expect(text).toContain("Main memory reference".toLowerCase());
    const withLines = course.chapters.filter((c) => readFileSync(c.lessonPath, "utf8").includes("## Say it out loud"));
    expect(await page.locator(".say").count()).toBe(withLines.length);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true }); // the sheet's own @page: A4, 6 mm margins
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    console.log(`cheat sheet: ${pages} A4 page(s)`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages, "the cheat sheet no longer fits one A4 page: shorten the \"Say it out loud\" lines or tighten the print CSS in grader/site/cheat-sheet.ts").toBe(1);
    await page.close();
  });
});
