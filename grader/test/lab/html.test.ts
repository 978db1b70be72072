/**
 * The lab's HTML report: one self-contained page (nothing fetched, no script), every text from
 * the report escaped, each fault and check shown, locked stages marked; and in Chromium (the
 * project's helper, grader/test/site/chromium.ts, with its rule: skipped loudly without Chromium
 * on a developer's machine, required in CI) it opens with no console error, no request, and
 * nothing sticking out sideways at 1280 or 390 px.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { clock, lineChart, niceCeil } from "../../lab/html-chart.ts";
import { renderLabHtml, renderLabSection, siteLinksFrom } from "../../lab/html.ts";
import type { LabReport } from "../../lab/report.ts";
import { available, CHROMIUM, FLAGS, runBrowserTests } from "../site/chromium.ts";

const sample = (): LabReport => JSON.parse(readFileSync(join(repoRoot, "grader", "lab", "sample-report.json"), "utf8"));

const HOSTILE = `<img src=x onerror="alert(1)"> & "quoted" <script>alert(2)</script>`;

/** The sample with hostile text in every field a report carries as text. */
function hostile(): LabReport {
  const report = sample();
  report.scenario = `flash-${HOSTILE}`;
  report.faults = [{ atS: 600, label: `fault ${HOSTILE}` }, { atS: 900, label: "second fault: db-0 dies" }];
  report.stages[11]!.reason = `reason ${HOSTILE}`;
  report.stages[0]!.title = `title ${HOSTILE}`;
  report.checks[0]!.name = `name ${HOSTILE}`;
  report.checks[0]!.message = `message ${HOSTILE}`;
  report.checks[1]!.chapter = "04-load-balancer"; // whichever check it is in the sample (a real run's)
  report.checks[1]!.exercise = `04-load-balancer/${HOSTILE}`;
  report.skippedChecks = [{ name: `skipped ${HOSTILE}`, chapter: "12-sharding" }];
  return report;
}

