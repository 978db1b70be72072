#!/usr/bin/env node
// `npm run docs:serve`: see grader/site/serve.ts.
import { run } from "../../bin/launch.mjs";

await run("grader/site/serve.ts", "docs-serve");
