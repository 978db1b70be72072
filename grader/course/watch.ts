/**
 * `npm run course -- watch [id]`: grade an exercise again on every save (rustlings' watch mode).
 *
 * Speed is the point: one vitest instance and one warm worker stay alive for the whole session
 * (engine/session.ts), and each save re-grades only that exercise in that worker, stopping at the
 * first failing property of a specific rule (broad ones do not stop it), and shows only the lead
 * failure (engine/lead.ts). Saves are debounced (editors write a file in several steps)
 * and ignored when the text did not change. A syntax error mid-edit is just this exercise's
 * error until the next save. When every property passes, the file is type-checked too (as
 * `npm run grade` does); then the pass is recorded. Started without a name, watch then moves on
 * to the next unfinished exercise; on an exercise named on the command line it stays (learners
 * refactor a passing solution). A grade of an untouched stub that the learner did not ask for
 * (watch arriving at it) is not recorded, so a chapter is "in progress" only once the learner
 * works in it. Keys (on a terminal): q quits, h shows the next hint of the exercise on screen,
 * Enter grades again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, relative } from "node:path";
import { openSession, type GradingSession } from "../engine/session.ts";
import { typecheck } from "../engine/typecheck.ts";
import type { Chapter, ExerciseEntry } from "../manifest/types.ts";
import { messages } from "../messages.ts";
import { exerciseFile, findExercise, type CourseContext } from "./context.ts";
import { recordResult, renderWatchResult, untouchedStub } from "./grading.ts";
import { renderHints } from "./hint.ts";
import { nextAfter, nextExercise } from "./progress.ts";
import { readProgress, updateProgress } from "./progress-store.ts";
import { paint } from "./terminal.ts";

/** Editors save in bursts (truncate, write, rename); wait this long after the last event. */
const DEBOUNCE_MS = 40;

export interface WatchOptions {
  runs?: number;
  seed?: number;
  /** Called with each printed result (the latency test listens here too). */
  onResult?: (status: string) => void;
}

const digest = (file: string) => (existsSync(file) ? createHash("sha1").update(readFileSync(file)).digest("hex") : "missing");

export async function watchCommand(ctx: CourseContext, selector: string | undefined, options: WatchOptions = {}): Promise<number> {
  const start = selector ? findExercise(ctx.course, selector) : nextExercise(ctx);
  if (!start) {
    console.log(messages.course.allDone);
    return 0;
  }
  const p = paint(ctx.color);
  const session: GradingSession = await openSession({ targetRoot: ctx.exercisesDir, bail: true, runs: options.runs, seed: options.seed });
  let current: { chapter: Chapter; exercise: ExerciseEntry } = start;
  /** The exercise whose result is on screen (what `h` gives hints for). */
  let onScreen = start;
  /** Named on the command line: stay on it after it passes. */
  const pinned = selector !== undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let lastDigest = "";
  let savedAt = 0;
  /** After a pass, the next exercise's first result must not wipe the pass off the screen. */
  let keepScreen = false;
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));

  const file = () => exerciseFile(ctx, current.exercise.id);
  const shown = () => relative(ctx.home, file());
  const say = (lines: string[]) => process.stdout.write(`${lines.join("\n")}\n`);

  async function gradeNow(reason: "start" | "save" | "key"): Promise<void> {
    if (running) {
      again = true; // a save during a run: grade once more when it ends
      return;
    }
    running = true;
    const began = savedAt || performance.now();
    savedAt = 0;
    lastDigest = digest(file());
    const { chapter, exercise } = current;
    const result = await session.grade(exercise);
    const ms = Math.round(performance.now() - began);
    if (ctx.interactive && !keepScreen) process.stdout.write("\x1b[2J\x1b[H");
    keepScreen = false;
    const footer = p("dim", messages.course.watchFooter(shown(), reason === "save" ? ms : undefined, session.seed));
    say([...renderWatchResult(ctx, result), "", footer]);
    onScreen = current;
    if (result.status === "pass") {
      // Properties pass; a pass also needs the file to compile, as in `npm run grade`. Checked
      // after the result is shown, so the type check (≈ 0.3 s) never delays the verdict.
      say([p("dim", messages.course.watchTypechecking)]);
      const errors = (await typecheck([file()])).get(file());
      if (errors?.length) {
        result.status = "error";
        result.reason = `${shown()} does not compile:\n${errors.slice(0, 5).join("\n")}`;
        say(["", ...renderWatchResult(ctx, result)]);
      }
    }
    // A grade on arrival (no save yet) of the untouched stub is watch passing through, not work.
    if (reason !== "start" || !untouchedStub(result)) recordResult(ctx, chapter.id, result);
    options.onResult?.(result.status);
    running = false;
    if (result.status === "pass" && pinned) say(["", p("dim", messages.course.watchStaying(exercise.id))]);
    else if (result.status === "pass") {
      const next = nextAfter(ctx, exercise.id, readProgress(ctx.progressFile));
      if (!next) {
        say(["", p("green", messages.course.allDone)]);
        finish(0);
        return;
      }
      say(["", p("bold", messages.course.watchMovingOn(next.exercise.id))]);
      follow(next);
      keepScreen = true;
      return gradeNow("start");
    }
    if (again) {
      again = false;
      if (digest(file()) !== lastDigest) return gradeNow("save");
    }
  }

  function follow(target: { chapter: Chapter; exercise: ExerciseEntry }): void {
    current = target;
    updateProgress(ctx.progressFile, (p) => (p.last = { chapter: target.chapter.id, exercise: target.exercise.id }));
    watcher?.close();
    // Watch the folder, not the file: editors that save by renaming a new file into place
    // would leave a file watcher on the old, deleted inode.
    watcher = watch(dirname(file()), (_event, name) => {
      if (name !== basename(file())) return;
      savedAt ||= performance.now();
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (digest(file()) === lastDigest && !running) {
          savedAt = 0;
          return; // touched, not changed
        }
        void gradeNow("save");
      }, DEBOUNCE_MS);
    });
  }

  const onKey = (data: Buffer) => {
    const key = data.toString();
    if (key === "q" || key === "\u0003" || key.trim() === "q") finish(0);
    else if (key === "h") {
      let shown = 0;
      updateProgress(ctx.progressFile, (progress) => {
        const entry = (progress.exercises[onScreen.exercise.id] ??= {});
        entry.hintsShown = Math.min(3, (entry.hintsShown ?? 0) + 1);
        shown = entry.hintsShown;
      });
      say(["", renderHints(onScreen.exercise.id, onScreen.exercise.hints, shown, ctx.color)]);
    } else if (key === "\r" || key === "\n") void gradeNow("key");
  };
  const stop = () => finish(0);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  process.stdin.on("data", onKey);
  process.stdin.resume();

  say([p("dim", messages.course.watchStarting(current.exercise.id))]);
  follow(current);
  void gradeNow("start");
  const code = await done;

  watcher?.close();
  clearTimeout(timer);
  process.stdin.off("data", onKey);
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.stdin.pause();
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  await session.close();
  say([messages.course.watchStopped]);
  return code;
}
