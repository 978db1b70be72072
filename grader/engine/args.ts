/**
 * Command-line arguments of `npm run grade`. Parsing is strict: an unknown flag or a missing value
 * is a usage error (exit 2), never silently ignored.
 */
import { parseArgs } from "node:util";

export interface GradeArgs {
  /** Exercise ids ("06-cache/lru-cache") or chapter prefixes ("06", "06-cache"); empty = all. */
  selectors: string[];
  target: { kind: "exercises" } | { kind: "solutions" } | { kind: "submission"; dir: string } | { kind: "mutant"; name: string };
  seed?: number;
  runs?: number;
  /** Replay: only property N … */
  property?: number;
  /** … at this fast-check path. */
  path?: string;
  json?: string;
  /** Per-property time limit, ms. */
  timeoutMs?: number;
  typecheck: boolean;
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
  --timeout MS        time limit per property (default 5000)
  --json FILE         also write the machine-readable result to FILE
  --no-typecheck      skip the TypeScript check of the graded files
  --help              this text`;

function integer(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} needs an integer ≥ ${min}, got "${raw}"`);
  return value;
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
        json: { type: "string" },
        "no-typecheck": { type: "boolean" },
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
  return {
    selectors: positionals,
    target,
    seed: integer("--seed", values.seed, -(2 ** 31)),
    runs: integer("--runs", values.runs, 1),
    property: integer("--property", values.property, 1),
    path: values.path,
    json: values.json,
    timeoutMs: integer("--timeout", values.timeout, 1),
    typecheck: !values["no-typecheck"],
    help: values.help ?? false,
  };
}
