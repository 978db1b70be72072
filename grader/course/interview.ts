/**
 * `npm run course -- interview`: a timed mock interview in four steps (chapter 13's framework).
 * Step 1 asks the estimates and checks them against the prompt's own numbers; step 2 the request
 * flow; step 3, at each load level up to the prompt's scale, what breaks next and which component
 * fixes it; step 4 two follow-up questions. It ends with a scorecard per concept and saves a
 * transcript under .interviews/ (also when the learner stops early: Esc or Ctrl-C cancels the
 * prompt, and everything answered so far is written).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { messages } from "../messages.ts";
import type { CourseContext } from "./context.ts";
import { CourseUsageError } from "./context.ts";
import { ESTIMATE_TOLERANCE, estimatesFor, FOLLOW_UPS, LADDER, PROMPTS, type InterviewPrompt } from "./interview-bank.ts";
import type { Choice, Prompter } from "./prompts.ts";

export interface InterviewOptions {
  promptId?: string;
  timer: boolean;
  /** Milliseconds now; injectable so a test can drive the clock. */
  now?: () => number;
  /** Picks the prompt when none is named (0 ≤ x < 1). */
  random?: () => number;
}

type Scores = Record<string, { right: number; total: number }>;

/** A learner's stop (Esc, Ctrl-C, or a script's last answer): ends the interview early. */
class Stopped extends Error {}

const STEPS = [
  { title: "Scope and estimates", minutes: 5 },
  { title: "High-level design", minutes: 15 },
  { title: "Deep dive: what breaks as it grows", minutes: 20 },
  { title: "Wrap-up: follow-up questions", minutes: 5 },
];

