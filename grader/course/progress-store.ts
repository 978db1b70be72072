/**
 * The learner's progress: `.progress.json` in the working tree (git-ignored).
 *
 * Two commands may run at once (a watch in one terminal, a hint in another), so every change is
 * a read-modify-write under a lock file created with O_EXCL ("wx"): only one process can create
 * it, the others retry. The new text is written to a temporary file and renamed into place, so a
 * reader (and a crash) never sees half a file. A lock left by a killed process is taken over once
 * it is older than STALE_MS.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";

export const PROGRESS_VERSION = 1;

export interface ExerciseProgress {
  /** Passed every property at least once (and compiled). */
  passed?: boolean;
  passedAt?: string;
  /** Best score seen, and the most it could be. */
  bestScore?: number;
  maxScore?: number;
  lastGradedAt?: string;
  /** How many hint tiers have been shown (0–3). */
  hintsShown?: number;
  /** The learner confirmed seeing the solution before passing. */
  solutionSeen?: boolean;
}

export interface QuizProgress {
  score: number;
  total: number;
  best: number;
  takenAt: string;
}

export interface Progress {
  version: number;
  exercises: Record<string, ExerciseProgress>;
  quizzes: Record<string, QuizProgress>;
  /** What the learner touched last: "continue where I left off". */
  last?: { chapter: string; exercise?: string };
}

const STALE_MS = 10_000;
const WAIT_MS = 10_000;

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, exercises: {}, quizzes: {} });

/** Reads the file; a missing file is an empty progress, a damaged one is kept aside, not lost. */
export function readProgress(file: string): Progress {
  if (!existsSync(file)) return emptyProgress();
  const text = readFileSync(file, "utf8");
  try {
    const parsed = JSON.parse(text) as Partial<Progress>;
    return { ...emptyProgress(), ...parsed, exercises: parsed.exercises ?? {}, quizzes: parsed.quizzes ?? {} };
  } catch {
    // Only a hand edit can damage it (writes are atomic). Keep the text for the learner.
    writeFileSync(`${file}.damaged-${Date.now()}`, text);
    return emptyProgress();
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` while holding `file`.lock. Synchronous on purpose: the critical section is tiny. */
export function withLock<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  const started = Date.now();
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { force: true });
      } catch {
        // it was released while we looked
      }
      if (Date.now() - started > WAIT_MS) throw new Error(`${lock} is held by another course command; if none is running, delete it`);
      sleep(5 + Math.random() * 15);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return fn();
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

export function writeProgressAtomically(file: string, progress: Progress): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Read-modify-write under the lock; returns the progress as written. */
export function updateProgress(file: string, change: (progress: Progress) => void): Progress {
  return withLock(file, () => {
    const progress = readProgress(file);
    change(progress);
    writeProgressAtomically(file, progress);
    return progress;
  });
}

/** Updates one exercise's entry. */
export function updateExercise(file: string, id: string, change: (entry: ExerciseProgress) => void): ExerciseProgress {
  const progress = updateProgress(file, (p) => {
    const entry = (p.exercises[id] ??= {});
    change(entry);
  });
  return progress.exercises[id];
}
