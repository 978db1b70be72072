/**
 * The steps of grading one exercise, property by property, shared by the two ways a grader runs:
 * as vitest tests (vitest-binding.ts, `npm run grade`) and inside the warm worker that watch mode
 * keeps alive between saves (warm-server.ts). Keeping them in one place keeps both gradings alike.
 *
 * Around each property: the journal records its start and its outcome (so a killed worker loses
 * nothing), and the watchdog is armed (so a synchronous endless loop is stopped). The learner's
 * module is loaded once, on the first property, so that a missing file, a syntax error or an
 * exception at import becomes this exercise's error instead of a crash of the run.
 */
import type { GraderDef } from "./define.ts";
import { formatFailure } from "./format.ts";
import type { JournalWriter } from "./journal.ts";
import { loadImplementation, type Loaded } from "./load.ts";
import type { PropertyOutcome } from "./outcome.ts";
import { runProperty, type PropertyDef } from "./run-property.ts";
import { controlFails, dropPrivileges, resetFastCheckConfig, type WorkerSecrets } from "./sandboxed-worker.ts";
import type { RunSettings } from "./settings.ts";
import type { Watchdog } from "./watchdog.ts";

/** Extra real time the watchdog grants beyond a property's own limit before it kills. */
export const WATCHDOG_GRACE_MS = 1000;

export interface ExerciseRunOptions {
  settings: RunSettings;
  journal: JournalWriter;
  watchdog: Watchdog;
  /** Sandboxed run: privileges are dropped just before the learner's module loads. */
  secrets?: WorkerSecrets;
}

export interface PropertyVerdict {
  passed: boolean;
  /** What a failing vitest test reports: the formatted failure, or why nothing ran. */
  message?: string;
}

/** A property's real-time limit including the watchdog's grace. */
export const propertyLimitMs = (property: { timeoutMs?: number }, settings: RunSettings) =>
  (property.timeoutMs ?? settings.timeoutMs) + WATCHDOG_GRACE_MS;

export function startExerciseRun<M>(grader: GraderDef<M>, options: ExerciseRunOptions) {
  const { settings, journal, watchdog, secrets } = options;
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

  async function gradeProperty(property: PropertyDef<M>): Promise<PropertyVerdict> {
    journal.append({ event: "start", index: property.index, title: property.title });
    const loaded = await load();
    if (!loaded.ok) {
      if (!loadErrorJournaled) journal.append({ event: "load-error", reason: loaded.reason });
      loadErrorJournaled = true;
      return { passed: false, message: loaded.reason };
    }
    firstStart ??= performance.now();
    const remainingMs = settings.budgetMs - (performance.now() - firstStart);
    if (remainingMs <= 0) {
      const summary = `not run: this exercise's time budget of ${settings.budgetMs} ms was spent`;
      journal.append({ event: "result", outcome: { index: property.index, title: property.title, status: "fail", failure: { kind: "timeout", summary, steps: [] } } });
      return { passed: false, message: summary };
    }
    resetFastCheckConfig(); // undo fc.configureGlobal by the learner's code (e.g. "interrupt at once")
    watchdog.arm(property.index, Math.min(propertyLimitMs(property, settings), remainingMs + WATCHDOG_GRACE_MS));
    let outcome: PropertyOutcome;
    try {
      outcome = await runProperty(property, loaded.module, settings, loaded.file, loaded.mapStack);
    } finally {
      watchdog.disarm();
    }
    if (outcome.status === "pass" && !(await controlFails(settings.seed))) {
      const summary = "not graded: fast-check was tampered with (a property that always fails passed)";
      outcome = { ...outcome, status: "fail", failure: { kind: "exception", summary, steps: [] } };
    }
    journal.append({ event: "result", outcome });
    return outcome.status === "pass" ? { passed: true } : { passed: false, message: formatFailure(outcome).join("\n") };
  }

  /** The properties this run grades (a replay grades only one). */
  const selected = grader.properties.filter((p) => settings.onlyProperty === undefined || p.index === settings.onlyProperty);
  return { gradeProperty, selected };
}
