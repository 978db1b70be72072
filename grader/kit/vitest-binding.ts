/**
 * Registers a grader's properties as vitest tests, one test per property, in a grading run.
 * What happens around each property (journal, watchdog, loading the learner's module once) is in
 * exercise-run.ts, shared with watch mode's warm worker.
 */
import { describe, test } from "vitest";
import type { GraderDef } from "./define.ts";
import { startExerciseRun, propertyLimitMs } from "./exercise-run.ts";
import { lockdownOnce } from "./boundary/realm.ts";
import { changedIntrinsics } from "./intrinsics.ts";
import { journalFile, openJournal } from "./journal.ts";
import { freezeFastCheck, takeSecrets } from "./sandboxed-worker.ts";
import { readSettings } from "./settings.ts";
import { startWatchdog } from "./watchdog.ts";

class PropertyFailed extends Error {
  override name = "PropertyFailed";
}

export function registerWithVitest<M>(grader: GraderDef<M>): void {
  // First of all: freeze the language's built-ins for this worker (boundary/realm.ts), before
  // anything below freezes parts of them in ways lockdown would then have to undo.
  lockdownOnce();
  const settings = readSettings();
  // Sandboxed run: the seed and the journal's key come from a root-only file, read before any
  // learner code loads (grader/kit/sandboxed-worker.ts).
  const secrets = takeSecrets(grader.id);
  if (secrets) settings.seed = secrets.seed;
  const journalPath = settings.journalDir ? journalFile(settings.journalDir, grader.id) : undefined;
  const journal = openJournal(journalPath, secrets?.key);
  const watchdog = startWatchdog(journal);
  // In a worker shared with earlier grader files, their learner code may have changed built-ins.
  const changed = changedIntrinsics();
  if (changed.length > 0) journal.append({ event: "disturbed", changed });
  freezeFastCheck();
  const run = startExerciseRun(grader, { settings, journal, watchdog, secrets });

  describe(grader.id, () => {
    for (const property of run.selected) {
      // vitest's own timeout stays above the watchdog's, which reports better.
      test(`${property.index}. ${property.title}`, { timeout: propertyLimitMs(property, settings) + 5000 }, async () => {
        const verdict = await run.gradeProperty(property);
        if (!verdict.passed) throw new PropertyFailed(verdict.message);
      });
    }
  });
}
