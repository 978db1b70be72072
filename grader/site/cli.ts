/**
 * `npm run docs [-- --out DIR] [--diagrams]`: builds the website (default docs/site/).
 * `--diagrams` also rewrites chapters/<NN-name>/diagram.svg from architecture.ts.
 */
import { isAbsolute, join, relative } from "node:path";
import { repoRoot } from "../kit/settings.ts";
import { buildSite, writeChapterDiagrams } from "./build.ts";

export const DEFAULT_OUT = join(repoRoot, "docs", "site");

const USAGE = "usage: npm run docs [-- --out DIR] [--diagrams]";

export async function main(argv: string[]): Promise<number> {
  let out = DEFAULT_OUT;
  let diagrams = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out" && argv[i + 1]) out = resolveOut(argv[++i]!);
    else if (arg.startsWith("--out=")) out = resolveOut(arg.slice(6));
    else if (arg === "--diagrams") diagrams = true;
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    }
  }
  const started = performance.now();
  try {
    if (diagrams) for (const file of writeChapterDiagrams()) console.log(`wrote ${file}`);
    const result = await buildSite({ out });
    const ms = Math.round(performance.now() - started);
    console.log(`Built ${result.pages.length} pages (${result.searchEntries} search entries) in ${relative(process.cwd(), out) || "."}/ in ${ms} ms`);
    console.log(`Open ${join(out, "index.html")}, or run: npm run docs:serve`);
    return 0;
  } catch (error) {
    console.error(`docs: ${(error as Error).message}`);
    return 1;
  }
}

// npm runs scripts from the package root, so a relative --out means relative to where the user
// typed the command (INIT_CWD), as they expect.
function resolveOut(dir: string): string {
  return isAbsolute(dir) ? dir : join(process.env.INIT_CWD ?? process.cwd(), dir);
}
