/**
 * `npm run docs:serve`'s static server: it answers files of the site folder and nothing else,
 * however the path is spelled.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSiteServer, resolveRequest } from "../../site/serve.ts";

const temp = mkdtempSync(join(tmpdir(), "ztm-serve-"));
const site = join(temp, "site");
mkdirSync(join(site, "sub"), { recursive: true });
writeFileSync(join(site, "index.html"), "<!doctype html><title>home</title>");
writeFileSync(join(site, "site.css"), "body{}");
writeFileSync(join(site, "sub", "index.html"), "sub");
writeFileSync(join(temp, "secret.txt"), "outside the site");
symlinkSync(join(temp, "secret.txt"), join(site, "link-out.txt"));

afterAll(() => rmSync(temp, { recursive: true, force: true }));

test("resolves files and folders inside the site only", () => {
  expect(resolveRequest(site, "/")).toBe(join(site, "index.html"));
  expect(resolveRequest(site, "/site.css?v=1#x")).toBe(join(site, "site.css"));
  expect(resolveRequest(site, "/sub/")).toBe(join(site, "sub", "index.html"));
  for (const evil of ["/../secret.txt", "/%2e%2e/secret.txt", "/sub/../../secret.txt", "/..%2fsecret.txt", "/%2e%2e%5csecret.txt",
    "/link-out.txt", "/index.html%00.css", "/%E0%A4%A", "/missing.html", "//etc/passwd"]) {
    expect(resolveRequest(site, evil), evil).toBeUndefined();
  }
});

describe("the server", () => {
  let base = "";
  const server = createSiteServer(site);
  beforeAll(() => new Promise<void>((ready) => server.listen(0, "127.0.0.1", () => {
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ready();
  })));
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test("serves pages with their content type", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("<title>home</title>");
    expect((await fetch(`${base}/site.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  test("answers 404 outside the site and 405 to anything but GET and HEAD", async () => {
    // fetch normalizes "/../", so the raw path goes through a percent-escape.
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/link-out.txt`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${base}/`, { method: "HEAD" })).status).toBe(200);
  });
});
