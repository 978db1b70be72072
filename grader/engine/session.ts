/**
 * A grading session that stays alive between runs, for watch mode.
 *
 * `npm run grade` starts vitest, forks a worker per grader file, runs, and closes: ≈ 0.5 s before
 * the first property runs. Watch mode grades the same exercise on every save, so it keeps one
 * vitest instance AND one worker alive: the worker runs kit/warm-server.ts, a test that grades on
 * request over a Unix socket, importing the learner's file afresh each time. An endless loop
 * still costs only that save: the watchdog kills the worker, this side reads what the journal
 * recorded, and the next save starts a new worker. Results are built exactly as `npm run grade`
 * builds them (collectExercise), and the replay command is the same.
 */
import { existsSync, mkdtempSync, rmSync, truncateSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import type { Vitest } from "vitest/node";
import { readJournal } from "../kit/journal.ts";
import { displayPath, implementationFile } from "../kit/paths.ts";
import { repoRoot, type RunSettings } from "../kit/settings.ts";
import type { GradeRequest, WarmReply } from "../kit/warm-server.ts";
import type { ExerciseEntry } from "../manifest/types.ts";
import { collectExercise } from "./collect.ts";
import { killDescendants } from "./process-tree.ts";
import { replayCommand } from "./replay.ts";
import type { ExerciseResult } from "./results.ts";
import { typecheck } from "./typecheck.ts";

export interface SessionOptions {
  /** Folder of the graded files (default: exercises/). */
  targetRoot?: string;
  seed?: number;
  runs?: number;
  timeoutMs?: number;
  /** Type-check the file in parallel with the properties (≈ 0.3 s; off in latency-critical use). */
  typecheck?: boolean;
  /** Stop at the first failing property of a specific rule (watch mode shows only the lead failure). */
  bail?: boolean;
}

export interface GradingSession {
  readonly seed: number;
  /** Grades one exercise now; concurrent calls are queued, never overlapped. */
  grade(entry: ExerciseEntry): Promise<ExerciseResult>;
  /** The file graded for an exercise (what watch mode watches). */
  fileOf(id: string): string;
  close(): Promise<void>;
}

/** Budget for one run; the per-property watchdogs act long before. */
const RUN_BUDGET_MS = 60_000;
const SERVER_FILE = join(repoRoot, "grader", "kit", "warm-server.ts");

/** A connected warm worker; `closed` resolves when its socket closes (stopped, or killed). */
interface Worker {
  socket: Socket;
  replies: AsyncIterator<string>;
  closed: Promise<"closed">;
}

export async function openSession(options: SessionOptions = {}): Promise<GradingSession> {
  const dir = mkdtempSync(join(tmpdir(), "ztm-session-"));
  const socketPath = join(dir, "warm.sock");
  const journalPath = join(dir, "journal.jsonl");
  const settings: RunSettings = {
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    runs: options.runs ?? 100,
    timeoutMs: options.timeoutMs ?? 5000,
    budgetMs: RUN_BUDGET_MS,
    targetRoot: options.targetRoot ?? join(repoRoot, "exercises"),
    overrides: {},
  };

  const connections: Socket[] = [];
  const waiting: ((socket: Socket) => void)[] = [];
  const server = createServer((socket) => {
    const next = waiting.shift();
    if (next) next(socket);
    else connections.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));

  const { createVitest } = await import("vitest/node"); // ≈ 0.3 s: only when watch starts, not with the menu
  const vitest: Vitest = await createVitest(
    "test",
    {
      config: false,
      root: repoRoot,
      watch: false,
      reporters: [{}], // the warm worker reports over its socket; vitest's own lines would only be noise
      include: [relative(repoRoot, SERVER_FILE)],
      pool: "forks",
      isolate: true,
      maxWorkers: 1,
      execArgv: ["--max-old-space-size=2048"],
      env: { ZTM_WARM_SOCKET: socketPath, ZTM_WARM_JOURNAL: journalPath },
      passWithNoTests: true,
    },
    { server: { watch: null } }, // each request imports the learner's file under a new URL instead
  );

  /** Starts a worker and waits until it connects (or its run ends first: then it failed to start). */
  async function startWorker(): Promise<Worker> {
    const connected = new Promise<Socket>((resolve) => {
      const ready = connections.shift();
      if (ready) resolve(ready);
      else waiting.push(resolve);
    });
    const run = vitest.runTestFiles([SERVER_FILE]).then(() => "ended" as const);
    const first = await Promise.race([connected, run]);
    if (first === "ended") throw new Error("the grading worker did not start (see the vitest output above)");
    const socket = first;
    const closed = new Promise<"closed">((resolve) => socket.once("close", () => resolve("closed")));
    return { socket, replies: createInterface({ input: socket })[Symbol.asyncIterator](), closed };
  }

  let worker: Promise<Worker> | undefined;
  const warmUp = () => {
    const starting = startWorker();
    starting.catch(() => (worker = undefined)); // a failed start is retried by the next request
    return (worker = starting);
  };
  warmUp(); // while the learner reads the first screen
  let queue: Promise<unknown> = Promise.resolve();
  const fileOf = (id: string) => implementationFile(id, settings);

  async function ask(entry: ExerciseEntry): Promise<WarmReply | undefined> {
    const current = await (worker ?? warmUp());
    const request: GradeRequest = { type: "grade", id: entry.id, settings, bail: !!options.bail };
    current.socket.write(`${JSON.stringify(request)}\n`);
    let timer: NodeJS.Timeout | undefined;
    const overran = new Promise<"overran">((resolve) => (timer = setTimeout(() => resolve("overran"), RUN_BUDGET_MS + 30_000)));
    const answer = await Promise.race([current.replies.next(), current.closed, overran]);
    clearTimeout(timer);
    if (typeof answer === "object" && !answer.done) return JSON.parse(answer.value) as WarmReply;
    // Killed by its watchdog (endless loop), crashed (out of memory), or overran: a new worker
    // serves the next request.
    if (answer === "overran") killDescendants();
    worker = undefined;
    return undefined;
  }

  async function gradeNow(entry: ExerciseEntry): Promise<ExerciseResult> {
    const file = fileOf(entry.id);
    const checking = options.typecheck && existsSync(file) ? typecheck([file]) : Promise.resolve(new Map<string, string[]>());
    if (existsSync(journalPath)) truncateSync(journalPath, 0); // the journal holds this request's lines only
    const reply = await ask(entry).catch(() => undefined); // no reply: the journal says what ran
    const typeErrors = (await checking).get(file);
    return collectExercise(entry, {
      journal: readJournal(journalPath),
      typeErrors,
      unhandled: reply?.unhandled,
      output: reply?.output || undefined,
      durationMs: reply?.durationMs,
      timeoutMs: settings.timeoutMs,
      file: displayPath(file),
      replay: (index, seed = settings.seed, path) => replayCommand(`npm run grade -- ${entry.id}`, index, seed, path),
    });
  }

  return {
    seed: settings.seed,
    fileOf,
    grade(entry) {
      const run = queue.then(() => gradeNow(entry));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const current = await worker?.catch(() => undefined);
      current?.socket.end(`${JSON.stringify({ type: "stop" })}\n`);
      await Promise.race([vitest.close(), new Promise((resolve) => setTimeout(resolve, 3000))]);
      killDescendants();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
