/**
 * The mock interview end to end: once scripted (answers from a file, no terminal) through the
 * real CLI, and once in a pseudo-terminal (pty-drive.py) where the learner types the estimates
 * and presses Ctrl-C in step 2, which must save what was answered.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { estimatesFor, FOLLOW_UPS, LADDER, PROMPTS } from "../../course/interview-bank.ts";
import { repoRoot } from "../../kit/settings.ts";
import { cliEnv, course, makeHome } from "./helpers.ts";

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});
function home(): string {
  const h = makeHome();
  homes.push(h);
  return h;
}

/** Every right answer for a prompt, in the order the interview asks, as choice texts. */
function rightAnswers(id: string): (string | number)[] {
  const q = PROMPTS.find((p) => p.id === id)!;
  const first = [...id].reduce((h, c) => h + c.charCodeAt(0), 0) % FOLLOW_UPS.length;
  return [
    ...estimatesFor(q).map((e) => e.answer),
    "DNS → CDN for static files; load balancer → stateless web server → cache → database on a miss",
    ...LADDER.filter((r) => Number(r.users.replaceAll(",", "")) <= q.dailyActiveUsers).flatMap((r) => [r.breaks, r.fix]),
    ...[FOLLOW_UPS[first], FOLLOW_UPS[(first + 5) % FOLLOW_UPS.length]].map((f) => f.choices[f.answer]),
  ];
}

describe("npm run course -- interview", () => {
  test("a scripted interview with every answer right scores every concept and saves a transcript", () => {
    const h = home();
    const answers = join(h, "answers.json");
    writeFileSync(answers, JSON.stringify(rightAnswers("url-shortener")));
    const run = course(h, ["interview", "--prompt", "url-shortener", "--no-timer", "--answers", answers]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Step 4 of 4");
    expect(run.stdout).not.toContain("✗");
    expect(run.stdout).not.toContain("⏱");
    const saved = readdirSync(join(h, ".interviews"));
    expect(saved.filter((f) => f.endsWith(".md"))).toHaveLength(1);
    const record = JSON.parse(readFileSync(join(h, ".interviews", saved.find((f) => f.endsWith(".json"))!), "utf8"));
    expect(record.complete).toBe(true);
    expect(record.scores.estimation).toEqual({ right: 3, total: 3 });
    expect(course(h, ["progress"]).stdout).toContain("Interviews taken: 1");
  }, 60_000);

  test("a wrong estimate shows the working; a script that runs out stops early and still saves", () => {
    const h = home();
    const answers = join(h, "answers.json");
    writeFileSync(answers, JSON.stringify([100, 19.91]));
    const run = course(h, ["interview", "--prompt", "news-feed", "--answers", answers]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("✗ expected about 6,944.44 req/s. Working: 10,000,000 × 20 ÷ 86,400 s = 2,314.81 req/s on average; × 3 = 6,944.44 req/s at the peak");
    expect(run.stdout).toContain("✓ within ±10%");
    expect(run.stdout).toMatch(/⏱ 0:0\d of 5:00/);
    expect(run.stdout).toContain("Interview stopped");
    const progress = course(h, ["progress"]).stdout;
    expect(progress).toContain("weakest: estimation 1/2");
  }, 60_000);

  test("without a terminal or an answers file it explains, and an unknown prompt lists the bank", () => {
    const h = home();
    const plain = course(h, ["interview"]);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain("--answers");
    const unknown = course(h, ["interview", "--prompt", "nope", "--answers", "x.json"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("url-shortener");
  }, 60_000);

  test("in a terminal: estimates typed, Ctrl-C in step 2 saves what was answered", () => {
    const h = home();
    const dir = mkdtempSync(join(tmpdir(), "ztm-pty-"));
    homes.push(dir);
    const script = join(dir, "steps.json");
    writeFileSync(script, JSON.stringify([
      { expect: "Peak requests per second", timeout: 60 },
      { send: "7000\r" },
      { expect: "Disk for one year" },
      { send: "20\r" },
      { expect: "Web servers per region" },
      { send: "12\r" },
      { expect: "Step 2 of 4" },
      { expect: "\\[\\d+:\\d\\d left\\] Walk one read request" }, // the step's clock, in the question
      { expect: "Which order is right" },
      { send: "\u0003", pause: 0.3 },
      { expect: "Transcript saved" },
    ]));
    const run = spawnSync("python3", [join(repoRoot, "grader/test/course/pty-drive.py"), script, "--", process.execPath, "grader/bin/course.mjs", "interview", "--prompt", "news-feed"], {
      cwd: repoRoot, env: { ...cliEnv(h), TERM: "xterm-256color" }, encoding: "utf8", timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; failed?: number; transcript: string };
    expect(result.ok, result.transcript.slice(-2000)).toBe(true);
    expect(result.transcript).toContain("Interview stopped");
    const record = JSON.parse(readFileSync(join(h, ".interviews", readdirSync(join(h, ".interviews")).find((f) => f.endsWith(".json"))!), "utf8"));
    expect(record).toMatchObject({ prompt: "news-feed", complete: false, scores: { estimation: { right: 3, total: 3 } } });
  }, 180_000);
});
