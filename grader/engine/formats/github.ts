/**
 * GitHub Actions: the human report, plus (when GITHUB_ACTIONS is set) an error annotation per
 * failing property on the learner's file, and a job summary table (written by the CLI to
 * $GITHUB_STEP_SUMMARY). https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { FormatContext } from "./context.ts";
import { propertyMessage } from "./failure-text.ts";

/** Workflow-command escaping: data escapes % CR LF; properties also , and :. */
const data = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function githubAnnotations({ report, files }: FormatContext): string[] {
  const lines: string[] = [];
  for (const exercise of report.exercises) {
    const file = files.get(exercise.id) ?? exercise.id;
    const failing = exercise.status === "error" ? exercise.properties.slice(0, 1) : exercise.properties.filter((p) => p.status !== "pass");
    for (const p of failing) {
      const line = p.failure?.location?.match(/line (\d+)/)?.[1];
      const title = exercise.status === "error" ? `${exercise.id}: cannot be graded` : `${exercise.id} › ${p.name}`;
      lines.push(`::error file=${property(file)}${line ? `,line=${line}` : ""},title=${property(title)}::${data(propertyMessage(exercise, p))}`);
    }
  }
  return lines;
}

export function githubSummary({ report }: FormatContext): string {
  const rows = report.exercises.map((e) => `| ${e.status === "pass" ? "✅" : e.status === "fail" ? "❌" : "⚠️"} | \`${e.id}\` | ${e.score}/${e.maxScore} | ${e.status} |`);
  return [`### zero-to-millions: ${report.score}/${report.maxScore}`, "", "| | exercise | points | status |", "|---|---|---|---|", ...rows, ""].join("\n");
}

export function github(context: FormatContext): string {
  const annotations = process.env.GITHUB_ACTIONS ? githubAnnotations(context) : [];
  return [context.human, ...annotations].join("\n") + "\n";
}