const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe("renderLabHtml", () => {
  test("is one self-contained page: no external reference, no stylesheet link, no script", () => {
    const html = renderLabHtml(sample());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/https?:\/\//); // not even in text: the page names no address at all
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\b(?:src|srcset)\s*=/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i); // only in-page references (diagram markers)
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\d\d-[a-z0-9-]+\.html(#ex-[a-z0-9-]+)?$/); // the site's lesson pages
  });

  test("puts scenario, seed and source in the title", () => {
    const report = sample();
    report.scenario = "flash-crowd";
    report.seed = 7;
    report.source = "solutions";
    expect(renderLabHtml(report)).toContain("<title>Scale lab · flash-crowd · seed 7 · solutions</title>");
  });

  test("escapes every text that comes from the report", () => {
    const html = renderLabHtml(hostile());
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).not.toContain(HOSTILE);
    for (const prefix of ["fault ", "reason ", "title ", "name ", "message ", "skipped ", "flash-"]) {
      expect(html, prefix).toContain(escaped(prefix + HOSTILE));
    }
    expect(html).toContain(`href="04-load-balancer.html#ex-${escaped(HOSTILE)}"`); // an attribute stays one attribute
  });

  test("shows each fault's label (in the list and on every chart) and each check", () => {
    const report = sample();
    const html = renderLabHtml(report);
    expect(report.faults.length).toBeGreaterThan(0);
    for (const fault of report.faults) {
      expect(html).toContain(`<strong>${clock(fault.atS)}</strong> ${escaped(fault.label)}</li>`);
      expect(html.split(`<title>${clock(fault.atS)} ${escaped(fault.label)}</title>`).length - 1).toBe(6);
    }
    expect(html.match(/<svg class="lab-chart-svg"/g)).toHaveLength(6);
    for (const check of report.checks) {
      expect(html).toContain(`<strong>${escaped(check.name)}</strong>`);
      expect(html).toContain(`<p>${escaped(check.message)}</p>`);
    }
    const fails = report.checks.filter((c) => c.status === "fail").length;
    expect(html.match(/<li class="fail">/g) ?? []).toHaveLength(fails);
    expect(html.match(/<li class="pass">/g) ?? []).toHaveLength(report.checks.length - fails);
    expect(html).toContain(`Checks passed: <strong>${report.checks.length - fails} of ${report.checks.length}</strong>`);
  });

  test("greys locked stages with their reason, and draws the highest stage that is in", () => {
    const report = sample();
    const html = renderLabHtml(report);
    const locked = report.stages.filter((s) => s.status === "locked");
    expect(locked.length).toBeGreaterThan(0);
    expect(html.match(/<tr class="locked">/g)).toHaveLength(locked.length);
    expect(html.match(/<tr class="in">/g)).toHaveLength(report.stages.length - locked.length);
    for (const stage of locked) expect(html).toMatch(new RegExp(`<tr class="locked">[^\\n]*${stage.chapter}[^\\n]*${escaped(stage.reason!)}`));
    expect(html).toContain("<title id=\"lab-title-11\">The architecture at step 11: Logging, metrics and automation</title>");
    // With only chapter 01 in, the picture is step 1's.
    const baseline = sample();
    baseline.stages.forEach((s, i) => { if (i > 0) { s.status = "locked"; s.reason = "not passing yet"; s.metrics = {}; } });
    expect(renderLabSection(baseline)).toContain("The architecture at step 1: Single server");
  });

  test("siteLinksFrom makes relative links from the report's folder to the built site's lessons", () => {
    expect(siteLinksFrom("/repo/out/lab.html", "/repo/docs/site")("06-cache", "06-cache/lru-cache")).toBe("../docs/site/06-cache.html#ex-lru-cache");
    expect(siteLinksFrom("/repo/docs/site/lab.html", "/repo/docs/site")("06-cache")).toBe("06-cache.html");
    expect(siteLinksFrom("/tmp/my lab/r.html", "/tmp/docs site")("01-single-server")).toBe("../docs%20site/01-single-server.html");
  });

  test("refuses a report of another version, with a message that says so", () => {
    const report = { ...sample(), version: 1 } as unknown as LabReport;
    expect(() => renderLabHtml(report)).toThrow(/version 1, expected 2/);
  });

  test("charts: a readable y-axis top, an empty series says so, a fault past the end stays in the box", () => {
    expect([0, 0.3, 1, 7, 12, 180, 2400, 26_000].map(niceCeil)).toEqual([1, 0.5, 1, 10, 20, 200, 2500, 50_000]);
    expect(lineChart({ title: "x", values: [], bucketS: 60, faults: [] })).toContain("no data");
    const svg = lineChart({ title: "x", values: [1, 2, 3], bucketS: 60, faults: [{ atS: 10_000, label: "late" }] });
    const x = Number(/<g class="fault">.*?<line x1="([\d.]+)"/.exec(svg)![1]);
    expect(x).toBeLessThanOrEqual(480);
  });
});

describe.skipIf(!runBrowserTests)("the lab report in Chromium", () => {
  const temp = mkdtempSync(join(tmpdir(), "ztm-lab-html-"));
  let browser: Browser;
  beforeAll(async () => {
    if (!available) throw new Error(`CI must run the browser tests, but there is no Chromium at ${CHROMIUM}: .ci/run installs it with apt-get install -y chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  test.each([["sample", sample], ["hostile", hostile]] as const)("the %s report opens with no console error, no request and no overflow at 1280 and 390 px", async (name, make) => {
    const file = join(temp, `${name}.html`);
    writeFileSync(file, renderLabHtml(make()));
    const url = pathToFileURL(file).href;
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
      page.on("request", (r) => r.url() !== url && problems.push(`request: ${r.url()}`));
      await page.goto(url, { waitUntil: "load" });
      expect(await page.evaluate<number>("document.documentElement.scrollWidth"), `${name} at ${width}`).toBeLessThanOrEqual(width);
      // The hostile text is shown as text, never made into elements.
      expect(await page.evaluate<number>("document.querySelectorAll('img, script, iframe').length")).toBe(0);
      expect(await page.locator("svg.lab-chart-svg").count()).toBe(6);
      expect(await page.locator("svg.diagram").count()).toBe(1);
      const chart = (await page.locator("svg.lab-chart-svg").first().boundingBox())!;
      expect(chart.x >= 0 && chart.x + chart.width <= width && chart.width > width / 3, `chart at ${width}: ${JSON.stringify(chart)}`).toBe(true);
      expect(await page.locator("tr.locked").count()).toBe(2);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
