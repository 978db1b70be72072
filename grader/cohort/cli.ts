/**
 * `npm run cohort -- <command>` (also `npm run course -- cohort <command>`): grading a whole
 * class. Commands: init, grade, merge, report. Exit codes: 0 done, 1 done but some student
 * errored or some roster row was bad, 2 bad usage or an invalid cohort/roster file.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ManifestError } from "../manifest/load.ts";
import { cohortTemplate, CohortError, loadCohort } from "./cohort-file.ts";
import { runCohort, type Shard } from "./grade-run.ts";
import { mergeShards } from "./merge.ts";
import { contextOf, loadContext, saveContext } from "./report-context.ts";
import { writeReports } from "./reports.ts";
import { formatProblem, loadRoster, rosterTemplate, RosterError } from "./roster.ts";
import { readResults } from "./student-result.ts";

export const usage = `Usage: npm run cohort -- <command> …   (or: npm run course -- cohort <command> …)

  init DIR                      write DIR/cohort.json and DIR/roster.csv to start from
  grade --cohort FILE --roster FILE --out DIR [ids …]
        [--concurrency N]       students graded at once (default: CPU cores)
        [--regrade]             grade again students already in DIR/results
        [--shard i/n]           only students whose roster position mod n is i-1 (1-based i)
        [--runs N] [--timeout MS] [--wall S]   override the cohort file's runs and limits
  merge --out DIR SHARD_DIR …   gather shard folders into DIR and write the reports
  report --out DIR              rewrite the reports of DIR from DIR/results

Writes DIR/results/<id>.json, DIR/gradebook.csv, DIR/feedback/<id>.md, DIR/dashboard.html.
See docs/instructors.md.`;

class UsageError extends Error {}

function integer(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} needs an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function parseShard(raw: string | undefined): Shard | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, got "${raw}"`);
  return { index, count };
}

function init(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const cohortFile = join(dir, "cohort.json");
  const rosterFile = join(dir, "roster.csv");
  for (const file of [cohortFile, rosterFile]) if (existsSync(file)) throw new UsageError(`${file} already exists; not overwriting it`);
  // The folder's name makes a sensible default cohort name ("spring-2025").
  writeFileSync(cohortFile, `${JSON.stringify(cohortTemplate(basename(resolve(dir))), null, 2)}\n`, { mode: 0o600 });
  writeFileSync(rosterFile, rosterTemplate());
  console.log(`Wrote ${cohortFile} (keep it private: it holds the secret seed) and ${rosterFile}.\nEdit both, then: npm run cohort -- grade --cohort ${cohortFile} --roster ${rosterFile} --out ${join(dir, "out")}`);
  return 0;
}

async function grade(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cohort: { type: "string" }, roster: { type: "string" }, out: { type: "string" },
      concurrency: { type: "string" }, regrade: { type: "boolean" }, shard: { type: "string" },
      runs: { type: "string" }, timeout: { type: "string" }, wall: { type: "string" },
    },
  });
  if (!values.cohort || !values.roster || !values.out) throw new UsageError("grade needs --cohort FILE, --roster FILE and --out DIR");
  const cohort = loadCohort(values.cohort);
  const roster = loadRoster(values.roster);
  const outDir = resolve(values.out);
  for (const p of roster.problems) console.error(formatProblem(values.roster, p));
  const unknown = positionals.filter((id) => !roster.students.some((s) => s.id === id));
  if (unknown.length > 0) throw new UsageError(`not in the roster (or on a bad row): ${unknown.join(", ")}`);
  const shard = parseShard(values.shard);
  const settings = {
    seed: cohort.secretSeed,
    runs: integer("--runs", values.runs, 1) ?? cohort.runs,
    timeoutMs: integer("--timeout", values.timeout, 100) ?? cohort.timeoutMs,
    wallMs: (integer("--wall", values.wall, 1) ?? cohort.wallSeconds) * 1000,
  };
  mkdirSync(join(outDir, "results"), { recursive: true });
  const summary = await runCohort(cohort, roster.students, {
    outDir, ids: positionals, shard, regrade: Boolean(values.regrade), settings,
    concurrency: integer("--concurrency", values.concurrency, 1),
  });
  // The reports cover this run's students and any others already graded into the same folder.
  const done = readResults(outDir);
  const covered = roster.students.filter((s) => summary.selected.includes(s) || done.has(s.id));
  // A run over chosen students reports on them alone: no "missing" rows for the rest of the roster.
  const problems = positionals.length > 0 ? roster.problems.map(({ missingSubmission: _, ...p }) => p) : roster.problems;
  const context = contextOf(cohort, values.roster, covered, problems);
  saveContext(outDir, context);
  const results = writeReports(outDir, context, cohort.secretSeed);
  const perMinute = summary.graded.length > 0 ? (summary.graded.length / (summary.elapsedMs / 60_000)).toFixed(1) : "–";
  console.log(
    `Graded ${summary.graded.length} student(s) in ${(summary.elapsedMs / 1000).toFixed(1)}s (${perMinute} per minute), skipped ${summary.skipped.length} already graded.\n` +
      `Reports: ${join(outDir, "gradebook.csv")}, ${join(outDir, "feedback")}/, ${join(outDir, "dashboard.html")}`,
  );
  const errored = [...results.values()].some((r) => r.status === "error");
  return errored || roster.problems.length > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "init":
        if (rest.length !== 1) throw new UsageError("init takes one folder: npm run cohort -- init DIR");
        return init(rest[0]!);
      case "grade":
        return await grade(rest);
      case "merge": {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: "string" } } });
        if (!values.out || positionals.length === 0) throw new UsageError("merge needs --out DIR and at least one shard folder");
        const { results, warnings } = mergeShards(resolve(values.out), positionals);
        for (const w of warnings) console.error(`warning: ${w}`);
        console.log(`Merged ${results.size} student result(s) from ${positionals.length} shard(s) into ${values.out}`);
        return [...results.values()].some((r) => r.status === "error") ? 1 : 0;
      }
      case "report": {
        const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
        if (!values.out) throw new UsageError("report needs --out DIR");
        const results = writeReports(resolve(values.out), loadContext(values.out));
        console.log(`Wrote the reports of ${results.size} student(s) in ${values.out}`);
        return 0;
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CohortError || error instanceof RosterError || error instanceof ManifestError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}
