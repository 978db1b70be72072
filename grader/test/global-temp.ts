/**
 * vitest globalSetup for `npm test`: every test (and every process a test starts, which inherits
 * the environment) gets its temporary folders inside one folder of this run, removed when the run
 * ends. Tests still remove what they create; this makes a test that forgets, or a process killed
 * before its cleanup, leave nothing in the system's temp dir.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  // Once per run: a second call (vitest runs the global setup once per project, should the config
  // gain projects) finds the folder made by the first instead of nesting another in it.
  if (process.env.ZTM_TEST_RUN_TEMP) return () => {};
  const systemTemp = tmpdir();
  const runTemp = mkdtempSync(join(systemTemp, "ztm-test-run-"));
  // Like /tmp itself: the sandboxed engine runs as another user and must reach its scratch folder.
  chmodSync(runTemp, 0o1777);
  process.env.TMPDIR = runTemp;
  process.env.ZTM_TEST_RUN_TEMP = runTemp;
  return () => {
    const left = readdirSync(runTemp);
    if (left.length > 0) {
      const names = [...new Set(left.map((name) => name.replace(/[A-Za-z0-9]{6}$/, "…")))];
      console.warn(`npm test: removing ${left.length} temp folder(s) tests left behind: ${names.join(", ")}`);
    }
    rmSync(runTemp, { recursive: true, force: true });
    process.env.TMPDIR = systemTemp;
    delete process.env.ZTM_TEST_RUN_TEMP;
  };
}
