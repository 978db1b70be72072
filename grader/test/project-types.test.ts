/**
 * The whole project type-checks (`tsc --noEmit -p .`, tsconfig.json): the same gate `npm test`
 * ran before vitest, now a test among the others, so that the compiler's 2 s run beside them
 * instead of before them all.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "../kit/settings.ts";

test("the project type-checks with tsconfig.json", async () => {
  const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", repoRoot], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
  expect(result.output.trim(), "tsc --noEmit -p .").toBe("");
  expect(result.code).toBe(0);
});
