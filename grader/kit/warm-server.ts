/**
 * Watch mode's warm worker: a vitest test file whose one test grades on request until told to
 * stop, so the worker process (and its imports: vitest, fast-check, the kit, the grader) stays
 * alive between saves.
 *
 * Why not a plain vitest run per save: vitest's pool stops a run's worker when the run ends
 * (it shares a worker only between files queued in the same run), and forking and initialising
 * a new one costs ≈ 0.45 s, which is the whole latency budget of a save. Inside this test the
 * graders run exactly as in `npm run grade` (exercise-run.ts), with vitest's fake timers; the
 * learner's file is read and bundled afresh for every request (kit/boundary/compartment.ts).
 *
 * Protocol, JSON lines over the Unix socket named by ZTM_WARM_SOCKET (the engine's side is
 * engine/session.ts): the engine sends `{ type: "grade", id, settings, bail }` or
 * `{ type: "stop" }`; this test answers every grade with `{ type: "done", output, unhandled,
 * durationMs }` after the outcomes are in the journal (ZTM_WARM_JOURNAL, which the engine empties
 * before each request).
 * An endless loop is stopped by the watchdog, which kills this process: the engine sees the
 * socket close, reads the journal, and starts a new worker for the next save.
 */
import { connect } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Console } from "node:console";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { test } from "vitest";
import { collectWithoutRegistering, type GraderDef } from "./define.ts";
import { startExerciseRun } from "./exercise-run.ts";
import { openJournal } from "./journal.ts";
import { freezeFastCheck } from "./sandboxed-worker.ts";
import { lockdownOnce } from "./boundary/realm.ts";
import { OUTPUT_LIMIT, repoRoot, type RunSettings } from "./settings.ts";
import { startWatchdog } from "./watchdog.ts";

export interface GradeRequest {
  type: "grade";
  id: string;
  settings: RunSettings;
  /** Stop at the first failing property. */
  bail: boolean;
}
export type WarmRequest = GradeRequest | { type: "stop" };

export interface WarmReply {
  type: "done";
  /** What the learner's code printed through `console` while it was graded. */
  output: string;
  /** Errors that escaped the learner's code (unhandled rejections, exceptions in callbacks). */
  unhandled: string[];
  durationMs: number;
}

const firstLine = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : `non-error thrown: ${String(error)}`;

/** Sends the learner's console output to a string instead of vitest's reporter. */
function captureConsole(): { stop(): string } {
  let text = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      if (text.length < OUTPUT_LIMIT) text = (text + String(chunk)).slice(0, OUTPUT_LIMIT);
      done();
    },
  });
  const original = globalThis.console;
  globalThis.console = new Console({ stdout: sink, stderr: sink });
  return {
    stop() {
      globalThis.console = original;
      return text;
    },
  };
}

async function grade(request: GradeRequest, journal: ReturnType<typeof openJournal>, watchdog: ReturnType<typeof startWatchdog>): Promise<WarmReply> {
  const started = performance.now();
  const unhandled: string[] = [];
  const onEscape = (error: unknown) => unhandled.push(firstLine(error));
  process.on("unhandledRejection", onEscape);
  process.on("uncaughtException", onEscape);
  const output = captureConsole();
  try {
    const suite = join(repoRoot, "grader", "suites", `${request.id}.test.ts`);
    const grader = (await import(pathToFileURL(suite).href)).default as GraderDef;
    const run = startExerciseRun(grader, { settings: request.settings, journal, watchdog });
    for (const property of run.selected) {
      const verdict = await run.gradeProperty(property);
      // Bail at the first failure of a specific rule; a broad property's failure (the whole
      // contract against a model, or cost) goes on, since a later specific failure leads.
      if (!verdict.passed && request.bail && !property.broad) break;
    }
  } catch (error) {
    unhandled.push(firstLine(error));
  } finally {
    // Let callbacks the learner's code scheduled report their errors before this run is closed.
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", onEscape);
    process.off("uncaughtException", onEscape);
  }
  return { type: "done", output: output.stop(), unhandled, durationMs: Math.round(performance.now() - started) };
}

test("warm worker: grades on request until told to stop", { timeout: 0 }, async () => {
  lockdownOnce(); // first: see vitest-binding.ts
  collectWithoutRegistering();
  const journal = openJournal(process.env.ZTM_WARM_JOURNAL!);
  const watchdog = startWatchdog(journal);
  freezeFastCheck();
  const socket = connect(process.env.ZTM_WARM_SOCKET!);
  for await (const line of createInterface({ input: socket })) {
    const request = JSON.parse(line) as WarmRequest;
    if (request.type === "stop") break;
    socket.write(`${JSON.stringify(await grade(request, journal, watchdog))}\n`);
  }
  socket.end();
});
