/**
 * Command-line arguments of `npm run grade`. Parsing is strict: an unknown flag or a missing value
 * is a usage error (exit 2), never silently ignored.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { FORMATS, VISIBILITIES, type FormatName, type Visibility } from "./formats/index.ts";

export interface GradeArgs {
  /** Exercise ids ("06-cache/lru-cache") or chapter prefixes ("06", "06-cache"); empty = all. */
  selectors: string[];
  target: { kind: "exercises" } | { kind: "solutions" } | { kind: "submission"; dir: string } | { kind: "mutant"; name: string };
  seed?: number;
  /** True when the seed came from ZTM_GRADING_SEED or --seed-file: it is never printed. */
  seedHidden: boolean;
  runs?: number;
  /** Replay: only property N … */
  property?: number;
  /** … at this fast-check path. */
  path?: string;
  json?: string;
  format: FormatName;
  /** Where the chosen format goes (default: standard output). */
  output?: string;
  visibility: Visibility;
  /** Per-property time limit, ms. */
  timeoutMs?: number;
  /** Time budget of one exercise, ms: properties not started by then are not run. */
  budgetMs?: number;
  typecheck: boolean;
  /** Exercises graded at once (default: one per core). */
  workers?: number;
  help: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export const usage = `Usage: npm run grade -- [ids or chapter prefixes …] [options]

  ids                 06-cache/lru-cache, or a chapter prefix: 06 or 06-cache (default: everything)
  --solutions         grade the reference solutions instead of exercises/
  --submission DIR    grade DIR/exercises/ (a learner's or student's copy)
  --mutant NAME       grade one known-buggy variant of the selected exercise's solution
  --seed N            fast-check seed (default: random, printed)
  --runs N            runs per property (default 100)
  --property N        only property N of the exercise (with --seed and --path: a replay)
  --path P            replay the failing case at fast-check path P
  --seed-file FILE    read the seed from FILE and keep it secret (also: env ZTM_GRADING_SEED)
  --timeout MS        time limit per property (default 10000)
  --budget MS         time budget per exercise (default 60000)
  --format F          human (default), json, exercism, gradescope, junit, github, or classroom
                      (a GitHub Classroom workflow, from a --solutions run)
  --output FILE       write the chosen format to FILE instead of standard output
  --visibility V      Gradescope test visibility: visible, hidden, after_due_date, after_published
  --json FILE         also write the JSON result to FILE
  --no-typecheck      skip the TypeScript check of the graded files
  --workers N         grade N exercises at once (default: one per core)
  --help              this text`;

function integer(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} needs an integer ≥ ${min}, got "${raw}"`);
  return value;
}

/** An instructor's secret seed, from --seed-file or ZTM_GRADING_SEED, or undefined. */
function hiddenSeed(seedFile: string | undefined): number | undefined {
  let raw = process.env.ZTM_GRADING_SEED;
  if (seedFile !== undefined) {
    if (!existsSync(seedFile)) throw new UsageError(`--seed-file ${seedFile} does not exist`);
    raw = readFileSync(seedFile, "utf8").trim();
    // Inside the sandbox the file is the sandbox's own copy: gone once read (grader/sandbox/).
    if (process.env.ZTM_SANDBOX_INSIDE === "1") rmSync(seedFile, { force: true });
  }
  if (raw === undefined || raw === "") return undefined;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new UsageError("the hidden seed must be an integer");
  return seed | 0; // fast-check seeds are 32-bit
}

export function parseGradeArgs(argv: string[]): GradeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        solutions: { type: "boolean" },
        submission: { type: "string" },
        mutant: { type: "string" },
        seed: { type: "string" },
        runs: { type: "string" },
        property: { type: "string" },
        path: { type: "string" },
        timeout: { type: "string" },
        budget: { type: "string" },
        "seed-file": { type: "string" },
        format: { type: "string" },
        output: { type: "string" },
        visibility: { type: "string" },
        json: { type: "string" },
        "no-typecheck": { type: "boolean" },
        workers: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const targets = [values.solutions, values.submission, values.mutant].filter((v) => v !== undefined);
  if (targets.length > 1) throw new UsageError("choose one of --solutions, --submission DIR and --mutant NAME");
  const target: GradeArgs["target"] = values.solutions
    ? { kind: "solutions" }
    : values.submission !== undefined
      ? { kind: "submission", dir: values.submission }
      : values.mutant !== undefined
        ? { kind: "mutant", name: values.mutant }
        : { kind: "exercises" };
  const format = (values.format ?? "human") as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const visibility = (values.visibility ?? "visible") as Visibility;
  if (!VISIBILITIES.includes(visibility)) throw new UsageError(`--visibility must be one of ${VISIBILITIES.join(", ")}`);
  const secret = hiddenSeed(values["seed-file"]);
  if (secret !== undefined && values.seed !== undefined) throw new UsageError("--seed cannot be combined with a hidden seed (--seed-file or ZTM_GRADING_SEED)");
  return {
    selectors: positionals,
    target,
    seed: secret ?? integer("--seed", values.seed, -(2 ** 31)),
    seedHidden: secret !== undefined,
    format,
    output: values.output,
    visibility,
    budgetMs: integer("--budget", values.budget, 1),
    runs: integer("--runs", values.runs, 1),
    property: integer("--property", values.property, 1),
    path: values.path,
    json: values.json,
    timeoutMs: integer("--timeout", values.timeout, 1),
    typecheck: !values["no-typecheck"],
    workers: integer("--workers", values.workers, 1),
    help: values.help ?? false,
  };
}
