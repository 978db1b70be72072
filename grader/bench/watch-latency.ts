/**
 * Bench stage "watch": save → result latency of `npm run course -- watch` (issue 11: ≤ 0.5 s),
 * the wait a learner feels on every save. It drives the real CLI the way a person does, through
 * its public behaviour only (files saved, lines on stdout): in a scratch home it starts
 * `watch 06-cache/lru-cache --seed 7`, waits for the first result (start-up is not timed), then
 * saves the file 9 times, cycling through a failing mutant of the solution, a syntax error and
 * the stub, so that each save changes the result; each save comes ~150 ms after the previous
 * result and is timed until its result appears. The solution is never saved: a pass moves watch
 * on to the next exercise. grader/test/course/watch.test.ts times the same way (learner-cli.ts).
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { mutate } from "../kit/mutants.ts";
import { repoRoot } from "../kit/settings.ts";
import lruMutants from "../mutants/06-cache/lru-cache.ts";
import { courseSpawn, makeHome, screen, timedSave, type CourseChild } from "./learner-cli.ts";
import { median } from "./measure.ts";

const LRU = "06-cache/lru-cache";
const CYCLES = 3;

export interface WatchLatency {
  medianMs: number;
  /** Every save's latency, in order. */
  samplesMs: number[];
}

/** Each kind of save and the output that means its result is on screen. */
function saves(): { text: string; shows: RegExp }[] {
  const mutant = lruMutants.mutants.find((m) => m.name === "get-does-not-touch");
  if (!mutant) throw new Error(`watch bench: ${LRU} has no mutant "get-does-not-touch"`);
  return [
    { text: mutate(LRU, mutant), shows: /the most specific failing rule:[\s\S]*Replay:/ },
    { text: "export class LruCache {\n  get( {\n}\n", shows: /cannot be graded yet[\s\S]*\n\n/ },
    { text: readFileSync(join(repoRoot, "exercises", `${LRU}.ts`), "utf8"), shows: /still the stub/ },
  ];
}

/** Asks watch to quit (q), as a person would; kills its process group if it does not. */
async function stop(child: CourseChild): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdin!.on("error", () => undefined); // it may have exited meanwhile (EPIPE)
  child.stdin!.write("q\n");
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

export async function watchLatency(): Promise<WatchLatency> {
  const home = makeHome();
  const file = join(home, "exercises", `${LRU}.ts`);
  const kinds = saves();
  const child = courseSpawn(home, ["watch", LRU, "--seed", "7"]);
  try {
    const s = screen(child);
    await s.waitFor(/still the stub/, 0, 120_000); // the first result: start-up, not timed
    const samplesMs: number[] = [];
    for (let i = 0; i < CYCLES * kinds.length; i++) {
      const { text, shows } = kinds[i % kinds.length]!;
      samplesMs.push((await timedSave(s, file, text, shows)).ms);
    }
    return { medianMs: median(samplesMs), samplesMs };
  } finally {
    await stop(child);
    rmSync(home, { recursive: true, force: true });
  }
}
