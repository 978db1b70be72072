/**
 * The sandbox against the hostile corpus in ./hostile/<attack>/: each attack, graded on one cheap
 * exercise, must earn 0 points with a reason that names what stopped it, while honest code in the
 * same run (a sibling exercise of the same submission, and another submission graded at the same
 * time) keeps its full score, and nothing the run started is left running afterwards.
 * Needs "full" isolation (Linux, root); elsewhere it is skipped with a warning.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../../kit/settings.ts";
import { gradeSubmission, type SubmissionResult } from "../../sandbox/index.ts";
import { detectIsolation } from "../../sandbox/isolation.ts";

const TTL = "06-cache/ttl-cache";
const PLAN = "03-scaling/capacity-plan";
const hostileRoot = join(repoRoot, "grader/test/sandbox/hostile");
/**
 * Attacks graded together with an honest sibling exercise in the same submission: those that, if
 * the layer that stops them gave way, would reach past their own exercise. A sibling costs a
 * second test worker in that run, so attacks that can only spoil their own grade go without:
 * stack-sniffing and process-internals read what their own code can see; fake-skips,
 * proxy-answers and lying-getters hand odd values to their own exercise's checks, in their own
 * worker; atomics-wait and loop-in-call hang their own worker, as loop-at-import does (which keeps
 * its sibling for the whole class).
 */
const WITH_SIBLING = new Map([
  ["kill-parent", "kills the grading process every exercise reports through"],
  ["fork-bomb", "uses up the process limit the sibling's worker needs"],
  ["memory-bomb", "uses up the memory the run shares"],
  ["loop-at-import", "holds a core and the run's wall clock"],
  ["write-outside", "overwrites files of the run (the sibling's among them)"],
  ["exit-zero", "ends the grading process early, before the sibling reports"],
  ["patch-prototypes", "patches built-ins the sibling's code and grader use"],
  ["forge-journal", "appends forged results to every journal in the run's folder, the sibling's too"],
]);
const solution = (id: string) => readFileSync(join(repoRoot, "solutions", `${id}.ts`), "utf8");
const full = detectIsolation() === "full";
if (!full) console.warn(`WARNING: sandbox tests skipped: isolation here is "${detectIsolation()}", they need Linux as root`);

/** Every submission folder this file made, removed after its tests. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function submission(files: Record<string, string>, prefix = "ztm-submission-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  for (const [id, source] of Object.entries(files)) {
    const file = join(dir, "exercises", `${id}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
  }
  return dir;
}

/** Processes still running as one of the users a sandboxed run handed out. */
function survivors(result: SubmissionResult): number[] {
  const [first, last] = result.uids ?? [0, -1];
  return readdirSync("/proc").filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    try {
      const uid = Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/^Uid:\s+(\d+)/m)?.[1]);
      return uid >= first && uid <= last;
    } catch {
      return false; // ended while we looked
    }
  }).map(Number);
}

async function inPool<T>(jobs: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  }));
  return results;
}

