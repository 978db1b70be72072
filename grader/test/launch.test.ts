/**
 * The entry-point bundles (grader/bin/launch.mjs) are replaced whole when rebuilt: the tests and a
 * cohort start many graders at once, and one may import a bundle while another rebuilds it.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { repoRoot } from "../kit/settings.ts";

test("a stale bundle is rebuilt into a new file and renamed over the old one", () => {
  const launch = pathToFileURL(join(repoRoot, "grader/bin/launch.mjs")).href;
  // Plain JavaScript in a child: launch.mjs is what runs before any TypeScript can.
  const script = `
    import { readdirSync, rmSync, statSync, utimesSync } from "node:fs";
    import { dirname } from "node:path";
    import { bundleFile, load } from ${JSON.stringify(launch)};
    const name = "launch-test-" + process.pid;
    const bundle = bundleFile(name);
    const first = await load("grader/kit/arbitraries.ts", name);
    const before = statSync(bundle).ino;
    utimesSync(bundle, 0, 0); // older than every source file: stale
    await load("grader/kit/arbitraries.ts", name);
    const after = statSync(bundle).ino;
    const leftovers = readdirSync(dirname(bundle)).filter((f) => f.startsWith(name) && f.endsWith(".tmp"));
    console.log(JSON.stringify({ exported: typeof first.decimal, before, after, leftovers, rebuilt: statSync(bundle).mtimeMs > 0 }));
    for (const f of [bundle, bundle.replace(/\\.mjs$/, ".inputs.json")]) rmSync(f, { force: true });
  `;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: repoRoot, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout);
  expect(result.exported).toBe("function");
  expect(result.rebuilt).toBe(true);
  expect(result.after).not.toBe(result.before); // a new file, not the old one rewritten in place
  expect(result.leftovers).toEqual([]);
});
