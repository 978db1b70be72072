#!/usr/bin/env node
// `npm run docs`: see grader/site/cli.ts.
import { run } from "../../bin/launch.mjs";

await run("grader/site/cli.ts", "docs");
