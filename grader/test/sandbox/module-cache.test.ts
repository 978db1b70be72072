/**
 * The module cache a sandboxed run gets (grader/sandbox/enter-root.sh): the shared cache of
 * compiled graders is read through an overlay at /sandbox/module-cache, only root (the engine)
 * can open it, the shared folder itself is hidden, and what a run writes there is gone when the
 * run ends: nothing reaches the shared cache or the next submission's run. Built on a fake
 * repository, so the real node_modules is never touched. Needs Linux as root, like hostile.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { detectIsolation } from "../../sandbox/isolation.ts";

const full = detectIsolation() === "full";
const base = mkdtempSync(join(tmpdir(), "ztm-module-cache-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const repo = join(base, "repo with space");
const shared = join(repo, "node_modules", ".experimental-vitest-cache");

/** Runs `script` as root inside a fresh sandbox root built for the fake repository. */
function inside(script: string, root = repo): string {
  const scratch = mkdtempSync(join(base, "scratch-"));
  for (const sub of ["submission", "out", "root"]) mkdirSync(join(scratch, sub));
  const run = spawnSync(
    "unshare",
    ["--mount", "--net", "--pid", "--fork", "--kill-child", "--propagation", "private",
      "/bin/sh", join(repoRoot, "grader/sandbox/enter-root.sh"), scratch, root, "/bin/sh", "-c", script],
    { encoding: "utf8", timeout: 30_000 },
  );
  expect(run.stderr).toBe("");
  return run.stdout;
}

describe.skipIf(!full)("the sandbox's module cache", () => {
  test("is read from the shared cache, by root only, and what a run adds vanishes with it", () => {
    mkdirSync(join(repo, "grader", "kit"), { recursive: true });
    mkdirSync(shared, { recursive: true });
    writeFileSync(join(shared, "compiled-kit"), "compiled by an earlier run\n");

    const first = inside(`
      cat /sandbox/module-cache/compiled-kit
      echo added > /sandbox/module-cache/added && echo "root wrote"
      stat -c "mode %a" /sandbox/module-cache
      setpriv --reuid=4242 --regid=4242 --clear-groups cat /sandbox/module-cache/compiled-kit 2>/dev/null || echo "learner denied"
      echo "shared seen: [$(ls -A "${shared}")]"
      touch "${shared}/x" 2>/dev/null || echo "shared read-only"
    `);
    expect(first.split("\n")).toEqual([
      "compiled by an earlier run",
      "root wrote",
      "mode 700",
      "learner denied",
      "shared seen: []",
      "shared read-only",
      "",
    ]);
    expect(readdirSync(shared)).toEqual(["compiled-kit"]);
    // The next submission's run starts from the shared cache alone.
    expect(inside("ls -A /sandbox/module-cache")).toBe("compiled-kit\n");
  });

  test("where overlayfs cannot take the path (a comma), a run gets a cache of its own, the shared one still hidden", () => {
    const odd = join(base, "repo,odd");
    mkdirSync(join(odd, "grader", "kit"), { recursive: true });
    mkdirSync(join(odd, "node_modules", ".experimental-vitest-cache"), { recursive: true });
    writeFileSync(join(odd, "node_modules", ".experimental-vitest-cache", "compiled-kit"), "compiled\n");
    const seen = inside(`echo ok > /sandbox/module-cache/a && ls -A /sandbox/module-cache "${odd}/node_modules/.experimental-vitest-cache" && stat -c %a /sandbox/module-cache`, odd);
    expect(seen).toBe(`/sandbox/module-cache:\na\n\n${odd}/node_modules/.experimental-vitest-cache:\n700\n`);
    expect(readdirSync(join(odd, "node_modules", ".experimental-vitest-cache"))).toEqual(["compiled-kit"]);
  });

  test("without a shared cache, a run still gets an empty root-only cache of its own", () => {
    rmSync(shared, { recursive: true, force: true });
    mkdirSync(join(repo, "grader", "kit"), { recursive: true });
    expect(inside(`echo ok > /sandbox/module-cache/a && ls -A /sandbox/module-cache && stat -c %a /sandbox/module-cache`)).toBe("a\n700\n");
  });
});
