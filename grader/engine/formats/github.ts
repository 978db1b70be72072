/**
 * GitHub Actions: the human report, plus (when GITHUB_ACTIONS is set) error annotations on the
 * learner's files and a job summary (appended to $GITHUB_STEP_SUMMARY).
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 *
 * GitHub shows at most 10 error annotations per step (50 per job), so the lead failure of each
 * exercise (engine/lead.ts: the most specific failing rule) is annotated, in course order, up to ANNOTATION_LIMIT; the summary lists every failing
 * property with its points, annotated or not. Under --submission the grading runs in the sandbox,
 * which never sees GITHUB_*: the host side calls githubFromHost with the report it got back.
 */
import { appendFileSync } from "node:fs";
import { leadResult } from "../lead.ts";
import type { GradeReport } from "../results.ts";
import type { FormatContext } from "./context.ts";
import { propertyMessage } from "./failure-text.ts";

export const ANNOTATION_LIMIT = 10;

/** Workflow-command escaping: data escapes % CR LF; properties also , and :. */
const data = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** Line and column named in a message: "line 3, column 7", "file.ts(3,7)" or "file.ts:3:7". */
export function position(text: string | undefined): { line?: string; col?: string } {
  const match = text?.match(/line (\d+)(?:, column (\d+))?/) ?? text?.match(/\.ts\((\d+),(\d+)\)/) ?? text?.match(/\.ts:(\d+):(\d+)/);
  return match ? { line: match[1], col: match[2] } : {};
}

export function githubAnnotations({ report, files }: Pick<FormatContext, "report" | "files">): string[] {
  const lines: string[] = [];
  for (const exercise of report.exercises) {
    const p = exercise.status === "error" ? exercise.properties[0] : leadResult(exercise.properties);
    if (!p || lines.length === ANNOTATION_LIMIT) continue;
    const file = files.get(exercise.id) ?? exercise.id;
    const { line, col } = position(exercise.status === "error" ? exercise.reason : (p.failure?.location ?? p.message));
    const where = `${line ? `,line=${line}` : ""}${line && col ? `,col=${col}` : ""}`;
    const title = exercise.status === "error" ? `${exercise.id}: cannot be graded` : `${exercise.id} › ${p.name}`;
    lines.push(`::error file=${property(file)}${where},title=${property(title)}::${data(propertyMessage(exercise, p))}`);
  }
  return lines;
}

const cell = (text: string) => text.split("\n")[0].replace(/\|/g, "\\|").slice(0, 300);

export function githubSummary({ report }: Pick<FormatContext, "report">): string {
  const rows = report.exercises.map((e) => `| ${e.status === "pass" ? "✅" : e.status === "fail" ? "❌" : "⚠️"} | \`${e.id}\` | ${e.score}/${e.maxScore} | ${e.status} |`);
  const failures = report.exercises.flatMap((e) =>
    e.properties.filter((p) => e.status === "error" || p.status !== "pass").map((p) => `| \`${e.id}\` | ${p.index}. ${cell(p.name)} | 0/${p.maxPoints} | ${cell(propertyMessage(e, p))} |`),
  );
  const details = failures.length === 0 ? [] : ["", "#### What failed", "", "| exercise | property | points | why |", "|---|---|---|---|", ...failures];
  return [`### zero-to-millions: ${report.score}/${report.maxScore}`, "", "| | exercise | points | status |", "|---|---|---|---|", ...rows, ...details, ""].join("\n");
}

export function github(context: FormatContext): string {
  const annotations = process.env.GITHUB_ACTIONS ? githubAnnotations(context) : [];
  return [context.human, ...annotations].join("\n") + "\n";
}

/** What the host adds after a sandboxed run: annotations on standard output, the job summary. */
export function githubFromHost(report: GradeReport, files: Map<string, string>): void {
  if (process.env.GITHUB_ACTIONS) for (const line of githubAnnotations({ report, files })) process.stdout.write(`${line}\n`);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubSummary({ report }));
}
