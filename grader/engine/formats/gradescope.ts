/**
 * Gradescope's autograder results.json
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the score, and one test per
 * property with its points, status "passed"/"failed", what went wrong, and a visibility.
 *
 * Texts are Markdown ("output_format": "md") holding a fenced block, so the report keeps its
 * layout. Unless results are visible now, the top-level output says only that the submission was
 * graded: Gradescope shows that field to students, and the score or the failing properties'
 * names there would give away what the hidden tests hide.
 */
import type { FormatContext } from "./context.ts";
import { propertyMessage } from "./failure-text.ts";

/** `text` as a Markdown code block whose fence no backtick run in `text` can close. */
export function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

const WITHHELD = "Your submission was received and graded. The results will be shown when your instructor releases them.";

export function gradescope({ report, human, elapsedSeconds, visibility }: FormatContext): string {
  const results = {
    score: report.score,
    max_score: report.maxScore,
    execution_time: Math.round(elapsedSeconds * 10) / 10,
    output: visibility === "visible" ? fenced(human) : WITHHELD,
    output_format: "md",
    visibility,
    stdout_visibility: "hidden",
    tests: report.exercises.flatMap((exercise) =>
      exercise.properties.map((property) => {
        const passed = property.status === "pass" && exercise.status !== "error";
        return {
          name: `${exercise.id} › ${property.index}. ${property.name}`,
          score: passed ? property.points : 0,
          max_score: property.maxPoints,
          status: passed ? "passed" : "failed",
          output: passed ? "" : fenced(propertyMessage(exercise, property)),
          output_format: "md",
          visibility,
        };
      }),
    ),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}
