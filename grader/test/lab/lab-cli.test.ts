import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";

const run = (...args: string[]) => spawnSync("node", ["grader/bin/course.mjs", "lab", ...args], { encoding: "utf8" });

describe("npm run course -- lab: bad usage", () => {
  test("an unknown scenario exits 2 with one clear line", () => {
    const r = run("no-such-scenario");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"no-such-scenario" is not a lab scenario');
  });
  test("a missing submission folder exits 2", () => {
    const r = run("--submission", "/nonexistent/lab-dir");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no such folder");
  });
  test("a bad --stage exits 2", () => {
    expect(run("--stage", "13").status).toBe(2);
  });
});
