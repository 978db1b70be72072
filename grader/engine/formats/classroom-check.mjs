#!/usr/bin/env node
// `node classroom-check.mjs RESULTS_JSON EXERCISE_ID`: one step of the Classroom workflow
// (classroom.ts). Exit 0 when the exercise passed in the grading run's JSON, else print why and 1.
import { readFileSync } from "node:fs";

const [file, id] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch {
  console.log(`No grading results (${file}): see the "Grade" step's log for what went wrong.`);
  process.exit(1);
}
const exercise = report.exercises?.find((e) => e.id === id);
if (!exercise) {
  console.log(`${id} was not graded: see the "Grade" step's log.`);
  process.exit(1);
}
console.log(`${id}: ${exercise.score}/${exercise.maxScore} points (${exercise.status})`);
if (exercise.reason) console.log(exercise.reason);
for (const p of exercise.properties ?? []) if (p.status !== "pass") console.log(`  ✗ ${p.index}. ${p.name}${p.message ? `: ${p.message}` : ""}`);
process.exit(exercise.status === "pass" ? 0 : 1);
