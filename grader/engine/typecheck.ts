/**
 * Type-checks the graded files with the project's TypeScript (a native compiler: ~0.2 s), in
 * parallel with the properties. A type error makes the exercise an error: what the learner wrote
 * must compile, as it would in any TypeScript project.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "../kit/settings.ts";

/** Diagnostics per file (absolute path), as "line L, column C: message". Errors that belong to no
 *  file (the compiler itself could not run as asked) are kept under the key "*". */
export type Diagnostics = Map<string, string[]>;

/**
 * TypeScript 7's `bin/tsc` is a Node script that runs the native compiler as a child and waits
 * (Node 20 has no `execve`): ≈ 0.13 s of a second process on every check. We run the platform's
 * binary directly when it is installed, and the script otherwise.
 */
const nativeTsc = resolve(repoRoot, `node_modules/@typescript/typescript-${process.platform}-${process.arch}/lib/tsc`);
const tscCommand = existsSync(nativeTsc)
  ? { file: nativeTsc, args: [] as string[] }
  : { file: process.execPath, args: [resolve(repoRoot, "node_modules/typescript/bin/tsc")] };

export function typecheck(files: string[]): Promise<Diagnostics> {
  const args = [
    // The options of tsconfig.json, so grading reports what the learner's editor shows. Its
    // `lib` leaves out the DOM, which the default for es2022 includes: a third of the lines to parse.
    ...tscCommand.args, "--ignoreConfig", "--noEmit", "--pretty", "false", "--strict", "--skipLibCheck", "--target", "es2022", "--lib", "es2023", "--isolatedModules",
    "--module", "nodenext", "--moduleResolution", "nodenext", "--allowImportingTsExtensions",
    "--types", "node", "--typeRoots", resolve(repoRoot, "node_modules/@types"), ...files,
  ];
  return new Promise((done) => {
    execFile(tscCommand.file, args, { cwd: repoRoot, maxBuffer: 8 * 1024 * 1024, timeout: 60_000 }, (_error, stdout) => {
      const diagnostics: Diagnostics = new Map();
      for (const line of stdout.split("\n")) {
        if (/^error TS\d+/.test(line)) diagnostics.set("*", [...(diagnostics.get("*") ?? []), line]);
        const match = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/);
        if (!match) continue;
        const file = resolve(repoRoot, match[1]);
        diagnostics.set(file, [...(diagnostics.get(file) ?? []), `line ${match[2]}, column ${match[3]}: ${match[4]}`]);
      }
      done(diagnostics);
    });
  });
}
