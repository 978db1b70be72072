/**
 * Registers a grader's properties as vitest tests, one test per property, in a grading run.
 *
 * Around each property: the journal records its start and its outcome (so a killed worker loses
 * nothing), and the watchdog is armed (so a synchronous endless loop is stopped). The learner's
 * module is loaded once, inside the first test, so that a missing file, a syntax error or an
 * exception at import becomes this exercise's error instead of a crash of the run.
 */
import { describe, test } from "vitest";
import type { GraderDef } from "./define.ts";
import { formatFailure } from "./format.ts";
import { journalFile, openJournal } from "./journal.ts";
import { loadImplementation, type Loaded } from "./load.ts";
import type { PropertyOutcome } from "./outcome.ts";
import { runProperty } from "./run-property.ts";
import { controlFails, dropPrivileges, freezeFastCheck, resetFastCheckConfig, takeSecrets } from "./sandboxed-worker.ts";
import { readSettings } from "./settings.ts";
import { startWatchdog } from "./watchdog.ts";

/** Extra real time the watchdog grants beyond a property's own limit before it kills. */
const WATCHDOG_GRACE_MS = 1000;

class PropertyFailed extends Error {
  override name = "PropertyFailed";
}

export function registerWithVitest<M>(grader: GraderDef<M>): void {
  const settings = readSettings();
  // Sandboxed run: the seed and the journal's key come from a root-only file, read before any
  // learner code loads (grader/kit/sandboxed-worker.ts).
  const secrets = takeSecrets(grader.id);
  if (secrets) settings.seed = secrets.seed;
  const journalPath = settings.journalDir ? journalFile(settings.journalDir, grader.id) : undefined;
  const journal = openJournal(journalPath, secrets?.key);
  const watchdog = startWatchdog(journal);
  freezeFastCheck();
  journal.append({ event: "plan", properties: grader.properties.map(({ index, title }) => ({ index, title })) });

  let loading: Promise<Loaded<M>> | undefined;
  let loadErrorJournaled = false;
  const load = () =>
    (loading ??= (async () => {
      watchdog.arm(0, settings.timeoutMs + WATCHDOG_GRACE_MS); // property 0 = loading the module
      try {
        if (secrets) dropPrivileges(secrets); // from here on, the learner's code may be running
        return await loadImplementation<M>(grader.id, settings);
      } finally {
        watchdog.disarm();
      }
    })());

  let firstStart: number | undefined;
  describe(grader.id, () => {
    for (const property of grader.properties) {
      if (settings.onlyProperty !== undefined && property.index !== settings.onlyProperty) continue;
      const limitMs = (property.timeoutMs ?? settings.timeoutMs) + WATCHDOG_GRACE_MS;
      test(`${property.index}. ${property.title}`, { timeout: limitMs + 5000 }, async () => {
        journal.append({ event: "start", index: property.index, title: property.title });
        const loaded = await load();
        if (!loaded.ok) {
          if (!loadErrorJournaled) journal.append({ event: "load-error", reason: loaded.reason });
          loadErrorJournaled = true;
          throw new PropertyFailed(loaded.reason);
        }
        firstStart ??= performance.now();
        const remainingMs = settings.budgetMs - (performance.now() - firstStart);
        if (remainingMs <= 0) {
          const summary = `not run: this exercise's time budget of ${settings.budgetMs} ms was spent`;
          journal.append({ event: "result", outcome: { index: property.index, title: property.title, status: "fail", failure: { kind: "timeout", summary, steps: [] } } });
          throw new PropertyFailed(summary);
        }
        resetFastCheckConfig(); // undo fc.configureGlobal by the learner's code (e.g. "interrupt at once")
        watchdog.arm(property.index, Math.min(limitMs, remainingMs + WATCHDOG_GRACE_MS));
        let outcome: PropertyOutcome;
        try {
          outcome = await runProperty(property, loaded.module, settings, loaded.file);
        } finally {
          watchdog.disarm();
        }
        if (outcome.status === "pass" && !(await controlFails(settings.seed))) {
          const summary = "not graded: fast-check was tampered with (a property that always fails passed)";
          outcome = { ...outcome, status: "fail", failure: { kind: "exception", summary, steps: [] } };
        }
        journal.append({ event: "result", outcome });
        if (outcome.status === "fail") throw new PropertyFailed(formatFailure(outcome).join("\n"));
      });
    }
  });
}
