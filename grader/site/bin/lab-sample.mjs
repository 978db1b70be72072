#!/usr/bin/env node
// Regenerates grader/lab/sample-report.json from a real lab run: see grader/site/lab-sample.ts.
import { run } from "../../bin/launch.mjs";

await run("grader/site/lab-sample.ts", "lab-sample");