const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}`;
const num = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** Same answer order for the same question, different between questions (no always-first). */
function rotate<T>(items: T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export function findPrompt(id: string | undefined, random: () => number): InterviewPrompt {
  if (id === undefined) return PROMPTS[Math.floor(random() * PROMPTS.length)];
  const found = PROMPTS.find((q) => q.id === id);
  if (!found) throw new CourseUsageError(messages.interview.unknownPrompt(id, PROMPTS.map((q) => q.id)));
  return found;
}

export async function interviewCommand(ctx: CourseContext, prompter: Prompter, options: InterviewOptions): Promise<number> {
  const now = options.now ?? Date.now;
  const question = findPrompt(options.promptId, options.random ?? Math.random);
  const m = messages.interview;
  const transcript: string[] = [];
  const scores: Scores = {};
  const say = (line: string) => {
    transcript.push(line);
    console.log(line);
  };
  const score = (concept: string, right: boolean) => {
    const s = (scores[concept] ??= { right: 0, total: 0 });
    s.total++;
    if (right) s.right++;
  };
  let stepStart = now();
  let budget = 0;
  const tick = () => {
    if (!options.timer) return;
    const spent = now() - stepStart;
    say(m.timer(clock(spent), clock(budget), spent > budget));
  };
  /** The question as shown: with the step's time left in front, so the clock is always in view. */
  const timed = (text: string) => {
    if (!options.timer) return text;
    const left = budget - (now() - stepStart);
    return `${left >= 0 ? m.left(clock(left)) : m.over(clock(-left))} ${text}`;
  };
  const step = (n: number) => {
    stepStart = now();
    budget = STEPS[n - 1].minutes * 60_000;
    say(m.step(n, STEPS[n - 1].title, STEPS[n - 1].minutes));
  };
  const choose = async (text: string, correct: string, wrong: string[], concept: string, by: number, why?: string) => {
    const options = rotate([correct, ...wrong], by);
    const choices: Choice[] = options.map((message, i) => ({ name: String(i), message }));
    const picked = await prompter.select(timed(text), choices);
    if (picked === undefined) throw new Stopped();
    const answer = options[Number(picked)] ?? picked;
    say(`? ${text}\n  > ${answer}`);
    score(concept, answer === correct);
    say(answer === correct ? m.right : m.wrongChoice(correct, why));
    tick();
  };

  const startedAt = new Date(now());
  say(m.intro(question.product, num(question.dailyActiveUsers)));
  let complete = false;
  try {
    step(1);
    for (const e of estimatesFor(question)) {
      const given = await prompter.number(timed(`${e.question} [${e.unit}]`));
      if (given === undefined) throw new Stopped();
      const ok = Math.abs(given - e.answer) <= ESTIMATE_TOLERANCE * Math.abs(e.answer);
      say(`? ${e.question}\n  > ${num(given)} ${e.unit}`);
      score("estimation", ok);
      say(ok ? m.close(ESTIMATE_TOLERANCE) : m.wrong(`${num(e.answer)} ${e.unit}`, e.working));
      tick();
    }

    step(2);
    await choose(m.flow,
      "DNS → CDN for static files; load balancer → stateless web server → cache → database on a miss",
      ["DNS → database → cache → web server → load balancer", "Load balancer → database → web server; the CDN stores sessions"],
      "high-level design", 1);

    step(3);
    const rungs = LADDER.filter((r) => Number(r.users.replaceAll(",", "")) <= question.dailyActiveUsers);
    for (const [i, rung] of rungs.entries()) {
      const others = LADDER.filter((r) => r !== rung);
      const pick = (k: number) => others[(i * 3 + k) % others.length];
      await choose(m.atLoad(rung.users), rung.breaks, [pick(1).breaks, pick(4).breaks], rung.concept, i);
      await choose(m.whichFix, rung.fix, [pick(2).fix, pick(5).fix], rung.concept, i + 1);
    }

    step(4);
    const first = [...question.id].reduce((h, c) => h + c.charCodeAt(0), 0) % FOLLOW_UPS.length;
    for (const [n, f] of [FOLLOW_UPS[first], FOLLOW_UPS[(first + 5) % FOLLOW_UPS.length]].entries()) {
      say(m.followUp(n + 1));
      await choose(f.question, f.choices[f.answer], f.choices.filter((_, i) => i !== f.answer), f.concept, n + 1, f.explanation);
    }
    complete = true;
  } catch (error) {
    if (!(error instanceof Stopped) && !(error instanceof Error && error.message.startsWith("no scripted answer left"))) throw error;
    say(m.stopped);
  }

  say(`\n${m.scorecard}`);
  for (const [concept, s] of Object.entries(scores)) say(m.scoreLine(concept, s.right, s.total));
  const file = saveTranscript(ctx, question.id, startedAt, { prompt: question.id, startedAt: startedAt.toISOString(), complete, scores }, transcript);
  console.log(m.saved(file));
  return complete ? 0 : 1;
}

function interviewsDir(ctx: CourseContext): string {
  return join(ctx.home, ".interviews");
}

function saveTranscript(ctx: CourseContext, id: string, at: Date, record: object, lines: string[]): string {
  const dir = interviewsDir(ctx);
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${at.toISOString().replaceAll(":", "-").replace(/\..*/, "")}-${id}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${lines.join("\n")}\n`);
  return `${base}.md`;
}

/** For `progress`: interviews taken and the three weakest concepts over all of them. */
export function interviewSummary(ctx: CourseContext): string {
  const dir = interviewsDir(ctx);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  const total: Scores = {};
  for (const f of files) {
    try {
      const { scores } = JSON.parse(readFileSync(join(dir, f), "utf8")) as { scores: Scores };
      for (const [c, s] of Object.entries(scores)) {
        const t = (total[c] ??= { right: 0, total: 0 });
        t.right += s.right;
        t.total += s.total;
      }
    } catch {
      // a hand-edited or half-written record: skip it rather than fail `progress`
    }
  }
  const weakest = Object.entries(total)
    .filter(([, s]) => s.right < s.total)
    .sort(([, a], [, b]) => a.right / a.total - b.right / b.total)
    .slice(0, 3)
    .map(([c, s]) => `${c} ${s.right}/${s.total}`)
    .join(", ");
  return messages.interview.progressLine(files.length, weakest);
}
