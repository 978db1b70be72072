#!/usr/bin/env node
// `npm run package:gradescope`: see grader/package/gradescope.ts.
import { run } from "./launch.mjs";

await run("grader/package/gradescope.ts", "package-gradescope");
