/**
 * What the website's browser tests share: Debian's /usr/bin/chromium driven by playwright-core,
 * one browser per test file, the site built into a temp folder and served by `npm run docs:serve`'s
 * own server on a free loopback port, and a page opener that records everything that went wrong
 * while a page loaded (console errors, uncaught exceptions, failed or 4xx/5xx requests, and any
 * request that leaves the site).
 *
 * Without Chromium the suites are skipped with a loud message on a developer's machine, and fail
 * in CI (CI=true), where .ci/run installs it.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildSite } from "../../site/build.ts";
import { createSiteServer } from "../../site/serve.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic"];
const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0";
export const available = existsSync(CHROMIUM);
/** Run the browser suites here? (Everywhere Chromium is, and always in CI.) */
export const runBrowserTests = available || inCi;

if (!available && !inCi) {
  console.warn(`\n${"!".repeat(78)}\n!! SKIPPING the website's browser tests: no Chromium at ${CHROMIUM}.\n` +
    `!! Install it (Debian/Ubuntu, as root): apt-get update && apt-get install -y chromium\n${"!".repeat(78)}\n`);
}

export type Mode = "file" | "http";

export interface SiteInBrowser {
  /** The built site's folder. */
  out: string;
  /** http://127.0.0.1:<port>/ */
  base: string;
  context: BrowserContext;
  url(file: string, mode: Mode): string;
  /** Opens a page (at a viewport width, default 1280) and collects what went wrong while it loaded. */
  open(file: string, mode?: Mode, width?: number): Promise<{ page: Page; problems: string[] }>;
  /** One tab for visiting many pages in turn (faster than a tab each): `visit` loads a page and
   *  returns what went wrong while it did. */
  tab(mode?: Mode, width?: number): Promise<{ page: Page; visit(file: string): Promise<string[]> }>;
  close(): Promise<void>;
}

export async function openSite(name: string): Promise<SiteInBrowser> {
  if (!available) throw new Error(`CI must run the browser tests, but there is no Chromium at ${CHROMIUM}: .ci/run installs it with apt-get install -y chromium`);
  const temp = mkdtempSync(join(tmpdir(), `ztm-site-${name}-`));
  const out = join(temp, "site");
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    if (server) await new Promise((done) => server!.close(done));
    rmSync(temp, { recursive: true, force: true });
  };
  try {
    await buildSite({ out });
    server = createSiteServer(out);
    await new Promise<void>((ready, fail) => server!.once("error", fail).listen(0, "127.0.0.1", ready));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    context = await chromium.launchPersistentContext(join(temp, "profile"), { executablePath: CHROMIUM, headless: true, args: FLAGS });
    const url = (file: string, mode: Mode) => (mode === "http" ? new URL(file, base).href : pathToFileURL(join(out, file)).href);
    const tab = async (mode: Mode = "file", width = 1280) => {
      const page = await context!.newPage();
      page.setDefaultTimeout(10_000); // a missing element fails the test in seconds, not at vitest's limit
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      let problems: string[] = [];
      const local = (u: string) => (mode === "http" ? u.startsWith(base) : u.startsWith("file:")) || u.startsWith("data:");
      page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      // A request cut off because the page navigated away (the lazy search index, when a test
      // leaves the page right after focusing the search box) is not a broken link.
      page.on("requestfailed", (r) => r.failure()?.errorText !== "net::ERR_ABORTED" && problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
      page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
      page.on("request", (r) => !local(r.url()) && problems.push(`request off the site: ${r.url()}`));
      const visit = async (file: string) => {
        const mine: string[] = (problems = []);
        await page.goto(url(file, mode), { waitUntil: "load" });
        return mine; // later problems (from clicks, say) still land here until the next visit
      };
      return { page, visit };
    };
    const open = async (file: string, mode: Mode = "file", width = 1280) => {
      const { page, visit } = await tab(mode, width);
      return { page, problems: await visit(file) };
    };
    return { out, base, context, url, open, tab, close };
  } catch (error) {
    await close();
    throw error;
  }
}
