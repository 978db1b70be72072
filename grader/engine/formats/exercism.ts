/**
 * Exercism's test-runner results.json, version 3
 * (https://exercism.org/docs/building/tooling/test-runners/interface): top-level status pass,
 * fail or error (error: the tests could not run, with a message), and one test per property in
 * grader order, with task_id numbering the graded exercises.
 */
import type { FormatContext } from "./context.ts";
import { propertyMessage, truncate } from "./failure-text.ts";

const OUTPUT_LIMIT = 500;
const TRUNCATED = "\n... Output was truncated. Please limit to 500 chars";

export function exercism({ report, testCode }: FormatContext): string {
  const errored = report.exercises.filter((e) => e.status === "error");
  const status = errored.length > 0 ? "error" : report.exercises.every((e) => e.status === "pass") ? "pass" : "fail";
  const tests = report.exercises.flatMap((exercise, taskIndex) =>
    exercise.properties.map((property, i) => {
      const test: Record<string, unknown> = {
        name: `${exercise.id} › ${property.name}`,
        status: exercise.status === "error" ? "error" : property.status,
        test_code: testCode(exercise.id, property.name),
        task_id: taskIndex + 1,
      };
      if (test.status !== "pass") test.message = propertyMessage(exercise, property);
      if (i === 0 && exercise.output) test.output = truncate(exercise.output, OUTPUT_LIMIT, TRUNCATED);
      return test;
    }),
  );
  const results: Record<string, unknown> = { version: 3, status };
  if (status === "error") results.message = errored.map((e) => `${e.id}: ${e.reason}`).join("\n");
  results.tests = tests;
  return `${JSON.stringify(results, null, 2)}\n`;
}
