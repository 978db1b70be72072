#!/usr/bin/env node
// `npm run bench`: see grader/bench/cli.ts.
import { run } from "./launch.mjs";

await run("grader/bench/cli.ts", "bench");
