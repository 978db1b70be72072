/**
 * The report a learner reads in the terminal: one line per exercise, then for each failing
 * property its scenario, expected vs actual, and the replay command. The learner's own output is
 * shown in a fenced block so it is never mistaken for the grader's lines.
 */
import { styleText } from "node:util";
import { formatFailure } from "../kit/format.ts";
import { messages } from "../messages.ts";
import { leadResult, resultsInLeadOrder } from "./lead.ts";
import type { ExerciseResult, GradeReport } from "./results.ts";

type Style = Parameters<typeof styleText>[0];

export function painter(enabled: boolean) {
  return (style: Style, text: string) => (enabled ? styleText(style, text) : text);
}

/** When every property failed on a "not implemented yet" stub, say so once instead of n times. */
function untouchedStub(exercise: ExerciseResult): string | undefined {
  const stubErrors = exercise.properties.map((p) => [p.failure?.error, p.failure?.actual].find((t) => t?.includes("is not implemented yet")));
  if (exercise.properties.length === 0 || stubErrors.some((e) => e === undefined)) return undefined;
  return stubErrors[0]!.replace(/^(threw )?Error: /, "").replace(/: write it in .*$/, "");
}

/** A replay (`--property N`, maybe `--path P`): one property re-run to see one case, not a grade. */
export interface ReplayOf {
  property: number;
  path?: string;
}

export function renderExercise(exercise: ExerciseResult, file: string, paint = painter(false), replay?: ReplayOf): string[] {
  const mark = exercise.status === "pass" ? paint("green", "✓") : paint("red", "✗");
  const score = replay ? "" : ` · ${exercise.score}/${exercise.maxScore}`;
  const head = `${mark} ${paint("bold", exercise.id)} · ${exercise.title}${score}`;
  const lines = [head];
  const stub = untouchedStub(exercise);
  if (exercise.reason) {
    lines.push(...exercise.reason.split("\n").map((l) => `    ${paint("red", l)}`));
  } else if (stub) {
    lines.push(`    ${paint("yellow", messages.notStarted(file, stub))}`);
  }
  if (replay) lines.push(`    ${paint("dim", messages.replayRuns(replayedRuns(exercise, replay), exercise.status === "pass"))}`);
  if (exercise.status !== "pass" && !stub && !exercise.reason) {
    // Listed in file order; only the lead failure (the most specific rule, then the smallest
    // scenario) is shown in full, the others in one line each with their replay command.
    const failed = resultsInLeadOrder(exercise.properties);
    const lead = failed[0];
    if (failed.length > 1) lines.push(`    ${paint("dim", messages.leadShownFirst(lead.index))}`);
    for (const property of exercise.properties) {
      const ok = property.status === "pass";
      const points = replay ? "" : ` ${paint("dim", `(${property.points}/${property.maxPoints})`)}`;
      lines.push(`  ${ok ? paint("green", "✓") : paint("red", "✗")} ${property.index}. ${property.name}${points}`);
      if (ok) continue;
      const detail =
        property === lead && property.failure
          ? formatFailure({ index: property.index, title: property.name, status: "fail", failure: property.failure }, property.replay)
          : [property.failure?.summary ?? property.message ?? "", ...(property.replay ? [`Replay:   ${property.replay}`] : [])];
      lines.push(...detail.map((l) => `       ${l}`));
    }
  }
  if (exercise.output) {
    const shown = exercise.output.trimEnd().split("\n").slice(0, 20);
    lines.push(`    ${paint("dim", `┌ ${messages.outputHeader}`)}`);
    lines.push(...shown.map((l) => `    ${paint("dim", "│")} ${l}`));
    if (exercise.output.trimEnd().split("\n").length > shown.length) lines.push(`    ${paint("dim", `│ ${messages.outputTruncated}`)}`);
    lines.push(`    ${paint("dim", "└")}`);
  }
  return lines;
}

/** How many runs a replay made: one with `--path` (fast-check runs only that case), else the
 *  runs up to the failure, or every run when it passed. */
function replayedRuns(exercise: ExerciseResult, replay: ReplayOf): number | undefined {
  if (replay.path) return 1;
  return exercise.properties.find((p) => p.index === replay.property)?.failure?.numRuns;
}

export function renderReport(
  report: GradeReport,
  files: Map<string, string>,
  gradeCommand: (id: string) => string,
  paint = painter(false),
  replay?: ReplayOf,
): string {
  const header = replay ? messages.replayHeader(replay.property, report.seed, replay.path) : messages.gradingHeader(report.submission, report.seed, report.runs);
  const lines = [paint("dim", header), ""];
  for (const exercise of report.exercises) lines.push(...renderExercise(exercise, files.get(exercise.id) ?? exercise.id, paint, replay));
  if (replay) return [...lines, "", paint("dim", messages.replayNotScored)].join("\n");
  const passed = report.exercises.filter((e) => e.status === "pass").length;
  lines.push("", paint("bold", messages.summary(report.score, report.maxScore, passed, report.exercises.length)));
  const next = report.exercises.find((e) => e.status !== "pass");
  if (!next) lines.push(messages.allPass);
  else if (next.status === "error") lines.push(messages.nextError(files.get(next.id) ?? next.id, gradeCommand(next.id)));
  else {
    const failing = leadResult(next.properties);
    lines.push(messages.nextFix(failing?.name ?? next.title, files.get(next.id) ?? next.id, gradeCommand(next.id)));
  }
  return lines.join("\n");
}
