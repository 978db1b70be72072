#!/usr/bin/env node
// `npm run cohort -- …`: grading a whole class. See grader/cohort/cli.ts and docs/instructors.md.
import { run } from "./launch.mjs";

await run("grader/cohort/cli.ts", "cohort");
