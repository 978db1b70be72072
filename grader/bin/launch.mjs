/**
 * Runs a TypeScript entry point of the project at plain-Node speed.
 *
 * Node 20 cannot run TypeScript, and tsx costs about half a second per start. So the entry is
 * bundled once with esbuild into node_modules/.cache and reused while none of its source files
 * changed (their paths are kept beside the bundle; a newer mtime on any of them rebuilds).
 * Dependencies stay external: they are loaded from node_modules as usual.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
// Keyed by the checkout's path: a node_modules shared by two checkouts (a symlink) must not
// hand one checkout a bundle built from the other.
const rootKey = createHash("sha256").update(root).digest("hex").slice(0, 12);
const cacheDir = join(root, "node_modules", ".cache", "zero-to-millions", rootKey);

function isFresh(bundle, inputsFile) {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  return inputs.every((input) => existsSync(join(root, input)) && statSync(join(root, input)).mtimeMs <= builtAt);
}

/** Replaces `file` whole: another process may be importing it at this very moment (the tests
 *  start many graders at once, and each may find the bundle stale and rebuild it). The same as
 *  kit/files.ts's writeAtomically, which this plain-JavaScript launcher cannot import. */
function writeWhole(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** Where the bundle called `name` is kept. */
export const bundleFile = (name) => join(cacheDir, `${name}.mjs`);

/** Builds (if needed) and imports `entry` (relative to the repository); returns its module. */
export async function load(entry, name) {
  const bundle = bundleFile(name);
  const inputsFile = join(cacheDir, `${name}.inputs.json`);
  if (!isFresh(bundle, inputsFile)) {
    const { build } = await import("esbuild");
    mkdirSync(cacheDir, { recursive: true });
    const result = await build({
      entryPoints: [join(root, entry)],
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outfile: bundle,
      write: false,
      metafile: true,
      logLevel: "error",
      // Bundled code keeps import.meta.url of the bundle; the project finds its root through this.
      define: { "import.meta.url": JSON.stringify(pathToFileURL(join(root, "grader", "kit", "settings.ts")).href) },
    });
    writeWhole(bundle, result.outputFiles[0].contents);
    writeWhole(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
  }
  return import(pathToFileURL(bundle).href);
}

/** Runs `main(argv)` of the entry and exits with its code once output is flushed. */
export async function run(entry, name) {
  const { main } = await load(entry, name);
  const code = await main(process.argv.slice(2));
  process.stdout.write("", () => process.exit(code));
}
