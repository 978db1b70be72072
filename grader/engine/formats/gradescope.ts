/**
 * Gradescope's autograder results.json
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the score, and one test per
 * property with its points, status "passed"/"failed", what went wrong, and a visibility.
 */
import type { FormatContext } from "./context.ts";
import { propertyMessage } from "./failure-text.ts";

export function gradescope({ report, human, elapsedSeconds, visibility }: FormatContext): string {
  const results = {
    score: report.score,
    max_score: report.maxScore,
    execution_time: Math.round(elapsedSeconds * 10) / 10,
    output: human,
    visibility: "visible",
    stdout_visibility: "hidden",
    tests: report.exercises.flatMap((exercise) =>
      exercise.properties.map((property) => ({
        name: `${exercise.id} › ${property.index}. ${property.name}`,
        score: exercise.status === "error" ? 0 : property.points,
        max_score: property.maxPoints,
        status: property.status === "pass" && exercise.status !== "error" ? "passed" : "failed",
        output: property.status === "pass" && exercise.status !== "error" ? "" : propertyMessage(exercise, property),
        visibility,
      })),
    ),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}
