#!/usr/bin/env node
// `npm run grade -- …`: see grader/engine/cli.ts.
import { run } from "./launch.mjs";

await run("grader/engine/cli.ts", "grade");