describe.skipIf(!full)("grading hostile submissions", () => {
  const results = new Map<string, SubmissionResult>();
  const leftRunning = new Map<string, number[]>();
  let server: Server;
  let connections = 0;
  const stubBefore = readFileSync(join(repoRoot, "exercises", `${TTL}.ts`), "utf8");

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const attacks = readdirSync(hostileRoot);
    const jobs = attacks.map((attack) => async () => {
      const source = readFileSync(join(hostileRoot, attack, "exercises", `${TTL}.ts`), "utf8")
        .replaceAll("PORT_PLACEHOLDER", String(port))
        .replaceAll("REPO_PLACEHOLDER", repoRoot.replace(/\/$/, ""));
      const files: Record<string, string> = { [TTL]: source };
      if (WITH_SIBLING.has(attack)) files[PLAN] = solution(PLAN);
      const dir = submission(files);
      const result = await gradeSubmission({
        submissionDir: dir, selectors: Object.keys(files), seed: 5, runs: 5, timeoutMs: 2000, budgetMs: 30_000, wallMs: 120_000, extraArgs: ["--no-typecheck"],
      });
      return [attack, result] as const;
    });
    // An honest neighbour, graded at the same time as the attacks, in the folder an attacker would search.
    const honest = async () => {
      const dir = submission({ [TTL]: solution(TTL) });
      return ["honest", await gradeSubmission({ submissionDir: dir, selectors: [TTL], seed: 5, runs: 5, timeoutMs: 2000, wallMs: 120_000, extraArgs: ["--no-typecheck"] })] as const;
    };
    for (const [name, result] of await inPool([honest, ...jobs], 4)) {
      results.set(name, result);
      leftRunning.set(name, survivors(result));
    }
  }, 600_000);

  afterAll(() => server?.close());

  const ttl = (attack: string) => results.get(attack)?.report?.exercises.find((e) => e.id === TTL);
  const failures = (attack: string) => [ttl(attack)?.reason ?? "", ...(ttl(attack)?.properties ?? []).map((p) => p.message ?? "")].join("\n");

  test("every attack earns 0 points, nothing is left running, and the report is the engine's", () => {
    expect(results.size).toBeGreaterThan(10);
    for (const [attack, result] of results) {
      expect(leftRunning.get(attack), `${attack} left processes running`).toEqual([]);
      expect(result.isolation).toBe("full");
      if (attack === "honest") continue;
      expect(result.report, `${attack}: ${result.error} ${result.log}`).toBeDefined();
      expect(result.report!.submission).not.toBe("forged");
      expect(ttl(attack), attack).toMatchObject({ score: 0 });
      expect(["fail", "error"]).toContain(ttl(attack)!.status);
    }
  });

  test("honest code keeps its full score: a neighbour graded at the same time, and siblings of attacks", () => {
    expect(ttl("honest")).toMatchObject({ status: "pass" });
    expect(ttl("honest")!.score).toBe(ttl("honest")!.maxScore);
    for (const [attack, why] of WITH_SIBLING) {
      const sibling = results.get(attack)?.report?.exercises.find((e) => e.id === PLAN);
      expect(sibling?.status, `${attack} (${why}): its sibling ${sibling?.reason ?? ""}`).toBe("pass");
    }
  });

  // What stops each attack first. Since the boundary (grader/kit/boundary/), most attacks never
  // run: an exercise may import nothing but node:crypto and other exercise files, and `process`
  // is not in its global scope. The OS layers below it (namespaces, users, limits) still stand.
  test.each([
    ["loop-at-import", /endless loop at the top level/],
    ["loop-in-call", /did not finish within 2000 ms/],
    ["atomics-wait", /SharedArrayBuffer is not a constructor|did not finish within 2000 ms/],
    ["memory-bomb", /died while running|allocation failed|out of memory|did not finish within 2000 ms/i],
    ["exit-zero", /could not be loaded: TypeError: .*exitCode/],
    ["kill-parent", /could not be loaded: TypeError: .*ppid/],
    ["import-solution", /could not be loaded: SyntaxError: Top-level await/],
    ["read-neighbour", /cannot import "node:fs"/],
    ["patch-fast-check", /cannot import "fast-check"/],
    ["patch-expect", /cannot import "vitest"/],
    ["write-outside", /cannot import "node:fs"/],
    ["network", /cannot import "node:net"/],
    ["output-flood", /could not be loaded: TypeError: .*stdout/],
    ["unhandled-rejection", /an error escaped your code.*rejected/],
    ["keep-alive", /did not finish within|did not give the expected result/],
    ["fork-bomb", /cannot import "node:child_process"/],
    ["forge-journal", /cannot import "node:fs"/],
    ["fake-pass-lines", /could not be loaded: TypeError: .*stdout/],
    ["patch-util-deep-equal", /cannot import "node:util"/],
    ["patch-assert", /cannot import "node:assert"/],
    ["dynamic-builtin-import", /import expression rejected/],
    ["require-builtin", /cannot import "node:util"/],
    ["patch-prototypes", /did not give the expected result/],
    ["stack-sniffing", /did not give the expected result/],
    ["import-kit-by-path", /cannot import ".*\/grader\/kit\/trace\.ts"/],
    ["read-via-loader", /cannot import "\/proc\/1\/environ\?raw": loader queries are not allowed/],
    ["proxy-answers", /gave the grader a Proxy/],
    ["lying-getters", /did not give the expected result/],
    ["fake-skips", /your code threw Error: skip/],
    ["proc-mem", /cannot import "node:fs"/],
    ["process-internals", /did not give the expected result/],
    ["inspector", /cannot import "node:inspector"/],
    ["vm-and-workers", /cannot import "node:vm"/],
    ["reach-the-clock", /did not give the expected result/],
  ])("%s is stopped: %s", (attack, reason) => {
    expect(failures(attack)).toMatch(reason);
  });

  test("what the attacks saw from inside: no stack, no patched built-in, no process, no clock", () => {
    const output = (attack: string) => ttl(attack)?.output ?? "";
    expect(output("stack-sniffing")).toMatch(/stacks seen: \[\]/);
    expect(output("stack-sniffing")).not.toMatch(/suites|kit|node_modules|\.ts:/);
    expect(output("patch-prototypes")).toMatch(/patches that took: none$/m); // not even its own (frozen) globals
    expect(output("process-internals")).toMatch(/globals found: Buffer$/m);
    expect(output("reach-the-clock")).toMatch(/clock parts found: none$/m);
  });

  test("no connection reached the host, and nothing was written outside the sandbox", () => {
    expect(connections).toBe(0);
    expect(existsSync(join(repoRoot, "pwned-by-submission.txt"))).toBe(false);
    expect(readFileSync(join(repoRoot, "exercises", `${TTL}.ts`), "utf8")).toBe(stubBefore);
  });

  test("a flood of output is cut: 1 MB from the run, 4 000 characters of the learner's in the report", () => {
    const flood = results.get("output-flood")!;
    expect(flood.stdout.length).toBeLessThan(1024 ** 2 + 200);
    expect((ttl("output-flood")!.output ?? "").length).toBeLessThanOrEqual(4000);
  });
});
