/**
 * The printable cheat sheet in headless Chromium (as browser.test.ts: Debian's /usr/bin/chromium
 * via playwright-core, opened from file://): it loads with no error, shows the final diagram, the
 * reference tables and every chapter's "Say it out loud" lines, and prints to one A4 page
 * (the print stylesheet: four columns, small type).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { loadCourse } from "../../manifest/load.ts";
import { buildSite } from "../../site/build.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0";
const available = existsSync(CHROMIUM);

describe.skipIf(!available && !inCi)("the cheat sheet in Chromium", () => {
  const temp = mkdtempSync(join(tmpdir(), "ztm-cheat-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  test("shows the diagram, the tables and every chapter's lines, and prints to one page", async () => {
    const out = join(temp, "site");
    // The shared cache of highlighted code blocks, as the other site tests use: the sheet does
    // not depend on it, and highlighting every block again cost ~2 s of CPU.
    await buildSite({ out });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(pathToFileURL(join(out, "cheat-sheet.html")).href);
      expect(problems).toEqual([]);
      expect(await page.locator(".final-diagram svg").count()).toBe(1);
      const text = (await page.locator(".cheat-sheet").innerText()).replace(/\s+/g, " ");
      expect(text).toContain("52.6 minutes");
      expect(text).toContain("Main memory reference".toLowerCase());
      const withLines = loadCourse().chapters.filter((c) => readFileSync(c.lessonPath, "utf8").includes("## Say it out loud"));
      expect(await page.locator(".say").count()).toBe(withLines.length);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ preferCSSPageSize: true }); // the sheet's own @page: A4, 6 mm margins
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      console.log(`cheat sheet: ${pages} A4 page(s)`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages, "the cheat sheet no longer fits one A4 page: shorten the \"Say it out loud\" lines or tighten the print CSS in grader/site/cheat-sheet.ts").toBe(1);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
