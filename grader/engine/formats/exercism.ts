/**
 * Exercism's test-runner results.json, version 3
 * (https://exercism.org/docs/building/tooling/test-runners/interface): top-level "error" only
 * when nothing could run (every exercise errored), with a message; otherwise "pass" or "fail" and
 * one test per property in grader order. task_id is the exercise's place in the whole course, so
 * it does not change with the selection. Paths are relative to the solution directory.
 */
import type { FormatContext } from "./context.ts";
import { propertyMessage, truncate } from "./failure-text.ts";
import { repoRoot } from "../../kit/settings.ts";

const OUTPUT_LIMIT = 500;
const TRUNCATED = "\n... Output was truncated. Please limit to 500 chars";

/** Strips the submission folder (and the repository) from every path in `text`. */
function relativePaths(text: string, submission: string): string {
  const prefixes = [submission, repoRoot].filter((p) => p.startsWith("/")).map((p) => `${p.replace(/\/$/, "")}/`);
  return prefixes.reduce((t, prefix) => t.split(`file://${prefix}`).join("").split(prefix).join(""), text);
}

export function exercism({ report, testCode, courseIds }: FormatContext): string {
  const relative = (text: string) => relativePaths(text, report.submission);
  const errored = report.exercises.filter((e) => e.status === "error");
  const allErrored = report.exercises.length > 0 && errored.length === report.exercises.length;
  const status = allErrored ? "error" : report.exercises.every((e) => e.status === "pass") ? "pass" : "fail";
  const tests = report.exercises.flatMap((exercise) =>
    exercise.properties.map((property, i) => {
      const test: Record<string, unknown> = {
        name: `${exercise.id} › ${property.name}`,
        status: exercise.status === "error" ? "error" : property.status,
        test_code: testCode(exercise.id, property.name),
        task_id: courseIds.indexOf(exercise.id) + 1,
      };
      if (test.status !== "pass") test.message = relative(propertyMessage(exercise, property));
      if (i === 0 && exercise.output) test.output = truncate(relative(exercise.output), OUTPUT_LIMIT, TRUNCATED);
      return test;
    }),
  );
  const results: Record<string, unknown> = { version: 3, status };
  if (status === "error") results.message = relative(errored.map((e) => `${e.id}: ${e.reason}`).join("\n"));
  results.tests = tests;
  return `${JSON.stringify(results, null, 2)}\n`;
}
