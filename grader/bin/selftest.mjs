#!/usr/bin/env node
// `npm run selftest -- 06 [12 …]`: the grader self-tests of some chapters (all when none given).
// Chapter prefixes are matched against grader/test/chapters/<NN-name>/ (a file per exercise).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const prefixes = process.argv.slice(2);
const files = readdirSync(`${root}grader/test/chapters`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((f) => prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))
  .map((f) => `grader/test/chapters/${f}/`);
if (files.length === 0) {
  console.error(`No chapter self-test matches ${prefixes.join(" ")}; they are in grader/test/chapters/.`);
  process.exit(2);
}
const vitest = `${root}node_modules/vitest/vitest.mjs`;
const run = spawnSync(process.execPath, [vitest, "run", "--config", "grader/vitest.selftest.config.ts", ...files], { cwd: root, stdio: "inherit" });
process.exit(run.status ?? 1);
