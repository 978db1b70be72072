/**
 * A GitHub Classroom autograding workflow for learners' repositories, generated from a report
 * of the reference solutions (so every exercise's maximum points are known):
 *   npm run grade -- --solutions --format classroom --output .github/workflows/classroom.yml
 *
 * The grader runs once, as a plain step: there it sees GITHUB_ACTIONS and GITHUB_STEP_SUMMARY
 * (Classroom's command grader hands its command only PATH, HOME and FORCE_COLOR), so students get
 * annotations and the job summary with every property's points. Classroom's command grader gives a
 * step all or none of its points, so each exercise is one step that reads that run's JSON
 * (classroom-check.mjs). The reporter reads `<STEP ID UPPERCASED>_RESULTS`; step ids must start
 * with a letter or `_`, so they are `ex_` plus the exercise id with `_` for every other character.
 */
import type { FormatContext } from "./context.ts";

export const classroomStepId = (id: string) => `ex_${id.replace(/[^a-z0-9]+/gi, "_")}`;
export const RESULTS_FILE = "grading.json";

export function classroom({ report }: FormatContext): string {
  const steps = report.exercises.flatMap((exercise) => [
    `      - name: ${exercise.id}`,
    `        id: ${classroomStepId(exercise.id)}`,
    "        uses: classroom-resources/autograding-command-grader@v1",
    "        with:",
    `          test-name: ${exercise.id}`,
    `          command: node grader/engine/formats/classroom-check.mjs ${RESULTS_FILE} ${exercise.id}`,
    "          timeout: 1",
    `          max-score: ${exercise.maxScore}`,
  ]);
  const ids = report.exercises.map((e) => classroomStepId(e.id));
  return [
    "# GitHub Classroom autograding for zero-to-millions (generated: see grader/engine/formats/classroom.ts).",
    "name: Autograding",
    "on:",
    "  push:",
    "  workflow_dispatch:",
    "  repository_dispatch:",
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
    "          node-version: 24",
    "      - run: npm ci",
    "      - name: Grade (annotations and a job summary with every property's points)",
    "        continue-on-error: true",
    "        timeout-minutes: 30",
    `        run: npm run grade -- --runs 200 --format github --json ${RESULTS_FILE}`,
    ...steps,
    "      - name: Autograding Reporter",
    "        uses: classroom-resources/autograding-grading-reporter@v1",
    "        env:",
    ...ids.map((id) => `          ${id.toUpperCase()}_RESULTS: "\${{ steps.${id}.outputs.result }}"`),
    "        with:",
    `          runners: ${ids.join(",")}`,
    "",
  ].join("\n");
}
