/**
 * `npm run grade -- --submission DIR` outside a sandbox: grades DIR through gradeSubmission (so a
 * submission is always treated as hostile), then prints and writes what the CLI would have.
 */
import { join } from "node:path";
import type { GradeArgs } from "../engine/args.ts";
import { githubFromHost } from "../engine/formats/index.ts";
import { writeAtomically } from "../kit/files.ts";
import { gradeSubmission, SANDBOX_OUT } from "./index.ts";

/** The CLI's arguments that pass through unchanged, and the files it writes, redirected. */
function passThrough(args: GradeArgs): string[] {
  const extra = ["--format", args.format, "--visibility", args.visibility];
  if (args.property !== undefined) extra.push("--property", String(args.property));
  if (args.path) extra.push("--path", args.path);
  if (!args.typecheck) extra.push("--no-typecheck");
  if (args.output) extra.push("--output", `${SANDBOX_OUT}/output`);
  return extra;
}

export async function gradeSubmissionFromCli(args: GradeArgs & { target: { kind: "submission"; dir: string } }): Promise<number> {
  const result = await gradeSubmission({
    submissionDir: args.target.dir,
    selectors: args.selectors,
    seed: args.seed ?? Math.floor(Math.random() * 2 ** 31),
    seedHidden: args.seedHidden,
    runs: args.runs,
    timeoutMs: args.timeoutMs,
    budgetMs: args.budgetMs,
    extraArgs: passThrough(args),
    label: args.target.dir,
    collect: ["report.json", "output"],
  });
  if (result.warning) console.error(`\n${result.warning}\n`);
  if (!result.report) {
    console.error(`${result.error}\n${result.log}`);
    return 1;
  }
  process.stdout.write(result.stdout);
  const json = result.files.get("report.json");
  const output = result.files.get("output");
  // GITHUB_* never enter the sandbox: annotations and the job summary are written from here.
  if (args.format === "github" && json) {
    const report = JSON.parse(json.toString());
    githubFromHost(report, new Map(report.exercises.map((e: { id: string }) => [e.id, join(args.target.dir, "exercises", `${e.id}.ts`)])));
  }
  if (args.json && json) writeAtomically(args.json, json);
  if (args.output && output) writeAtomically(args.output, output);
  if (args.json || args.output) console.error(`Results written to ${[args.output, args.json].filter(Boolean).join(" and ")}`);
  if (result.warning) console.error(result.warning);
  return result.exitCode ?? 1;
}
