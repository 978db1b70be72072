/**
 * A GitHub Classroom autograding workflow for learners' repositories, generated from a report
 * of the reference solutions (so every exercise's maximum points are known):
 *   npm run grade -- --solutions --format classroom --output .github/workflows/classroom.yml
 * Classroom's command grader gives a step all or none of its points, so there is one step per
 * exercise; the job summary of `--format github` shows the partial credit per property.
 */
import type { FormatContext } from "./context.ts";

const stepId = (id: string) => id.replace(/[^a-z0-9]+/gi, "-");

export function classroom({ report }: FormatContext): string {
  const steps = report.exercises.flatMap((exercise) => [
    `      - name: ${exercise.id}`,
    `        id: ${stepId(exercise.id)}`,
    "        uses: classroom-resources/autograding-command-grader@v1",
    "        with:",
    `          test-name: ${exercise.id}`,
    `          command: npm run grade -- ${exercise.id} --runs 200 --format github`,
    "          timeout: 5",
    `          max-score: ${exercise.maxScore}`,
  ]);
  const results = report.exercises.map((e) => `          ${stepId(e.id).toUpperCase().replace(/-/g, "_")}_RESULTS: "\${{ steps.${stepId(e.id)}.outputs.result }}"`);
  return [
    "# GitHub Classroom autograding for zero-to-millions (generated: see grader/engine/formats/classroom.ts).",
    "name: Autograding",
    "on: [push, workflow_dispatch, repository_dispatch]",
    "permissions:",
    "  checks: write",
    "  actions: read",
    "  contents: read",
    "jobs:",
    "  grade:",
    "    runs-on: ubuntu-latest",
    "    if: github.actor != 'github-classroom[bot]'",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "      - uses: actions/setup-node@v4",
    "        with:",
    "          node-version: 20",
    "      - run: npm ci",
    ...steps,
    "      - name: Autograding Reporter",
    "        uses: classroom-resources/autograding-grading-reporter@v1",
    "        env:",
    ...results,
    "        with:",
    `          runners: ${report.exercises.map((e) => stepId(e.id)).join(",")}`,
    "",
  ].join("\n");
}
