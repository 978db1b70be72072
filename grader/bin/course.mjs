#!/usr/bin/env node
// `npm start` and `npm run course -- …`: see grader/course/cli.ts.
import { run } from "./launch.mjs";

await run("grader/course/cli.ts", "course");
