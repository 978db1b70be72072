/**
 * Turns a learner's TypeScript file into one script for a compartment (compartment.ts), with
 * esbuild. This is also where the import policy is enforced: an exercise file may import other
 * exercise files (by relative path, inside the folder being graded) and `node:crypto`; anything
 * else — a package, an absolute path, the kit, `?raw` and other loader queries, other built-in
 * modules — is refused here, before a line of it runs. Nothing the learner writes ever goes
 * through the test runner's module loader, which would serve any file its process can read.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { SourceMap } from "node:module";
import { build, type Plugin } from "esbuild";

export interface LearnerBundle {
  /** The CommonJS body: run it as `function (module, exports, require) { … }`. */
  code: string;
  /** Maps a position in `code` back to the learner's file. */
  map: SourceMap;
}

/** Specifiers a learner's module may import from outside its own files. */
export const ALLOWED_BUILTINS = ["node:crypto", "crypto"];

/** Raised for an import the policy refuses; its message is shown to the learner. */
export class ImportRefused extends Error {
  override name = "ImportRefused";
}

const EXTENSIONS = ["", ".ts", ".js", ".mts", ".mjs"];

function importPolicy(roots: string[]): Plugin {
  return {
    name: "ztm-import-policy",
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return { path: args.path };
        const importer = args.importer === "<stdin>" ? `${args.resolveDir}/<stdin>` : args.importer;
        const spec = args.path;
        if (ALLOWED_BUILTINS.includes(spec)) return { path: spec, external: true };
        const refuse = (why: string) => ({ errors: [{ text: `cannot import "${spec}": ${why}` }] });
        if (/[?#]/.test(spec)) return refuse("loader queries are not allowed");
        if (!spec.startsWith("./") && !spec.startsWith("../")) {
          return refuse("an exercise may import only node:crypto and other exercise files by relative path");
        }
        const base = resolve(dirname(importer), spec);
        const file = EXTENSIONS.map((ext) => base + ext).find((f) => existsSync(f) && statSync(f).isFile());
        if (!file) return refuse("no such file");
        if (!roots.some((root) => { const rel = relative(root, file); return !rel.startsWith("..") && !isAbsolute(rel); })) {
          return refuse("it is outside the exercises being graded");
        }
        return { path: file };
      });
    },
  };
}

/**
 * Bundles `file` (or `source`, standing for that file: a mutant of a solution) and the exercise
 * files it imports; throws with esbuild's messages on failure.
 */
export async function bundleLearnerFile(file: string, roots: string[], source?: string): Promise<LearnerBundle> {
  const entry = source === undefined
    ? { entryPoints: [file] }
    : { stdin: { contents: source, sourcefile: file, resolveDir: dirname(file), loader: "ts" as const } };
  const result = await build({
    ...entry,
    bundle: true,
    write: false,
    format: "cjs",
    platform: "neutral",
    target: "es2023",
    outfile: "learner.js",
    sourcemap: "external",
    sourcesContent: false,
    logLevel: "silent",
    plugins: [importPolicy(roots)],
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
    loader: { ".ts": "ts", ".mts": "ts" },
  });
  const code = result.outputFiles.find((f) => f.path.endsWith(".js"))!.text;
  const map = result.outputFiles.find((f) => f.path.endsWith(".map"))!.text;
  return { code, map: new SourceMap(JSON.parse(map)) };
}
