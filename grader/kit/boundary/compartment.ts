/**
 * Loads a learner's module behind the boundary: bundled by esbuild (bundle.ts, which enforces
 * the import policy), evaluated in an SES compartment of its own whose globals are the language's
 * frozen intrinsics and the endowments (endowments.ts), and handed to the judge as a membrane
 * view (membrane.ts). See docs/security.md, "The judge apart from the judged".
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleLearnerFile, type LearnerBundle } from "./bundle.ts";
import { learnerGlobals, learnerModules } from "./endowments.ts";
import { errorToJudge, learnerObjectBehind, toJudge } from "./membrane.ts";
import { lockdownOnce } from "./realm.ts";

/** Why a module could not be loaded, as one line for the learner. */
export class LoadFailure extends Error {
  override name = "LoadFailure";
}

interface EsbuildMessage {
  text: string;
  location?: { line: number; column: number } | null;
}

/** One line for a failed build; `text` is the learner's source, to place an error at the end of
 *  the file on its last line (esbuild puts it after the final newline, on a line that is not there). */
function describeBuildFailure(error: unknown, text: string): string {
  const messages = (error as { errors?: EsbuildMessage[] }).errors;
  const first = messages?.[0];
  if (!first) return error instanceof Error ? error.message : String(error);
  if (first.text.startsWith("cannot import")) return `ImportRefused: ${first.text}`;
  if (!first.location) return `SyntaxError: ${first.text}`;
  let { line, column } = first.location;
  const lines = text.replace(/\s+$/, "").split("\n");
  if (line > lines.length) [line, column] = [lines.length, lines[lines.length - 1]!.length];
  return `SyntaxError: ${first.text} (line ${line}, column ${column + 1})`;
}

/** Rewrites `bundle-url:LINE:COL` frames of a stack into the learner's own files and lines. */
function stackMapper(bundleUrl: string, bundle: LearnerBundle) {
  const frame = new RegExp(`${bundleUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+)`, "g");
  return (stack: string) =>
    stack.replace(frame, (_, line: string, column: string) => {
      // The bundle starts on the second line of the evaluated source (after the wrapper).
      const entry = bundle.map.findEntry(Number(line) - 2, Number(column) - 1) as {
        originalSource?: string; originalLine?: number; originalColumn?: number;
      };
      if (entry?.originalSource === undefined) return `${bundleUrl}:${line}:${column}`;
      return `${resolve(entry.originalSource)}:${entry.originalLine! + 1}:${entry.originalColumn! + 1}`;
    });
}

export interface LoadedModule {
  /** The module's exports, as the judge's view. */
  exports: Record<string, unknown>;
  /** Maps a learner stack (as `learnerStack` on a copied error) to the learner's files. */
  mapStack: (stack: string) => string;
}

/**
 * Bundles and evaluates `file` (or `source` standing for it). `roots` are the folders its
 * relative imports may reach.
 * Throws `LoadFailure` with a one-line reason (syntax error, refused import, exception at load).
 */
export async function loadLearnerModule(file: string, roots: string[], source?: string): Promise<LoadedModule> {
  lockdownOnce();
  let bundle: LearnerBundle;
  try {
    bundle = await bundleLearnerFile(file, roots, source);
  } catch (error) {
    throw new LoadFailure(describeBuildFailure(error, source ?? readFileSync(file, "utf8")));
  }
  const bundleUrl = `${pathToFileURL(file).href}.bundle.js`;
  const mapStack = stackMapper(bundleUrl, bundle);
  const compartment = new Compartment({ __options__: true, globals: {}, name: file } as any);
  const globals = Object.getOwnPropertyDescriptors(learnerGlobals());
  for (const [name, desc] of Object.entries(globals)) {
    if (typeof desc.value === "function") harden(desc.value);
    Object.defineProperty(compartment.globalThis, name, desc);
  }
  // A frozen global object makes every global a constant for SES, which then binds them directly
  // instead of looking each one up through its scope proxy: `Math.imul` in a hash loop ran 15×
  // slower before. The learner's code cannot reassign its globals; it never needs to.
  Object.freeze(compartment.globalThis);
  const modules = learnerModules();
  const require = harden((specifier: string) => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    throw new Error(`cannot import "${specifier}": an exercise may import only node:crypto and other exercise files`);
  });
  let body: (module: { exports: object }, exports: object, require: unknown) => void;
  try {
    body = compartment.evaluate(`(function (module, exports, require) {\n${bundle.code}\n})\n//# sourceURL=${bundleUrl}\n`);
  } catch (error) {
    throw new LoadFailure(`SyntaxError: ${errorToJudge(error).message}`);
  }
  const module = { exports: {} as object };
  try {
    body(module, module.exports, require);
  } catch (error) {
    const copy = errorToJudge(error) as Error & { learnerStack?: string };
    throw new LoadFailure(`${copy.name}: ${copy.message.split("\n")[0]}`);
  }
  return { exports: toJudge(module.exports), mapStack };
}

/**
 * Runs `workload` beside the learner's code with no membrane in between, for complexity checks
 * that time the learner's code: through the membrane every call costs ≈ 0.2 µs more, which hides
 * an O(k) per call behind the crossing. The workload must be self-contained (its source is
 * evaluated again, in a fresh compartment of its own, so the learner's module cannot have changed
 * anything it uses); it receives the learner's function or object behind `learnerView`, the
 * primitive `args`, and `cpuTimeMs`; what it returns crosses back as data.
 */
export function runBesideLearner(
  workload: (learner: any, cpuTimeMs: () => number, ...args: any[]) => unknown,
  learnerView: unknown,
  cpuTimeMs: () => number,
  ...args: (number | string | boolean)[]
): unknown {
  lockdownOnce();
  const compartment = new Compartment({ __options__: true, globals: {}, name: "workload" } as any);
  Object.freeze(compartment.globalThis); // globals as constants: see loadLearnerModule
  const run = compartment.evaluate(`(${workload.toString()})`) as typeof workload;
  try {
    return toJudge(run(learnerObjectBehind(learnerView), harden(() => cpuTimeMs()), ...args));
  } catch (error) {
    throw errorToJudge(error);
  }
}
